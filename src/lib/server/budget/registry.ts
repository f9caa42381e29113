// How the budget tool plugs into the shared pages: what residents can open, the engagement page's
// step, and the demo seed.
import { STATE_LABELS, voteState } from '../../vote/state';
import type { ActivitySource, ClosedSource } from '../activities';
import { activityKey } from './ballots';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';
import { seedVotes } from './seed';
import { listOpenVotes, listStartedVotes, listVotes } from './votes';

/** Votes taking ballots now; a code from the engagement's letters opens those that take codes. */
export const activities: ActivitySource = (db, now) =>
	listOpenVotes(db, now).map((v) => ({
		kind: 'vote',
		engagementId: v.engagementId,
		href: `/vote/${v.id}`,
		title: v.title,
		titleCy: v.titleCy,
		closesAt: v.closesAt,
		acceptsCodes: v.eligibility !== 'open',
		codeUse: activityKey(v.id)
	}));

/** Votes residents can no longer vote in: the results once the count is recorded. */
export const closed: ClosedSource = (db, now) =>
	listStartedVotes(db)
		.map((v) => ({ v, state: voteState(v, now) }))
		.filter(({ state }) => state === 'closed' || state === 'ended')
		.map(({ v, state }) => ({
			kind: 'vote',
			engagementId: v.engagementId,
			title: v.title,
			titleCy: v.titleCy,
			closedAt: v.closesAt && v.closesAt <= now ? v.closesAt : v.updatedAt,
			resultsHref: state === 'closed' ? `/vote/${v.id}/results` : null
		}));

export const step: StepSource = (db, engagementId) => {
	const now = new Date();
	return {
		tool: 'vote',
		title: 'Community budget',
		purpose: 'Residents mark the proposals they want and do not want; minorities are protected.',
		items: listVotes(db, engagementId).map((v) => ({
			label: v.title,
			href: `/staff/votes/${v.id}`,
			status: `${STATE_LABELS[voteState(v, now)]}: ${v.ballots} ballots`
		})),
		newHref: `/staff/votes/new?engagement=${engagementId}`
	};
};

export const seedDemo: ToolSeed = seedVotes;
