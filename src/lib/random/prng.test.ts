import { describe, expect, it } from 'vitest';
import { mulberry32, randomInt, weightedPick } from './prng';

describe('mulberry32', () => {
	it('gives the same sequence for the same seed', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const seqA = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(seqA);
		expect(Array.from({ length: 5 }, mulberry32(43))).not.toEqual(seqA);
	});

	it('stays in [0, 1)', () => {
		const rng = mulberry32(7);
		for (let i = 0; i < 10_000; i++) {
			const x = rng();
			expect(x >= 0 && x < 1).toBe(true);
		}
	});

	it('picks by weight and never picks a zero weight', () => {
		const rng = mulberry32(1);
		const picks = Array.from({ length: 1000 }, () => weightedPick(rng, ['a', 'b', 'c'], [1, 3, 0]));
		expect(picks).not.toContain('c');
		const bs = picks.filter((p) => p === 'b').length;
		expect(bs).toBeGreaterThan(650);
		expect(bs).toBeLessThan(850);
		expect(randomInt(rng, 1)).toBe(0);
	});
});
