/**
 * Ranked priorities for commissioners: one list that joins what the budget vote decided with
 * what the survey says needs fixing first. Pure: the report and every export call it.
 *
 * The order is a decision we made, stated on the report:
 * 1. **Protect**: savings the count protected because a group depends on them. They come first
 *    because they are commitments not to cut, whatever else is decided.
 * 2. **Members decide**: savings too close to call (counting rules version 2: a group passes
 *    every test but the 95% confidence one); held back for members, with an equality impact
 *    assessment.
 * 3. **Fund**: developments the count funded, in the order the method chose them.
 * 4. **Fix first**: services residents rate important but unsatisfactory (the survey's priority
 *    map), largest gap between importance and satisfaction first; ties by the share willing to
 *    help, then by name.
 * 5. **Make the saving**: savings the count accepted, in rank order.
 * Proposals not selected or not needed, and services that are fine, are not priorities and are
 * left out.
 */
import type { Decision } from '../budget/types';
import type { DecisionNotes } from '../vote/export';

export type PriorityAction = 'protect' | 'decide' | 'fund' | 'fixFirst' | 'makeSaving';

/**
 * A vote's decision on one proposal. Its notes (`DecisionNotes`): the groups that protect it or
 * make it too close to call, flags, knock-on, dependence on open ballots, the override place.
 */
export interface VoteDecision extends DecisionNotes {
	id: string;
	title: string;
	kind: 'saving' | 'development';
	/** Pence. */
	amount: number;
	serviceName: string;
	decision: Decision;
	rank: number;
	/** Position in the funding order, for funded developments. */
	selectedAt: number | null;
	reasons: string[];
	wants: number;
	dontWants: number;
	ballots: number;
}

export interface ServicePriority {
	serviceId: string;
	serviceName: string;
	importance: number | null;
	satisfaction: number | null;
	quadrant: 'fixFirst' | 'keep' | 'rethink' | 'watch' | null;
	/** Share willing to do more, 0..1. */
	willing: number | null;
	n: number;
}

/** One ranked priority; a vote item carries its decision's notes (empty for survey items). */
export interface Priority extends DecisionNotes {
	rank: number;
	action: PriorityAction;
	source: 'vote' | 'survey';
	title: string;
	service: string;
	/** Pence, for vote items. */
	amount: number | null;
	/** Why it is here, in plain words. */
	why: string;
	/** The figures behind it. */
	evidence: string;
}

export const ACTION_LABELS: Record<PriorityAction, string> = {
	protect: 'Protect: do not make this saving',
	decide: 'Members decide: too close to call',
	fund: 'Fund',
	fixFirst: 'Fix first',
	makeSaving: 'Make this saving'
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

function voteEvidence(d: VoteDecision): string {
	if (d.ballots === 0) return 'No ballots';
	return `${d.wants} want, ${d.dontWants} don't want, of ${d.ballots} ballots (rank ${d.rank})`;
}

/** The ranked priorities from a vote's decisions and a survey's priority map (either may be empty). */
export function rankPriorities(
	decisions: readonly VoteDecision[],
	services: readonly ServicePriority[]
): Priority[] {
	const byRank = (a: VoteDecision, b: VoteDecision) => a.rank - b.rank;
	const protect = decisions.filter((d) => d.decision === 'protected').sort(byRank);
	const decide = decisions.filter((d) => d.decision === 'marginal').sort(byRank);
	const fund = decisions
		.filter((d) => d.decision === 'fund')
		.sort((a, b) => (a.selectedAt ?? Infinity) - (b.selectedAt ?? Infinity) || byRank(a, b));
	const save = decisions.filter((d) => d.decision === 'accept').sort(byRank);
	const fix = services
		.filter((s) => s.quadrant === 'fixFirst' && s.importance !== null && s.satisfaction !== null)
		.sort(
			(a, b) =>
				b.importance! - b.satisfaction! - (a.importance! - a.satisfaction!) ||
				(b.willing ?? 0) - (a.willing ?? 0) ||
				a.serviceName.localeCompare(b.serviceName)
		);

	const fromVote = (action: PriorityAction) => (d: VoteDecision) => ({
		action,
		source: 'vote' as const,
		title: d.title,
		service: d.serviceName,
		amount: d.amount,
		why: d.reasons[0] ?? ACTION_LABELS[action],
		evidence: voteEvidence(d),
		groups: d.groups,
		flags: d.flags,
		knockOn: d.knockOn,
		dependsOnOpen: d.dependsOnOpen,
		overridePosition: d.overridePosition
	});
	const rows = [
		...protect.map(fromVote('protect')),
		...decide.map(fromVote('decide')),
		...fund.map(fromVote('fund')),
		...fix.map((s) => ({
			action: 'fixFirst' as const,
			source: 'survey' as const,
			title: s.serviceName,
			service: s.serviceName,
			amount: null,
			why: 'Residents rate it more important than most services and are less satisfied with it than with most.',
			evidence:
				`Importance ${s.importance!.toFixed(2)}, satisfaction ${s.satisfaction!.toFixed(2)} (out of 5), n = ${s.n}` +
				(s.willing === null ? '' : `; ${pct(s.willing)} would do more to help`),
			groups: [],
			flags: [],
			knockOn: false,
			dependsOnOpen: false,
			overridePosition: null
		})),
		...save.map(fromVote('makeSaving'))
	];
	return rows.map((row, i) => ({ rank: i + 1, ...row }));
}
