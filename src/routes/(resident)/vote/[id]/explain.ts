// The count's findings as sentences in the page's language. The count writes its own reasons in
// English (used in staff pages and exports); residents get the same facts from these messages.
import type { Decision, GroupFinding, ProposalResult, Tally } from '$lib/budget/types';
import { m } from '$lib/paraglide/messages';
import { localised, percent } from './format';

export type SegmentLabels = Map<string, { label: string; labelCy: string | null }>;

export function decisionLabel(d: Decision): string {
	return {
		accept: m.vote_decision_accept,
		fund: m.vote_decision_fund,
		protected: m.vote_decision_protected,
		marginal: m.vote_decision_marginal,
		notNeeded: m.vote_decision_not_needed,
		notSelected: m.vote_decision_not_selected
	}[d]();
}

function number(x: number): string {
	return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

export function groupLabel(group: string, segments: SegmentLabels): string {
	if (group === 'users') return m.vote_group_users();
	const s = segments.get(group);
	return m.vote_group_segment({ group: s ? localised(s.label, s.labelCy) : group });
}

function findingParams(f: GroupFinding, segments: SegmentLabels) {
	return {
		share: percent(f.share),
		group: groupLabel(f.group, segments),
		count: number(f.count),
		n: number(f.ballots),
		others: percent(f.othersShare)
	};
}

/** Why a proposal got its decision, in plain words, with the numbers behind it. */
export function reasonsFor(
	p: Pick<
		ProposalResult,
		'decision' | 'kind' | 'protection' | 'minorityGroups' | 'flags' | 'majorityDecision'
	> & { tallies: { overall: Tally } },
	segments: SegmentLabels,
	savingsTarget: number
): string[] {
	const t = p.tallies.overall;
	const figures = { wants: number(t.wants), dontWants: number(t.dontWants) };
	const out: string[] = [];
	if (p.decision === 'protected') {
		for (const f of p.protection) out.push(m.vote_reason_protected(findingParams(f, segments)));
		out.push(m.vote_reason_protected_rank());
	} else if (p.kind === 'saving') {
		if (p.decision === 'accept')
			out.push(
				savingsTarget > 0 ? m.vote_reason_accept_target(figures) : m.vote_reason_accept(figures)
			);
		else if (t.net <= 0) out.push(m.vote_reason_more_against(figures));
		else out.push(m.vote_reason_not_needed(figures));
	} else if (p.decision === 'fund') out.push(m.vote_reason_fund(figures));
	else out.push(m.vote_reason_not_funded(figures));
	for (const f of p.minorityGroups) out.push(m.vote_reason_priority(findingParams(f, segments)));
	for (const f of p.flags) out.push(m.vote_reason_flagged(findingParams(f, segments)));
	if (p.majorityDecision !== p.decision) {
		out.push(
			p.majorityDecision === 'accept'
				? m.vote_reason_majority_accept()
				: p.majorityDecision === 'fund'
					? m.vote_reason_majority_fund()
					: m.vote_reason_majority_left_out()
		);
	}
	return out;
}
