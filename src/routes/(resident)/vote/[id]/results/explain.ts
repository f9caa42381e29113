// The count's findings as sentences in the page's language. The count writes its own reasons in
// English (used in staff pages and exports); residents get the same facts from these messages.
import type { Decision } from '$lib/budget/types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { localised, percent } from '../format';
import type { PublishedFinding, PublishedProposal, PublishedTally } from './published';

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

/** The tag style of each decision: what goes ahead, what is held back, and the rest. */
export const DECISION_TAG: Record<Decision, '' | 'ok' | 'warn'> = {
	accept: 'ok',
	fund: 'ok',
	protected: 'warn',
	marginal: 'warn',
	notNeeded: '',
	notSelected: ''
};

/** A count in the page's language: 1,480; a weighted one to one decimal place. */
export function number(x: number): string {
	return x.toLocaleString(getLocale() === 'cy' ? 'cy-GB' : 'en-GB', { maximumFractionDigits: 1 });
}

function segmentName(id: string, segments: SegmentLabels): string {
	const s = segments.get(id);
	return s ? localised(s.label, s.labelCy) : id;
}

/**
 * A group in a sentence: "people who use this service", "the group “Carers”", and a union
 * (ids joined with '+') as "people who use this service and the group “Carers”, together". Each
 * part after the first comes from an "and …" message, since Welsh changes the word after "a".
 */
export function groupName(group: string, segments: SegmentLabels): string {
	const ids = group.split('+');
	const part = (id: string, i: number) => {
		const and = i === ids.length - 1 && i > 0;
		if (id === 'users')
			return and ? m.vote_results_group_users_and() : m.vote_results_group_users();
		const name = segmentName(id, segments);
		return and
			? m.vote_results_group_segment_and({ group: name })
			: m.vote_results_group_segment({ group: name });
	};
	if (ids.length === 1) return part(ids[0], 0);
	const parts = ids.map(part);
	const groups = `${parts.slice(0, -1).join(', ')} ${parts[parts.length - 1]}`;
	return m.vote_results_group_together({ groups });
}

/** The figures a finding's sentence names, with other voters' share suppressed under 10. */
export function findingParams(f: PublishedFinding, segments: SegmentLabels) {
	return {
		share: percent(f.share),
		group: groupName(f.group, segments),
		count: number(f.count),
		n: number(f.ballots),
		others:
			f.othersShare === null
				? m.vote_results_others_few()
				: m.vote_results_others({ share: percent(f.othersShare) })
	};
}

type Held = Pick<PublishedProposal, 'decision' | 'protection'>;

/**
 * The opening sentence for a protected or too-close-to-call saving, naming one group (the
 * strongest single one: see `headlineFinding`); null for any other decision.
 */
export function answerSentence(
	title: string,
	p: Held,
	headline: PublishedFinding | null,
	segments: SegmentLabels,
	threshold: number
): string | null {
	if (!headline) return null;
	const params = { title, ...findingParams(headline, segments) };
	if (p.decision === 'protected') return m.vote_answer_protected(params);
	if (p.decision === 'marginal')
		return m.vote_answer_marginal({ ...params, threshold: percent(threshold) });
	return null;
}

/**
 * Each group behind a protected or too-close-to-call saving, with how many of its ballots would
 * have to change for that to change: two sentences per group.
 */
export function groupReasons(p: Held, segments: SegmentLabels, threshold: number): string[] {
	if (p.decision !== 'protected' && p.decision !== 'marginal') return [];
	return p.protection.flatMap((f) => {
		const params = findingParams(f, segments);
		const finding =
			p.decision === 'protected'
				? m.vote_reason_protected(params)
				: m.vote_reason_marginal({ ...params, threshold: percent(threshold) });
		if (f.fragility === null) return [finding];
		const fragile = { k: number(f.fragility), count: params.count };
		return [
			finding,
			p.decision === 'protected'
				? m.vote_reason_fragile_protected(fragile)
				: m.vote_reason_fragile_marginal(fragile)
		];
	});
}

function majorityReason(p: PublishedProposal): string | null {
	if (p.majorityDecision === p.decision) return null;
	if (p.knockOn) return m.vote_reason_knock_on({ majority: decisionLabel(p.majorityDecision) });
	return p.majorityDecision === 'accept'
		? m.vote_reason_majority_accept()
		: p.majorityDecision === 'fund'
			? m.vote_reason_majority_fund()
			: m.vote_reason_majority_left_out();
}

/** Why a saving or development was left out on its own votes: more against it, or a tie. */
function against(t: PublishedTally, figures: { wants: string; dontWants: string }): string {
	return !t.suppressed && t.wants === t.dontWants
		? m.vote_reason_tied({ wants: figures.wants })
		: m.vote_reason_more_against(figures);
}

/** Why a proposal got its decision, in plain words, with the numbers behind it. */
export function reasonsFor(
	p: PublishedProposal,
	segments: SegmentLabels,
	savingsTarget: number,
	threshold: number
): string[] {
	const out = groupReasons(p, segments, threshold);
	const t: PublishedTally = p.tallies.overall;
	const figures = t.suppressed
		? { wants: m.vote_results_fewer_than_ten(), dontWants: m.vote_results_fewer_than_ten() }
		: { wants: number(t.wants), dontWants: number(t.dontWants) };
	if (p.decision === 'protected') out.push(m.vote_reason_protected_rank());
	else if (p.decision === 'marginal') out.push(m.vote_reason_marginal_held());
	else if (p.kind === 'saving') {
		if (p.decision === 'accept')
			out.push(
				savingsTarget > 0 ? m.vote_reason_accept_target(figures) : m.vote_reason_accept(figures)
			);
		else if (p.decision === 'notNeeded') out.push(m.vote_reason_not_needed(figures));
		else out.push(against(t, figures));
	} else if (p.decision === 'fund') out.push(m.vote_reason_fund(figures));
	else if (!t.suppressed && (t.wants === 0 || t.dontWants > t.wants))
		out.push(t.wants === 0 ? m.vote_reason_nobody() : against(t, figures));
	else out.push(m.vote_reason_not_funded(figures));
	for (const f of p.minorityGroups) out.push(m.vote_reason_priority(findingParams(f, segments)));
	for (const f of p.flags) out.push(m.vote_reason_flagged(findingParams(f, segments)));
	const majority = majorityReason(p);
	if (majority) out.push(majority);
	if (p.dependsOnOpen) out.push(m.vote_reason_depends_open());
	return out;
}
