/**
 * The forms of the decision record, the scrutiny page and call-in. Each bounds every field and
 * says what is wrong in plain English beside it. A draft may be saved part-filled: what
 * publishing needs is checked by `publishProblems`, what a decision needs by
 * `decisionProblems`, what a sign-off needs by `signOff`.
 */
import { z } from 'zod';
import { manyOf, optionalText, text } from '../forms/parse';
import { isIsoDate } from '../charter/schemas';
import { CALL_IN_STATUSES, DECISION_STATUSES, EQIA_JUDGEMENTS, OPTION_KINDS } from './record';

/** Optional text as '' when blank. */
function blankable(label: string, max: number) {
	return optionalText(label, max).transform((v) => v ?? '');
}

/** A YYYY-MM-DD date, or '' when left blank. */
function dateOrBlank(example: string) {
	return blankable('the date', 10).refine((v) => v === '' || isIsoDate(v), {
		error: `Enter a real date, like ${example}`
	});
}

/** An id the page offered (a hidden field or a checkbox value). */
const offeredId = z.string().trim().min(1).max(80);

export const StartDraftSchema = z.object({
	from: z.enum(['data', 'published'], {
		error: 'Choose whether to start from the data or from the published version'
	})
});

export const OptionSchema = z.object({
	title: text('the option', 3, 200),
	titleCy: blankable('the Welsh title', 200),
	kind: z.enum(OPTION_KINDS, {
		error: 'Choose whether it is a saving, a development or an alternative'
	}),
	amount: z.preprocess(
		(v) => {
			const cleaned = typeof v === 'string' ? v.replace(/[£,\s]/g, '') : v;
			return cleaned === '' ? undefined : cleaned;
		},
		z.coerce
			.number({ error: 'Enter the amount in pounds, like 45000, or leave it blank' })
			.min(0, { error: 'The amount cannot be negative' })
			.max(1_000_000_000, { error: 'The amount must be £1,000,000,000 or less' })
			.optional()
			.transform((n) => (n === undefined ? null : Math.round(n * 100)))
	),
	description: blankable('the description', 2000)
});

export const OptionIdSchema = z.object({ optionId: offeredId });

export const SummarySchema = z.object({
	participation: blankable('who took part', 5000),
	views: blankable('what they said', 5000),
	groups: blankable('what they said by group', 5000),
	lab: blankable('what the lab proposed', 5000),
	survey: blankable('what the survey ranked', 5000)
});

export const RecommendationSchema = z.object({
	recommended: manyOf(offeredId, 200),
	recommendation: blankable('the recommendation', 5000),
	financeNote: blankable('the finance note', 3000)
});

export const ImpactMarksSchema = z.object({ adverse: manyOf(offeredId, 100) });

/**
 * The mitigations form: a mitigation and an owner per adverse impact (`mitigation-<key>`,
 * `owner-<key>` for the keys the page listed), the judgement, and the sign-off.
 */
export function mitigationsSchema(keys: readonly string[]) {
	const perImpact = Object.fromEntries(
		keys.flatMap((k) => [
			[`mitigation-${k}`, blankable('the mitigation', 2000)],
			[`owner-${k}`, blankable('the owner', 160)]
		])
	);
	return z.object({
		...perImpact,
		judgement: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(EQIA_JUDGEMENTS, { error: 'Choose the overall judgement' }).optional()
		),
		reasons: blankable('the reasons', 3000),
		signOffName: blankable('the name', 120),
		signOffRole: blankable('the role', 120),
		signOffDate: dateOrBlank('2026-11-20'),
		intent: z.enum(['save', 'signOff']).default('save')
	});
}

export const DecisionSchema = z.object({
	status: z.enum(DECISION_STATUSES, { error: 'Choose whether members have decided' }),
	date: dateOrBlank('2026-11-20'),
	meeting: blankable('the meeting', 200),
	minuteRef: blankable('the minute reference', 60),
	asRecommended: z.preprocess(
		(v) => (v === 'yes' ? true : v === 'no' ? false : null),
		z.boolean().nullable()
	),
	reasons: blankable('the reasons', 3000),
	publicSummary: blankable('what members decided', 2000),
	publicSummaryCy: blankable('what members decided, in Welsh', 2000),
	callInUntil: dateOrBlank('2026-11-27')
});

export const ChangeSchema = z.object({
	what: text('what changes', 3, 300),
	whatCy: blankable('what changes, in Welsh', 300),
	when: z
		.string({ error: 'Enter when it changes, like 2027-04-01' })
		.trim()
		.refine(isIsoDate, { error: 'Enter when it changes, like 2027-04-01' })
});

export const ChangeIdSchema = z.object({ changeId: offeredId });

export const CallInSchema = z.object({
	to: z.enum(CALL_IN_STATUSES, { error: 'Choose what happened' }),
	note: blankable('the note', 2000)
});

export const ScrutinySchema = z.object({
	kind: z.enum(['question', 'comment'], { error: 'Choose a question or a comment' }),
	text: text('your question or comment', 3, 3000)
});

export const ScrutinyAnswerSchema = z.object({
	itemId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
	answer: text('the answer', 3, 3000)
});
