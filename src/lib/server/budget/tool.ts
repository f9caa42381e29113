// The budget's manifest: what residents can open, the engagement page's step, its settings and
// exports, and the demo seed.
import { STATE_LABELS, voteState } from '../../vote/state';
import { NewVoteSchema } from '../../vote/schemas';
import type { Tool } from '../tool';
import { activityKey } from './ballots';
import { EXPORT_TYPES, type ExportFormat } from './exports';
import { seedVotes } from './seed';
import { listOpenVotes, listStartedVotes, listVotes } from './votes';

const EXPORT_LABELS: Record<ExportFormat, string> = {
	csv: 'The count (CSV)',
	xlsx: 'The count (Excel)',
	json: 'The count (JSON)',
	pb: 'The count (Pabulib)'
};

export const tool: Tool = {
	kind: 'vote',
	title: 'Community budget',
	purpose: 'Residents mark the proposals they want and do not want; minorities are protected.',
	settings: NewVoteSchema,
	exports: (Object.keys(EXPORT_TYPES) as ExportFormat[]).map((format) => ({
		label: EXPORT_LABELS[format],
		href: (id: number) => `/staff/votes/${id}/export/${format}`
	})),
	newHref: (engagementId) => `/staff/votes/new?engagement=${engagementId}`,

	/** Votes taking ballots now; a code from the engagement's letters opens those that take codes. */
	open: (db, now) =>
		listOpenVotes(db, now).map((v) => ({
			kind: 'vote',
			engagementId: v.engagementId,
			href: `/vote/${v.id}`,
			title: v.title,
			titleCy: v.titleCy,
			closesAt: v.closesAt,
			acceptsCodes: v.eligibility !== 'open',
			codeUse: activityKey(v.id)
		})),

	/** Votes residents can no longer vote in: the results once the count is recorded. */
	closed: (db, now) =>
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
			})),

	items: (db, engagementId, now) =>
		listVotes(db, engagementId).map((v) => ({
			label: v.title,
			href: `/staff/votes/${v.id}`,
			status: `${STATE_LABELS[voteState(v, now)]}: ${v.ballots} ballots`
		})),

	seedDemo: seedVotes
};
