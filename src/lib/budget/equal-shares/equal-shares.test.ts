import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareProfile, type ApprovalProfile } from '../approval-profile';
import {
	Add1Error,
	emptyStats,
	equalShare,
	equalShares,
	equalSharesAdd1,
	proveShareRange,
	supportOverlaps,
	type Utility
} from '.';
import { greedy } from '../greedy';
import * as Q from '../rational';
import type { Rational } from '../rational';

/**
 * The definition, written as plainly as possible in exact fractions (refdata/DEFINITIONS.md):
 * every round, every remaining project; supporters sorted by money left; the poorest pay all
 * they have until the rest can share what is left equally. Slow, and independent of the fast
 * engine's floats, error bounds, lazy evaluation and skipping.
 */
function referenceMes(profile: ApprovalProfile, utility: Utility, start: Rational): number[] {
	const P = profile.ids.length;
	const rank = profile.tieRank ?? profile.ids.map((_, i) => i);
	const budgets = profile.voters.map(() => start);
	const weight = profile.voters.map((v) => Q.fromNumber(v.weight));
	const supporters = (p: number) =>
		profile.voters.map((v, i) => i).filter((i) => profile.voters[i].approvals.includes(p));
	const votes = (p: number) => supporters(p).reduce((s, i) => s + profile.voters[i].weight, 0);
	const selected = [...Array(P).keys()]
		.filter((p) => profile.costs[p] === 0 && votes(p) > 0)
		.sort((a, b) => rank[a] - rank[b]);
	let remaining = [...Array(P).keys()].filter((p) => profile.costs[p] > 0 && votes(p) > 0);
	for (;;) {
		let best: { p: number; rho: Rational; q: Rational } | null = null;
		const still: number[] = [];
		for (const p of remaining) {
			const cost = Q.rational(BigInt(profile.costs[p]));
			const sup = supporters(p).sort((a, b) => Q.compare(budgets[a], budgets[b]));
			let total = Q.ZERO;
			for (const i of sup) total = Q.add(total, Q.mul(weight[i], budgets[i]));
			if (Q.compare(total, cost) < 0) continue;
			still.push(p);
			let paid = Q.ZERO;
			let left = Q.ZERO;
			for (const i of sup) left = Q.add(left, weight[i]);
			let q = Q.ZERO;
			for (const i of sup) {
				q = Q.div(Q.sub(cost, paid), left);
				if (Q.compare(q, budgets[i]) <= 0) break;
				paid = Q.add(paid, Q.mul(weight[i], budgets[i]));
				left = Q.sub(left, weight[i]);
			}
			const rho = utility === 'cost' ? Q.div(q, cost) : q;
			const cmp = best ? Q.compare(rho, best.rho) : -1;
			if (cmp < 0 || (cmp === 0 && best && rank[p] < rank[best.p])) best = { p, rho, q };
		}
		if (!best) return selected;
		const { p, q } = best;
		selected.push(p);
		for (const i of supporters(p)) {
			budgets[i] = Q.compare(budgets[i], q) <= 0 ? Q.ZERO : Q.sub(budgets[i], q);
		}
		remaining = still.filter((x) => x !== p);
	}
}

function referenceAdd1(profile: ApprovalProfile, utility: Utility, integral = false): number[] {
	const n = profile.voters.reduce((s, v) => s + v.weight, 0);
	let b = n === 0 ? Q.ZERO : Q.rational(BigInt(profile.budget), BigInt(n));
	if (integral) b = Q.rational(Q.floor(b));
	const P = profile.ids.length;
	const supported = (p: number) => profile.voters.some((v) => v.approvals.includes(p));
	const cands = [...Array(P).keys()].filter((p) => profile.costs[p] > 0 && supported(p));
	let previous = [...Array(P).keys()].filter((p) => profile.costs[p] === 0 && supported(p));
	for (;;) {
		const out = referenceMes(profile, utility, b);
		const spent = out.reduce((s, p) => s + profile.costs[p], 0);
		if (spent > profile.budget) return previous;
		if (!cands.some((p) => !out.includes(p) && spent + profile.costs[p] <= profile.budget))
			return out;
		previous = out;
		b = Q.add(b, Q.rational(1n));
	}
}

/**
 * A vote from generated parts: projects p0, p1, ... with these costs, and each voter's approvals
 * taken modulo the number of projects (repeats dropped), so any generated numbers make a valid
 * ballot.
 */
