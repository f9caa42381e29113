import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SequenceCounter } from './sequence-counter';

describe('SequenceCounter', () => {
	it('adds up repeated sequences and keeps first-seen order', () => {
		const c = new SequenceCounter();
		c.add([1, 2], 2, 3);
		c.add([], 0, 1);
		c.add([1, 2, 9], 2, 4); // only the first two values count
		c.add([0], 1, 1);
		expect(c.size).toBe(3);
		expect([0, 1, 2].map((e) => [c.values(e), c.count(e)])).toEqual([
			[[1, 2], 7],
			[[], 1],
			[[0], 1]
		]);
	});

	it.each([-1, 65536, 1.5])('refuses %s', (x) => {
		expect(() => new SequenceCounter().add([x], 1, 1)).toThrow(RangeError);
	});

	it('counts like a map of joined sequences, through many rehashes', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 6 }),
						fc.integer({ min: 1, max: 9 })
					),
					{
						maxLength: 3000
					}
				),
				(items) => {
					const c = new SequenceCounter();
					const m = new Map<string, number>();
					for (const [seq, n] of items) {
						c.add(seq, seq.length, n);
						m.set(seq.join(','), (m.get(seq.join(',')) ?? 0) + n);
					}
					const got = new Map(
						Array.from({ length: c.size }, (_, e) => [c.values(e).join(','), c.count(e)])
					);
					expect(got).toEqual(m);
				}
			),
			{ numRuns: 50 }
		);
	});
});
