import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	decimalFraction,
	flagged,
	fragility,
	groupRules,
	judge,
	passesMarginAndPoint,
	status,
	type Counts
} from './groups';
import type { ProtectionRules } from './types';

const RULES: ProtectionRules = {
	minGroup: 20,
	threshold: 0.5,
	margin: 0.2,
	confidence: 0.95,
	membership: 'declared'
};
const r = groupRules(RULES);
const c = (n: number, d: number, N: number, D: number): Counts => ({ n, d, N, D });

describe('decimal settings', () => {
	it.each([
		[0.2, 2n, 10n],
		[0.5, 5n, 10n],
		[0.125, 125n, 1000n],
		[1, 1n, 1n],
		[1e-7, 1n, 10000000n]
	])('reads %s as the fraction it was written as', (x, n, d) => {
		expect(decimalFraction(x)).toEqual({ n, d });
	});
});

describe('the four tests (counting.md step 3), exactly on their bounds', () => {
	it.each([
		// 10000·(2d − n)² >= 38416·n decides confidence at t = 1/2.
		{ name: '40 of 40 (day centres users)', counts: c(40, 40, 500, 95), want: 'protects' },
		{ name: '26 of 40: 1,440,000 < 1,536,640', counts: c(40, 26, 500, 81), want: 'marginal' },
		{ name: '24 of 40 (hydrotherapy pool)', counts: c(40, 24, 450, 84), want: 'marginal' },
		{ name: '19 of 40: below the point', counts: c(40, 19, 450, 79), want: 'none' },
		{
			name: '20 of 40: exactly on the point, inclusive',
			counts: c(40, 20, 400, 20),
			want: 'marginal'
		},
		{
			name: '30 of 45 protects (2,250,000 >= 1,728,720)',
			counts: c(45, 30, 500, 80),
			want: 'protects'
		},
		{
			name: '29 of 45 does not (1,690,000 < 1,728,720)',
			counts: c(45, 29, 500, 79),
			want: 'marginal'
		},
		{
			name: '17 of 24 protects (1,000,000 >= 921,984)',
			counts: c(24, 17, 454, 57),
			want: 'protects'
		},
		{ name: '19 of 19 is below minGroup', counts: c(19, 19, 300, 19), want: 'none' },
		{ name: 'margin exactly 20 points, inclusive', counts: c(20, 14, 120, 64), want: 'marginal' },
		{ name: 'margin just under 20 points', counts: c(20, 14, 120, 65), want: 'none' },
		{ name: 'a group that is everyone has no others', counts: c(50, 50, 50, 50), want: 'none' },
		{ name: 'a group with no ballots fails every test', counts: c(0, 0, 50, 10), want: 'none' }
	])('$name: $want', ({ counts, want }) => {
		expect(status(counts, r)).toBe(want);
	});

	it('with confidence "none", passing size, margin and point protects', () => {
		expect(status(c(40, 24, 450, 84), groupRules({ ...RULES, confidence: 'none' }))).toBe(
			'protects'
		);
	});

	it('compares 0.7 - 0.5 exactly, not as floating point rounds it', () => {
		// 7/10 - 5/10 = 2/10: exactly the margin, inclusive (binary 0.7 - 0.5 < 0.2).
		expect(passesMarginAndPoint(c(10, 7, 20, 12), r)).toBe(true);
	});

	it('agrees with the Wilson lower bound computed in floating point, away from the bound', () => {
		fc.assert(
			fc.property(fc.integer({ min: 20, max: 2000 }), fc.double({ min: 0.5, max: 1 }), (n, f) => {
				const d = Math.round(n * f);
				const p = d / n;
				const z2 = 3.8416;
				const lower =
					(p + z2 / (2 * n) - Math.sqrt((z2 * p * (1 - p)) / n + z2 ** 2 / (4 * n * n))) /
					(1 + z2 / n);
				fc.pre(Math.abs(lower - 0.5) > 1e-9);
				const s = status(c(n, d, n * 10, d), r);
				expect(s === 'protects').toBe(lower >= 0.5);
			})
		);
	});
});

describe('fragility', () => {
	it.each([
		{ counts: c(40, 40, 500, 95), want: 14 },
		{ counts: c(50, 45, 500, 95), want: 14 },
		{ counts: c(45, 45, 500, 95), want: 16 },
		{ counts: c(40, 24, 450, 84), want: 5 },
		{ counts: c(30, 30, 530, 30), want: 10 },
		{ counts: c(60, 40, 600, 70), want: 3 }
	])('$counts.d of $counts.n: $want', ({ counts, want }) => {
		expect(fragility(counts, r)).toBe(want);
	});

	it('is the first change of status, and one fewer changes nothing', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 20, max: 300 }),
				fc.integer({ min: 0, max: 300 }),
				fc.integer({ min: 1, max: 500 }),
				fc.integer({ min: 0, max: 500 }),
				(n, d0, others, dOthers0) => {
					const d = Math.min(d0, n);
					const dOthers = Math.min(dOthers0, others);
					const counts = c(n, d, n + others, d + dOthers);
					const k = fragility(counts, r);
					const s = status(counts, r);
					if (s === 'none') {
						expect(k).toBeNull();
						return;
					}
					if (k === null) return;
					const at = (j: number) => status(c(n, d - j, n + others, d + dOthers - j), r);
					expect(at(k)).not.toBe(s);
					if (k > 1) expect(at(k - 1)).toBe(s);
				}
			)
		);
	});
});

describe('unions of declared groups (step 2)', () => {
	it('tests every union of two or more passing groups, named in affects order', () => {
		// users 12 of 12, disabled 12 of 12 (separate people), carers fail the point test.
		const figures: Record<number, [number, number]> = {
			0b001: [12, 12],
			0b010: [12, 12],
			0b100: [100, 10],
			0b011: [24, 24],
			0b101: [112, 22],
			0b110: [112, 22],
			0b111: [124, 34]
		};
		const j = judge(['users', 'disabled', 'carers'], (mask) => c(...figures[mask], 454, 94), r);
		expect(j.protects.map((f) => [f.group, f.fragility])).toEqual([['users+disabled', 8]]);
		expect(j.marginal).toEqual([]);
	});

	it('reports marginal groups only when none protects', () => {
		const j = judge(['users'], () => c(40, 24, 450, 84), r);
		expect(j.protects).toEqual([]);
		expect(j.marginal.map((f) => f.group)).toEqual(['users']);
	});
});

describe('flags (step 8)', () => {
	it('flags an undeclared group passing size, margin and point, without a fragility', () => {
		expect(flagged('young', c(60, 50, 400, 90), r)).toMatchObject({
			group: 'young',
			ballots: 60,
			count: 50,
			fragility: null
		});
		expect(flagged('young', c(19, 19, 400, 59), r)).toBeNull();
	});
});