function voteOf(
	costs: number[],
	budget: number,
	voters: { approvals: number[]; weight: number }[]
): ApprovalProfile {
	return {
		ids: costs.map((_, i) => `p${i}`),
		costs,
		budget,
		voters: voters.map((v) => ({
			approvals: [...new Set(v.approvals.map((a) => a % costs.length))],
			weight: v.weight
		}))
	};
}

/** A budget of `share` per cent of the projects' total cost, rounded down. */
const shareOf = (costs: number[], share: number) =>
	Math.floor((costs.reduce((a, b) => a + b, 0) * share) / 100);

/** Small random costed approval votes, with ties and poor voters aplenty. */
const profiles = fc
	.record({
		costs: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
		budget: fc.integer({ min: 0, max: 90 }),
		voters: fc.array(
			fc.record({
				approvals: fc.uniqueArray(fc.nat(5), { maxLength: 6 }),
				weight: fc.integer({ min: 1, max: 3 })
			}),
			{ maxLength: 8 }
		)
	})
	.map(({ costs, budget, voters }) => voteOf(costs, budget, voters));

/**
 * Four voters, budget 100 (25 each). A (60) has voters 1-3, B (40) voters 3-4, C (30) voter 4.
 * Worked by hand in the comments of the tests below.
 */
const abc: ApprovalProfile = {
	ids: ['A', 'B', 'C'],
	costs: [60, 40, 30],
	budget: 100,
	voters: [
		{ approvals: [0], weight: 1 },
		{ approvals: [0], weight: 1 },
		{ approvals: [0, 1], weight: 1 },
		{ approvals: [1, 2], weight: 1 }
	]
};

const names = (profile: ApprovalProfile, sel: number[]) => sel.map((p) => profile.ids[p]);

