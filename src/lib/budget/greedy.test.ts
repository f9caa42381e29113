import { describe, expect, it } from 'vitest';
import { prepareProfile, type ApprovalProfile } from './approval-profile';
import { greedy, greedyOrder } from './greedy';

/**
 * Budget 100. Votes / cost: a 3/50, b 2/10, c 2/60, d 0/5, e 1/0 (free).
 * By votes (cost utilities, free projects give no satisfaction): a 3, b 2, c 2, e 0, d 0.
 * By votes per cost: e (free, wanted: infinite), b 0.2, a 0.06, c 0.033, d 0.
 */
const profile: ApprovalProfile = {
	ids: ['a', 'b', 'c', 'd', 'e'],
	costs: [50, 10, 60, 5, 0],
	budget: 100,
	voters: [
		{ approvals: [0, 1, 2], weight: 1 },
		{ approvals: [0, 1], weight: 1 },
		{ approvals: [0, 2, 4], weight: 1 }
	]
};
const ids = (sel: number[]) => sel.map((p) => profile.ids[p]);

describe('greedy', () => {
	it.each([
		// b and c tie on 2 votes: listed order puts b first; d and e tie on 0: d first.
		{ utility: 'cost' as const, order: ['a', 'b', 'c', 'd', 'e'] },
		{ utility: 'cardinality' as const, order: ['e', 'b', 'a', 'c', 'd'] }
	])('orders projects by score ($utility utilities)', ({ utility, order }) => {
		expect(ids(greedyOrder(prepareProfile(profile), utility))).toEqual(order);
	});

	it.each([
		// a (50), b (10) → 60 spent; c (60) does not fit in 40; d (5), e (0) fit.
		{ utility: 'cost' as const, includeUnsupported: true, selected: ['a', 'b', 'd', 'e'] },
		// Without unsupported projects d is left out; e has a vote so it stays.
		{ utility: 'cost' as const, includeUnsupported: false, selected: ['a', 'b', 'e'] },
		// e, b, a → 60; c does not fit in 40; d fits.
		{ utility: 'cardinality' as const, includeUnsupported: true, selected: ['e', 'b', 'a', 'd'] }
	])(
		'funds each project that still fits ($utility, unsupported $includeUnsupported)',
		({ utility, includeUnsupported, selected }) => {
			expect(ids(greedy(prepareProfile(profile), utility, { includeUnsupported }))).toEqual(
				selected
			);
		}
	);

	it('completes an earlier outcome, keeping it first', () => {
		// Starting from c (60): 40 left; a (50) does not fit, b (10) does, then d (5) and e (0).
		expect(ids(greedy(prepareProfile(profile), 'cost', { start: [2] }))).toEqual([
			'c',
			'b',
			'd',
			'e'
		]);
	});

	it('breaks ties by the tie-break rank', () => {
		const tied = { ...profile, tieRank: [0, 2, 1, 3, 4] };
		// b and c both have 2 votes; c now ranks before b.
		expect(ids(greedyOrder(prepareProfile(tied), 'cost')).slice(0, 3)).toEqual(['a', 'c', 'b']);
	});

	it('compares votes per cost exactly, even near the largest safe costs', () => {
		// x: 3 votes for 4503599627370499; y: 1 vote for 1501199875790166. Cross-multiplied:
		// 3 · 1501199875790166 = 4503599627370498 < 4503599627370499, so y scores higher.
		const close: ApprovalProfile = {
			ids: ['x', 'y'],
			costs: [4503599627370499, 1501199875790166],
			budget: 10,
			voters: [
				{ approvals: [0], weight: 3 },
				{ approvals: [1], weight: 1 }
			]
		};
		expect(greedyOrder(prepareProfile(close), 'cardinality').map((p) => close.ids[p])).toEqual([
			'y',
			'x'
		]);
	});
});
