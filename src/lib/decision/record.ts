/**
 * A decision record: what was considered, what residents said, what officers recommended, what
 * it costs, its equality impact assessment and what members decided. Plain data: the server
 * keeps it as JSON, one row per version, and a published version is never changed again.
 */
import type { Decision } from '../budget/types';
import type { Evidence } from './evidence';

export type OptionKind = 'saving' | 'development' | 'alternative';
export const OPTION_KINDS = ['saving', 'development', 'alternative'] as const;

export const OPTION_KIND_LABELS: Record<OptionKind, string> = {
	saving: 'Saving',
	development: 'Development',
	alternative: 'Alternative'
};

/** One option members were asked to consider: a vote proposal, or one staff added. */
export interface DecisionOption {
	/** `p<proposal id>` for the vote's proposals, `s-<random>` for options staff added. */
	id: string;
	source: 'vote' | 'staff';
	title: string;
	/** '' when there is no Welsh title. */
	titleCy: string;
	kind: OptionKind;
	/** Pence: what it saves or costs; null when not costed. */
	amount: number | null;
	/** What the count decided (vote proposals only). */
	countDecision: Decision | null;
	/** What staff say about it (for an option they added, what it is). */
	description: string;
	/** Part of the officers' recommendation. */
	recommended: boolean;
}

/** The consultation summary, in parts, each written from the data and then editable. */
export interface SummaryText {
	participation: string;
	views: string;
	groups: string;
	lab: string;
	survey: string;
}
export const SUMMARY_PARTS = ['participation', 'views', 'groups', 'lab', 'survey'] as const;
export type SummaryPart = (typeof SUMMARY_PARTS)[number];

export const SUMMARY_PART_LABELS: Record<SummaryPart, string> = {
	participation: 'Who took part, against the population',
	views: 'What they said',
	groups: 'What they said, by group',
	lab: 'What the co-production lab proposed',
	survey: 'What the survey ranked "fix first"'
};

/** One group's impact from one proposal, as the assessor recorded it. */
export interface EqiaImpact {
	proposalId: string;
	group: string;
	adverse: boolean;
	mitigation: string;
	owner: string;
}

/** The four outcomes of an equality impact assessment (EHRC guidance). */
export type EqiaJudgement = 'noMajorChange' | 'adjust' | 'continue' | 'stop';
export const EQIA_JUDGEMENTS = ['noMajorChange', 'adjust', 'continue', 'stop'] as const;

export const EQIA_JUDGEMENT_LABELS: Record<EqiaJudgement, string> = {
	noMajorChange: 'No major change: no adverse impact that is not mitigated',
	adjust: 'Adjust the proposals to remove barriers or better promote equality',
	continue: 'Continue despite adverse impacts, with the justification below',
	stop: 'Stop and rethink: the adverse impacts cannot be justified'
};

export interface EqiaSignOff {
	name: string;
	role: string;
	/** YYYY-MM-DD */
	date: string;
}

export interface Eqia {
	/** Impacts the assessor recorded; rows the count found are adverse whatever is stored. */
	impacts: EqiaImpact[];
	judgement: EqiaJudgement | null;
	/** Why this judgement (for 'continue', the justification). */
	reasons: string;
	/** Cleared by any change to the assessment: a signature covers what was signed. */
	signOff: EqiaSignOff | null;
}

export type DecisionStatus = 'pending' | 'deferred' | 'decided';
export const DECISION_STATUSES = ['pending', 'deferred', 'decided'] as const;
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
	pending: 'Not decided yet',
	deferred: 'Deferred to a later meeting',
	decided: 'Decided'
};

/**
 * Call-in: after members decide, scrutiny may "call in" the decision before it takes effect.
 * `open` until the date; `calledIn`; then `confirmed` (or confirmed because the period ended
 * without a call-in) or `referredBack` to members to decide again.
 */
export type CallInStatus = 'open' | 'calledIn' | 'confirmed' | 'referredBack';
export const CALL_IN_STATUSES = ['open', 'calledIn', 'confirmed', 'referredBack'] as const;

export interface CallIn {
	/** YYYY-MM-DD: the last day the decision can be called in. */
	until: string;
	status: CallInStatus;
	/** Who called it in and why, or what scrutiny concluded. */
	note: string;
}

export interface MembersDecision {
	status: DecisionStatus;
	/** YYYY-MM-DD of the meeting; '' until known. */
	date: string;
	meeting: string;
	minuteRef: string;
	/** null until decided. */
	asRecommended: boolean | null;
	/** Why: required when members did not follow the recommendation, or deferred. */
	reasons: string;
	/** What members decided, in plain words for the public page, in English and Welsh. */
	publicSummary: string;
	publicSummaryCy: string;
	callIn: CallIn;
}

/** A change residents will see, and when. */
export interface PlannedChange {
	id: string;
	what: string;
	whatCy: string;
	/** YYYY-MM-DD */
	when: string;
}

export interface DecisionContent {
	/** What the data said when the record was drafted (or last refreshed). */
	evidence: Evidence;
	options: DecisionOption[];
	summary: SummaryText;
	recommendation: string;
	/** How the money adds up, in the officers' words (the figures are worked out). */
	financeNote: string;
	eqia: Eqia;
	decision: MembersDecision;
	changes: PlannedChange[];
}

export function emptyDecision(): MembersDecision {
	return {
		status: 'pending',
		date: '',
		meeting: '',
		minuteRef: '',
		asRecommended: null,
		reasons: '',
		publicSummary: '',
		publicSummaryCy: '',
		callIn: { until: '', status: 'open', note: '' }
	};
}

export function emptyEqia(): Eqia {
	return { impacts: [], judgement: null, reasons: '', signOff: null };
}

/** The option id of a vote proposal. */
export function proposalOptionId(proposalId: string): string {
	return `p${proposalId}`;
}

/**
 * The vote's proposals as options, each with the count's decision, recommended when the count
 * accepted or funded it.
 */
export function optionsFromEvidence(evidence: Evidence): DecisionOption[] {
	return (evidence.vote?.proposals ?? []).map((p) => ({
		id: proposalOptionId(p.id),
		source: 'vote',
		title: p.title,
		titleCy: p.titleCy,
		kind: p.kind,
		amount: p.amount,
		countDecision: p.decision,
		description: '',
		recommended: p.decision === 'accept' || p.decision === 'fund'
	}));
}