describe('Method of Equal Shares', () => {
	it.each([
		// Cost utilities: A needs 20 from each of its 3 supporters (ρ = 20/60), B 20 from each of
		// 2 (ρ = 20/40), C 30 from its one supporter who has 25: A goes first. Then voter 3 has 5
		// and voter 4 has 25: B's supporters hold 30 < 40 and C's 25 < 30. Only A.
		{ utility: 'cost' as const, expected: ['A'] },
		// Cardinality utilities: A and B both need 20 per supporter, a tie broken by listed order.
		// The rest is as above.
		{ utility: 'cardinality' as const, expected: ['A'] }
	])('funds what equal shares can pay for ($utility utilities)', ({ utility, expected }) => {
		expect(names(abc, equalShares(prepareProfile(abc), utility))).toEqual(expected);
	});

	it('breaks a tie by the tie-break rank', () => {
		// Same cost, same single supporter group: the lower rank wins.
		const tie: ApprovalProfile = {
			ids: ['x', 'y'],
			costs: [10, 10],
			budget: 10,
			voters: [{ approvals: [0, 1], weight: 2 }],
			tieRank: [1, 0]
		};
		expect(names(tie, equalShares(prepareProfile(tie), 'cost'))).toEqual(['y']);
	});

	it('funds free projects someone wants first', () => {
		const free: ApprovalProfile = {
			ids: ['paid', 'free', 'unwanted'],
			costs: [10, 0, 0],
			budget: 10,
			voters: [{ approvals: [0, 1], weight: 1 }]
		};
		expect(names(free, equalShares(prepareProfile(free), 'cost'))).toEqual(['free', 'paid']);
	});

	it('settles an exact tie among part-paying supporters in exact arithmetic', () => {
		// Budget 10, two voters (5 each), all approving X (8), A (2), B (2). Round 1: X, A, B all
		// have ρ = 1/2 with everyone paying in full: listed order gives X; each pays 4 and keeps 1.
		// Round 2: A and B need exactly the 1 each has left, again ρ = 1/2, and floats cannot tell
		// whether 1 - 4 is exactly enough, so the tie goes to exact arithmetic: A. B is then
		// unaffordable.
		const p: ApprovalProfile = {
			ids: ['X', 'A', 'B'],
			costs: [8, 2, 2],
			budget: 10,
			voters: [{ approvals: [0, 1, 2], weight: 2 }]
		};
		const stats = emptyStats();
		expect(names(p, equalShares(prepareProfile(p), 'cost', stats))).toEqual(['X', 'A']);
		expect(stats.exactResolutions).toBeGreaterThan(0);
	});

	it.each(['cost', 'cardinality'] as const)(
		'agrees with the exact definition on random votes (%s utilities)',
		(utility) => {
			fc.assert(
				fc.property(profiles, (profile) => {
					const pp = prepareProfile(profile);
					expect(equalShares(pp, utility)).toEqual(referenceMes(profile, utility, equalShare(pp)));
				}),
				{ numRuns: 300 }
			);
		}
	);

	it('agrees with the exact definition when voters carry fractional (population) weights', () => {
		const weighted = profiles.chain((p) =>
			fc
				.array(fc.constantFrom(0.5, 1, 1.25, 1 / 3, 2.2), {
					minLength: p.voters.length,
					maxLength: p.voters.length
				})
				.map((ws) => ({ ...p, voters: p.voters.map((v, i) => ({ ...v, weight: ws[i] })) }))
		);
		fc.assert(
			fc.property(weighted, (profile) => {
				const pp = prepareProfile(profile);
				expect(equalShares(pp, 'cost')).toEqual(referenceMes(profile, 'cost', equalShare(pp)));
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same outcome when every round is settled in exact arithmetic', () => {
		fc.assert(
			fc.property(profiles, (profile) => {
				const pp = prepareProfile(profile);
				expect(equalShares(pp, 'cost', undefined, true)).toEqual(equalShares(pp, 'cost'));
			}),
			{ numRuns: 100 }
		);
	});

	it('does not depend on the order of the voters or on how identical ones are grouped', () => {
		fc.assert(
			fc.property(profiles, fc.nat(), (profile, seed) => {
				// Split every group into single voters, then shuffle them with a simple LCG.
				const singles = profile.voters.flatMap((v) =>
					Array.from({ length: v.weight }, () => ({
						approvals: [...v.approvals].reverse(),
						weight: 1
					}))
				);
				let s = seed;
				for (let i = singles.length - 1; i > 0; i--) {
					s = (s * 1103515245 + 12345) % 2 ** 31;
					const j = s % (i + 1);
					[singles[i], singles[j]] = [singles[j], singles[i]];
				}
				const shuffled = { ...profile, voters: singles };
				for (const u of ['cost', 'cardinality'] as const) {
					expect(equalShares(prepareProfile(shuffled), u)).toEqual(
						equalShares(prepareProfile(profile), u)
					);
				}
			}),
			{ numRuns: 200 }
		);
	});
});

describe('Add1', () => {
	it('raises the shares until the outcome is exhaustive', () => {
		// From the hand count above: with 25 each only A is funded, leaving 40, and B (40) would
		// fit, so shares rise. B becomes affordable once voter 3's change (b - 20) and voter 4's b
		// reach 40: b = 30. At 30: A first (ρ 1/3 against B's 1/2), then B (voter 3 pays their
		// 10, voter 4 pays 30), total 100 = the budget: exhaustive.
		expect(names(abc, equalSharesAdd1(prepareProfile(abc), { utility: 'cost' }))).toEqual([
			'A',
			'B'
		]);
	});

	it('keeps the previous outcome when the next one costs more than the budget', () => {
		// Budget 10, one voter (share 10) wanting P (6) and Q (5): at 10 P is funded (ρ 1) and Q
		// cannot be paid (4 left), 4 left over but Q costs 5: not exhaustive. At 11 the voter
		// funds P then Q (11 >= 6 + 5): 11 > 10, so Add1 returns the outcome at 10.
		const p: ApprovalProfile = {
			ids: ['P', 'Q'],
			costs: [6, 5],
			budget: 10,
			voters: [{ approvals: [0, 1], weight: 1 }]
		};
		expect(names(p, equalSharesAdd1(prepareProfile(p), { utility: 'cost' }))).toEqual(['P']);
	});

	it.each([
		{ utility: 'cost' as const, integral: false },
		{ utility: 'cost' as const, integral: true },
		{ utility: 'cardinality' as const, integral: false }
	])(
		'agrees with trying every step in exact arithmetic ($utility, integral $integral)',
		({ utility, integral }) => {
			fc.assert(
				fc.property(profiles, (profile) => {
					const pp = prepareProfile(profile);
					expect(equalSharesAdd1(pp, { utility, integral })).toEqual(
						referenceAdd1(profile, utility, integral)
					);
				}),
				{ numRuns: 200 }
			);
		}
	);

	it('gives the answer of running every step, with any increment', () => {
		fc.assert(
			fc.property(profiles, fc.integer({ min: 1, max: 4 }), (profile, increment) => {
				const pp = prepareProfile(profile);
				const skipping = equalSharesAdd1(pp, { utility: 'cost', increment });
				const everyStep = equalSharesAdd1(pp, { utility: 'cost', increment, alwaysExact: true });
				expect(skipping).toEqual(everyStep);
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the answer of running every step on longer runs, with fractional weights too', () => {
		// Larger costs and budgets: hundreds of steps, so the proofs and skips get exercised.
		const longer = fc
			.record({
				costs: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 2, maxLength: 7 }),
				budget: fc.integer({ min: 100, max: 1200 }),
				voters: fc.array(
					fc.record({
						approvals: fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 4 }),
						weight: fc.constantFrom(1, 2, 3, 0.5, 1.25)
					}),
					{ minLength: 2, maxLength: 10 }
				)
			})
			.map(({ costs, budget, voters }) => voteOf(costs, budget, voters));
		fc.assert(
			fc.property(
				longer,
				fc.constantFrom('cost' as const, 'cardinality' as const),
				(profile, utility) => {
					const pp = prepareProfile(profile);
					const stats = emptyStats();
					const skipping = equalSharesAdd1(pp, { utility }, stats);
					expect(skipping).toEqual(equalSharesAdd1(pp, { utility, alwaysExact: true }));
				}
			),
			{ numRuns: 150 }
		);
	});

	it('never spends more than the budget, with or without the greedy fill', () => {
		fc.assert(
			fc.property(profiles, (profile) => {
				const pp = prepareProfile(profile);
				const core = equalSharesAdd1(pp, { utility: 'cost' });
				const filled = greedy(pp, 'cost', { start: core });
				for (const sel of [core, filled, equalShares(pp, 'cost'), greedy(pp, 'cardinality')]) {
					expect(sel.reduce((s, p) => s + profile.costs[p], 0)).toBeLessThanOrEqual(profile.budget);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it.each([
		{ increment: 0, message: /whole number of at least 1/ },
		{ increment: 1.5, message: /whole number of at least 1/ }
	])('refuses an increment of $increment', ({ increment, message }) => {
		expect(() => equalSharesAdd1(prepareProfile(abc), { utility: 'cost', increment })).toThrow(
			message
		);
	});

	it('refuses the variant without exhaustive stop when it could never stop', () => {
		// Everything supported fits: shares would rise for ever.
		const p: ApprovalProfile = {
			ids: ['a'],
			costs: [5],
			budget: 10,
			voters: [{ approvals: [0], weight: 1 }]
		};
		expect(() =>
			equalSharesAdd1(prepareProfile(p), { utility: 'cost', exhaustiveStop: false })
		).toThrow(Add1Error);
	});
});

/**
 * Crowded votes for the range proofs: costs a few units apart around a common size, so that ρ
 * values cross as the share rises (the outcome changes between consecutive steps) and near or
 * exact ties are common; budgets well below the total, so that Add1 takes many steps.
 */
const crowded = fc
	.record({
		base: fc.integer({ min: 20, max: 200 }),
		deltas: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 7 }),
		share: fc.integer({ min: 25, max: 90 }),
		voters: fc.array(
			fc.record({
				approvals: fc.uniqueArray(fc.nat(6), { minLength: 1, maxLength: 4 }),
				weight: fc.constantFrom(1, 1, 2, 3, 0.5, 1.25)
			}),
			{ minLength: 2, maxLength: 12 }
		)
	})
	.map(({ base, deltas, share, voters }) => {
		const costs = deltas.map((d) => base + d);
		return voteOf(costs, shareOf(costs, share), voters);
	});

/** Feasible and, unless `exhaustiveStop` is off, not exhaustive: what a skipped step must be. */
function skippable(profile: ApprovalProfile, outcome: number[], exhaustiveStop = true): boolean {
	const spent = outcome.reduce((s, p) => s + profile.costs[p], 0);
	if (spent > profile.budget) return false;
	if (!exhaustiveStop) return true;
	return profile.costs.some(
		(c, p) =>
			c > 0 &&
			!outcome.includes(p) &&
			profile.voters.some((v) => v.approvals.includes(p)) &&
			spent + c <= profile.budget
	);
}

describe('supportOverlaps', () => {
	it('gives the weight of the voters who approve both projects of each pair', () => {
		const pp = prepareProfile({
			ids: ['a', 'b', 'c'],
			costs: [1, 1, 1],
			budget: 3,
			voters: [
				{ approvals: [0, 1], weight: 2 },
				{ approvals: [1, 2], weight: 1 },
				{ approvals: [0, 1, 2], weight: 0.5 },
				{ approvals: [2], weight: 3 }
			]
		});
		const O = supportOverlaps(pp);
		expect([0, 1, 2].flatMap((x) => [...O.row(x)])).toEqual([
			// a with a, b, c; b with ...; c with ...
			2.5, 2.5, 0.5, 2.5, 3.5, 1.5, 0.5, 1.5, 4.5
		]);
	});

	it("is symmetric, with each project's votes on the diagonal, on random votes", () => {
		fc.assert(
			fc.property(profiles, (profile) => {
				const pp = prepareProfile(profile);
				const P = pp.projectCount;
				const O = supportOverlaps(pp);
				for (let p = 0; p < P; p++) {
					expect(O.row(p)[p]).toBe(pp.votes[p]);
					for (let x = 0; x < P; x++) {
						expect(O.row(x)[p]).toBe(O.row(p)[x]);
						const both = profile.voters
							.filter((v) => v.approvals.includes(p) && v.approvals.includes(x))
							.reduce((s, v) => s + v.weight, 0);
						expect(O.row(x)[p]).toBeCloseTo(both, 9);
					}
				}
			}),
			{ numRuns: 100 }
		);
	});
});

describe('Add1 range proofs', () => {
	it.each([
		{ utility: 'cost' as const, exhaustiveStop: true },
		{ utility: 'cardinality' as const, exhaustiveStop: true },
		{ utility: 'cost' as const, exhaustiveStop: false }
	])(
		'prove only ranges where every step is feasible and not exhaustive ($utility, exhaustive stop $exhaustiveStop)',
		({ utility, exhaustiveStop }) => {
			let proved = 0;
			let refused = 0;
			let changing = 0;
			fc.assert(
				fc.property(crowded, fc.nat(), fc.nat(), (profile, seed, seed2) => {
					const pp = prepareProfile(profile);
					// Start somewhere among the steps Add1 takes, where outcomes are not yet
					// exhaustive (a little before and after too).
					const stats = emptyStats();
					try {
						equalSharesAdd1(pp, { utility, exhaustiveStop, alwaysExact: true }, stats);
					} catch (e) {
						if (!(e instanceof Add1Error)) throw e;
					}
					const offset = (seed % (stats.runs + 10)) - 5;
					const length = seed2 % Math.min(stats.runs + 3, 40);
					const from = Q.add(equalShare(pp), Q.rational(BigInt(offset)));
					const to = Q.add(from, Q.rational(BigInt(length)));
					const outcomes: number[][] = [];
					if (!proveShareRange(pp, { utility, exhaustiveStop, outcomes }, from, to)) {
						refused++;
						return;
					}
					proved++;
					// Every step in the range, in exact fractions by the plain definition: one of
					// the outcomes the proof followed, and one that may be skipped.
					const seen = new Set(outcomes.map((o) => o.join()));
					const actual = new Set<string>();
					for (let k = 0; k <= length; k++) {
						const out = referenceMes(profile, utility, Q.add(from, Q.rational(BigInt(k))));
						actual.add(out.join());
						expect(seen.has(out.join())).toBe(true);
						expect(skippable(profile, out, exhaustiveStop)).toBe(true);
					}
					if (actual.size > 1) changing++;
				}),
				{ numRuns: 500 }
			);
			// Both answers must occur, or the test shows nothing.
			expect(proved).toBeGreaterThan(20);
			expect(refused).toBeGreaterThan(20);
			// Ranges over which the outcome changes were proved too.
			expect(changing).toBeGreaterThan(0);
		}
	);

	it('follows every outcome when many supporters run out of money (and the proof sets them aside)', () => {
		// Long ballots and costs near what supporters hold: many pay all they have, so range proofs
		// set aside supporters with nothing left and must bring them back on the next branch.
		const drained = fc
			.record({
				costs: fc.array(fc.integer({ min: 50, max: 500 }), { minLength: 8, maxLength: 12 }),
				share: fc.integer({ min: 30, max: 60 }),
				voters: fc.array(
					fc.record({
						approvals: fc.uniqueArray(fc.nat(11), { minLength: 2, maxLength: 10 }),
						weight: fc.constantFrom(1, 1, 2, 3)
					}),
					{ minLength: 10, maxLength: 30 }
				)
			})
			.map(({ costs, share, voters }) => voteOf(costs, shareOf(costs, share), voters));
		let proved = 0;
		fc.assert(
			fc.property(
				drained,
				fc.constantFrom('cost' as const, 'cardinality' as const),
				fc.integer({ min: -5, max: 15 }),
				fc.integer({ min: 0, max: 12 }),
				(profile, utility, offset, length) => {
					const pp = prepareProfile(profile);
					const from = Q.add(equalShare(pp), Q.rational(BigInt(offset)));
					const to = Q.add(from, Q.rational(BigInt(length)));
					const outcomes: number[][] = [];
					if (!proveShareRange(pp, { utility, outcomes }, from, to)) return;
					proved++;
					const seen = new Set(outcomes.map((o) => o.join()));
					for (let k = 0; k <= length; k++) {
						const out = referenceMes(profile, utility, Q.add(from, Q.rational(BigInt(k))));
						expect(seen.has(out.join())).toBe(true);
						expect(skippable(profile, out)).toBe(true);
					}
				}
			),
			{ numRuns: 500 }
		);
		expect(proved).toBeGreaterThan(60);
	});

	it('proves nothing across a share where the outcome becomes exhaustive', () => {
		// From the hand count in the Add1 tests: only A is funded until the share reaches 30, where
		// A and B use the whole budget.
		const pp = prepareProfile(abc);
		const r = (x: number) => Q.rational(BigInt(x));
		expect(proveShareRange(pp, { utility: 'cost' }, r(25), r(29))).toBe(true);
		expect(proveShareRange(pp, { utility: 'cost' }, r(25), r(30))).toBe(false);
		expect(proveShareRange(pp, { utility: 'cost' }, r(30), r(30))).toBe(false);
	});

	it.each([
		{ utility: 'cost' as const, integral: false, exhaustiveStop: true },
		{ utility: 'cost' as const, integral: true, exhaustiveStop: true },
		{ utility: 'cardinality' as const, integral: false, exhaustiveStop: true },
		{ utility: 'cost' as const, integral: false, exhaustiveStop: false }
	])(
		'skipping gives the answer of running every step in exact arithmetic on crowded votes ($utility, integral $integral, exhaustive stop $exhaustiveStop)',
		({ utility, integral, exhaustiveStop }) => {
			fc.assert(
				fc.property(crowded, (profile) => {
					const pp = prepareProfile(profile);
					const add1 = (alwaysExact: boolean) => {
						try {
							return equalSharesAdd1(pp, { utility, integral, exhaustiveStop, alwaysExact });
						} catch (e) {
							if (e instanceof Add1Error) return e.message;
							throw e;
						}
					};
					expect(add1(false)).toEqual(add1(true));
				}),
				{ numRuns: 150 }
			);
		}
	);

	it('skips most steps of a long Add1 and still gives the step-by-step answer', () => {
		// 40 voters, budget 100,000 (2,500 each): Add1 climbs thousands of steps.
		const profile: ApprovalProfile = {
			ids: ['a', 'b', 'c', 'd', 'e'],
			costs: [30_000, 25_000, 24_000, 20_000, 21_000],
			budget: 100_000,
			voters: Array.from({ length: 40 }, (_, i) => ({
				approvals: [0, 1, 2, 3, 4].filter((p) => (i * (p + 3)) % 7 < 3),
				weight: 1 + (i % 3)
			}))
		};
		const pp = prepareProfile(profile);
		const stats = emptyStats();
		const fast = equalSharesAdd1(pp, { utility: 'cost' }, stats);
		const exact = emptyStats();
		expect(fast).toEqual(equalSharesAdd1(pp, { utility: 'cost', alwaysExact: true }, exact));
		expect(exact.runs).toBeGreaterThan(100);
		expect(stats.skipped).toBeGreaterThan(0);
		expect(stats.runs).toBeLessThan(exact.runs / 10);
	});
});
