import * as results from '$lib/server/budget/results';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/**
 * The official count once the vote is closed, from the count cache, cut down to what the page
 * shows (the full count, with every area and channel tally, stays on the server).
 */
export const load: PageServerLoad = async ({ parent, params }) => {
	const { state, proposals } = await parent();
	if (state !== 'closed') return { result: null, sample: null };
	const { result: r, sample } = results.cachedCount(getDb(), Number(params.id));
	const affects = new Map(proposals.map((p) => [String(p.id), p.affects]));
	return {
		result: {
			method: r.method,
			weighted: r.weighting !== null,
			tieBreak: r.tieBreak,
			ballots: r.ballots,
			savingsTarget: r.savingsTarget,
			saved: r.saved,
			shortfall: r.shortfall,
			developmentBudget: r.developmentBudget,
			spent: r.spent,
			majority: { saved: r.majority.saved, shortfall: r.majority.shortfall },
			digest: r.digest,
			proposals: r.proposals.map((p) => {
				const groups = [...new Set([...(affects.get(p.id) ?? []), ...p.flagged])].filter(
					(g) => g !== 'users'
				);
				return {
					id: p.id,
					rank: p.rank,
					kind: p.kind,
					amount: p.amount,
					decision: p.decision,
					majorityDecision: p.majorityDecision,
					protection: p.protection,
					minorityGroups: p.minorityGroups,
					flags: p.flags,
					groups,
					tallies: {
						overall: p.tallies.overall,
						users: p.tallies.users,
						nonUsers: p.tallies.nonUsers,
						bySegment: Object.fromEntries(groups.map((g) => [g, p.tallies.bySegment[g]]))
					}
				};
			})
		},
		sample
	};
};
