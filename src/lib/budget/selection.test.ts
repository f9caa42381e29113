import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overrideOrder, selectSavings } from './selection';

describe('selection of savings (counting.md step 6)', () => {
	it.each([
		{ name: 'no target: every candidate', amounts: [5, 7], target: 0, want: ['accept', 'accept'] },
		// museum-no-overshoot: £450k, then £400k skipped for £60k that closes the £50k gap.
		{
			name: 'a smaller lower-ranked saving closes the gap',
			amounts: [450, 400, 60],
			target: 500,
			want: ['accept', 'smaller', 'accept']
		},
		// rank-respecting: nothing lower closes £250k alone, so the £400k is taken.
		{
			name: 'a larger one is taken when nothing lower closes the gap alone',
			amounts: [100, 150, 400, 60],
			target: 500,
			want: ['accept', 'accept', 'accept', 'met']
		},
		{
			name: 'exactly the gap',
			amounts: [300, 200, 100],
			target: 500,
			want: ['accept', 'accept', 'met']
		},
		{
			// Skipping it for an equal one would drop a saving residents ranked higher for nothing.
			name: 'an equal lower-ranked saving does not make it unneeded',
			amounts: [60, 60, 60],
			target: 100,
			want: ['accept', 'accept', 'met']
		},
		{
			name: 'only single savings are weighed against it',
			amounts: [500, 30, 30],
			target: 50,
			want: ['accept', 'met', 'met']
		}
	])('$name', ({ amounts, target, want }) => {
		expect(selectSavings(amounts, target)).toEqual(want);
	});

	it('never skips a saving unless the target is met or a smaller lower one closes the gap', () => {
		fc.assert(
			fc.property(
				// Amounts in steps of 50, so that equal amounts and exact gaps come up often.
				fc.array(
					fc.integer({ min: 0, max: 20 }).map((x) => x * 50),
					{ maxLength: 12 }
				),
				fc.integer({ min: 1, max: 100 }).map((x) => x * 50),
				(amounts, target) => {
					const picked = selectSavings(amounts, target);
					let saved = 0;
					picked.forEach((s, i) => {
						const gap = target - saved;
						if (s === 'accept') saved += amounts[i];
						else if (s === 'met') expect(gap).toBeLessThanOrEqual(0);
						else {
							expect(amounts[i]).toBeGreaterThan(gap);
							expect(amounts.slice(i + 1).some((a) => a >= gap && a < amounts[i])).toBe(true);
						}
					});
				}
			)
		);
	});
});

describe('the override order (step 7)', () => {
	const g = (count: number, ballots: number) => ({ count, ballots });
	it('puts marginal first, then the smaller largest share, then listed order', () => {
		const order = overrideOrder([
			{ index: 0, marginal: false, groups: [g(30, 30)] },
			{ index: 1, marginal: false, groups: [g(48, 60), g(10, 20)] },
			{ index: 2, marginal: true, groups: [g(24, 40)] },
			{ index: 3, marginal: false, groups: [g(59, 60)] },
			{ index: 4, marginal: false, groups: [g(4, 5)] }
		]);
		expect(order.map((h) => h.index)).toEqual([2, 1, 4, 3, 0]);
	});
});
