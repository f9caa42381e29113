/**
 * What a decision record must contain before it is published, and how its versions stand. A
 * published version is never changed: any change after publication is a new version that
 * supersedes it.
 */
import { eqiaProblems } from './eqia';
import { decisionProblems, type DecisionContext } from './members';
import type { DecisionContent } from './record';

/** The part of the record a problem belongs to (each has its own page). */
export type RecordSection =
	'options' | 'summary' | 'recommendation' | 'eqia' | 'members' | 'scrutiny';

export interface Problem {
	section: RecordSection;
	message: string;
}

export interface PublishContext extends DecisionContext {
	/** Scrutiny questions on the record with no answer yet. */
	unansweredQuestions: number;
}

/** Everything that stops the draft from being published (empty when it can be). */
export function publishProblems(c: DecisionContent, ctx: PublishContext): Problem[] {
	const problems: Problem[] = [];
	const add = (section: RecordSection, message: string) => problems.push({ section, message });
	if (!c.options.length) add('options', 'List at least one option that was considered');
	if (!c.summary.participation.trim() || !c.summary.views.trim())
		add('summary', 'Say in the consultation summary who took part and what they said');
	if (!c.recommendation.trim()) add('recommendation', 'Write the recommendation');
	if (c.options.length && !c.options.some((o) => o.recommended))
		add('recommendation', 'Choose which options the recommendation includes');
	if (!c.eqia.signOff) {
		const incomplete = Object.keys(eqiaProblems(c.evidence, c.eqia)).length > 0;
		add(
			'eqia',
			incomplete
				? 'Complete the equality impact assessment and sign it off'
				: 'Sign off the equality impact assessment'
		);
	}
	if (c.decision.status !== 'decided')
		add('members', 'Record the decision members took: a record is published once they decide');
	else if (Object.keys(decisionProblems(c.decision, ctx)).length)
		add('members', 'Correct the members’ decision');
	if (c.decision.status === 'decided' && !c.decision.publicSummary.trim())
		add('members', 'Say in plain words what members decided, for the public page');
	if (c.decision.status === 'decided' && !c.decision.publicSummaryCy.trim())
		add('members', 'Say in Welsh what members decided, for the Welsh public page');
	if (c.changes.some((ch) => !ch.whatCy.trim()))
		add('members', 'Give every change residents will see in Welsh too');
	if (ctx.unansweredQuestions > 0)
		add(
			'scrutiny',
			`Answer every scrutiny question first (${ctx.unansweredQuestions} waiting for an answer)`
		);
	return problems;
}

export interface VersionRow {
	/** null for the draft (a number is given when it is published). */
	number: number | null;
	publishedAt: Date | null;
}

export type VersionStatus = 'draft' | 'current' | 'superseded';

/** The newest published version is current; older published ones are superseded. */
export function versionStatus(v: VersionRow, all: readonly VersionRow[]): VersionStatus {
	if (v.publishedAt === null || v.number === null) return 'draft';
	const newest = Math.max(...all.filter((x) => x.publishedAt !== null).map((x) => x.number ?? 0));
	return v.number === newest ? 'current' : 'superseded';
}

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
	draft: 'Draft',
	current: 'Published: in force',
	superseded: 'Superseded'
};

/** The number the draft gets when published: one more than any published so far. */
export function nextNumber(all: readonly VersionRow[]): number {
	return Math.max(0, ...all.map((v) => v.number ?? 0)) + 1;
}
