import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanCell, shareCell, tQuantile975 } from './statistics';

describe('tQuantile975', () => {
	// Reference values from standard t tables (two-sided 95%).
	it.each([
		{ df: 1, t: 12.7062 },
		{ df: 4, t: 2.7764 },
		{ df: 10, t: 2.2281 },
		{ df: 30, t: 2.0423 },
		{ df: 40, t: 2.0211 },
		{ df: 60, t: 2.0003 },
		{ df: 120, t: 1.9799 },
		{ df: 1000, t: 1.9623 }
	])('t(0.975, $df) = $t', ({ df, t }) => {
		expect(tQuantile975(df)).toBeCloseTo(t, 3);
	});

	it('rounds a fractional df down (a wider, safer interval)', () => {
		expect(tQuantile975(4.9)).toBe(tQuantile975(4));
	});

	it('treats df below 1 as 1', () => {
		expect(tQuantile975(0.3)).toBe(tQuantile975(1));
	});

	it('never rises as df grows, and stays above the normal 1.96', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5000 }), (df) => {
				expect(tQuantile975(df + 1)).toBeLessThanOrEqual(tQuantile975(df));
				expect(tQuantile975(df)).toBeGreaterThan(1.959);
			})
		);
	});
});

describe('meanCell', () => {
	it('gives no mean for no answers', () => {
		expect(meanCell(0, 0, 0, 0, 0).mean).toBeNull();
	});

	it('gives a mean but no interval for one answer', () => {
		// One answer of 4: mean 4, and no spread to build an interval from.
		expect(meanCell(1, 1, 4, 16, 1)).toEqual({
			n: 1,
			mean: 4,
			ciLow: null,
			ciHigh: null,
			suppressed: false
		});
	});

	it('matches the textbook t interval when every weight is 1', () => {
		// Answers 1 and 3: mean 2, s^2 = ((1-2)^2 + (3-2)^2) / 1 = 2, se = sqrt(2/2) = 1,
		// t(0.975, 1) = 12.7062, so 2 +/- 12.7062.
		const cell = meanCell(2, 2, 4, 10, 2);
		expect(cell.mean).toBe(2);
		expect(cell.ciLow).toBeCloseTo(2 - 12.7062, 4);
		expect(cell.ciHigh).toBeCloseTo(2 + 12.7062, 4);
	});

	it('has a zero-width interval when every answer is the same', () => {
		// Five answers of 3: no spread at all.
		const cell = meanCell(5, 5, 15, 45, 5);
		expect(cell.ciLow).toBeCloseTo(3, 10);
		expect(cell.ciHigh).toBeCloseTo(3, 10);
	});

	it('keeps the interval around the mean for any answers and weights', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						x: fc.integer({ min: 1, max: 5 }),
						w: fc.double({ min: 0.2, max: 5, noNaN: true })
					}),
					{ minLength: 2, maxLength: 40 }
				),
				(answers) => {
					let sw = 0;
					let swx = 0;
					let swx2 = 0;
					let sw2 = 0;
					for (const { x, w } of answers) {
						sw += w;
						swx += w * x;
						swx2 += w * x * x;
						sw2 += w * w;
					}
					const cell = meanCell(answers.length, sw, swx, swx2, sw2);
					expect(cell.mean).toBeGreaterThanOrEqual(1 - 1e-9);
					expect(cell.mean).toBeLessThanOrEqual(5 + 1e-9);
					expect(cell.ciLow).toBeLessThanOrEqual((cell.mean ?? 0) + 1e-9);
					expect(cell.ciHigh).toBeGreaterThanOrEqual((cell.mean ?? 0) - 1e-9);
				}
			)
		);
	});
});

describe('shareCell', () => {
	it.each([
		{ name: 'no answers has no share', n: 0, w: 0, hit: 0, share: null },
		{ name: 'three of four', n: 4, w: 4, hit: 3, share: 0.75 },
		// Weighted: hits weigh 1.5 of a total 6 answers' weight 3.
		{ name: 'weighted', n: 6, w: 3, hit: 1.5, share: 0.5 }
	])('$name', ({ n, w, hit, share }) => {
		expect(shareCell(n, w, hit).share).toBe(share);
	});
});
