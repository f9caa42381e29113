// How the budget tool plugs into the shared pages: what residents can open, the engagement page's
// step, and the demo seed.
import { STATE_LABELS, voteState } from '../../budget/vote-state';
import type { ActivitySource } from '../activities';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';
import { seedVotes } from './seed';
import { listOpenVotes, listVotes } from './votes';

/** Votes taking ballots now; a code from the engagement's letters opens those that take codes. */
export const activities: ActivitySource = (db, now) =>
	listOpenVotes(db, now).map((v) => ({
		kind: 'vote',
		engagementId: v.engagementId,
		href: `/vote/${v.id}`,
		title: v.title,
		titleCy: v.titleCy,
		closesAt: v.closesAt,
		acceptsCodes: v.eligibility !== 'open'
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
