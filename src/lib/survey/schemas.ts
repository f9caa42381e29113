/**
 * What the survey's forms may send: the staff builder, a custom question, and one page of a
 * resident's answers. Staff forms say what is wrong in plain English; a resident's page gives
 * message keys (`survey_err_...`, in messages/survey), so the resident reads them in their own
 * language and no Welsh depends on the English wording.
 */
import { z } from 'zod';
import { visibleQuestions } from './show-if';
import {
	LONG_TEXT_MAX,
	SHORT_TEXT_MAX,
	type AnswerValue,
	type Answers,
	type CustomQuestion,
	type Page,
	type Question
} from './template';

/** Ids that end up inside question ids (`svc:<id>:importance`), so no colons or spaces. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const MAX_SERVICES = 60;
export const WORDING_MAX = 300;
export const OPTION_LABEL_MAX = 120;
export const MAX_OPTIONS = 20;

/** A blank form field is no answer. */
function blankToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** A field that may arrive once (a string) or many times (`formData.getAll`): always an array. */
function toList(value: unknown): unknown {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

/** A checkbox is "on" when ticked and absent when not; JSON callers may send a boolean. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** A date and time from `<input type="datetime-local">` (no time zone: the council's local time). */
const localDateTime = z.preprocess(
	blankToUndefined,
	z.iso
		.datetime({ local: true, error: 'Enter a date and time, for example 30/06/2026 17:00.' })
		.optional()
);

function isoMinutes(value: string): string {
	// datetime-local sends "YYYY-MM-DDTHH:mm" and sometimes ":ss"; compare like with like.
	return value.length === 16 ? `${value}:00` : value;
}

/** The staff form that creates or edits a survey. `serviceIds` comes from `formData.getAll('serviceIds')`. */
export const surveyBuilderSchema = z
	.object({
		title: z
			.string({ error: 'Give the survey a title.' })
			.trim()
			.min(1, 'Give the survey a title.')
			.max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`),
		description: z
			.string()
			.trim()
			.max(DESCRIPTION_MAX, `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`)
			.default(''),
		serviceIds: z.preprocess(
			toList,
			z
				.array(z.string().regex(ID_PATTERN, 'One of the chosen services is not on the list.'))
				.min(1, 'Choose at least one service.')
				.max(MAX_SERVICES, `Choose at most ${MAX_SERVICES} services.`)
				.refine((ids) => new Set(ids).size === ids.length, 'Each service can be chosen once.')
		),
		access: z.enum(['open', 'code', 'both'], {
			error: 'Choose how people get into the survey: open link, access code, or both.'
		}),
		opensAt: localDateTime,
		closesAt: localDateTime
	})
	.refine((s) => !s.opensAt || !s.closesAt || isoMinutes(s.closesAt) > isoMinutes(s.opensAt), {
		path: ['closesAt'],
		message: 'The closing date must be after the opening date.'
	});
export type SurveyBuilderInput = z.output<typeof surveyBuilderSchema>;

/**
 * When a survey's special-category answers are deleted: a calendar date (the sweep deletes them
 * from the start of that day, UTC). Whether it is far enough ahead is the server's to say: it
 * knows today.
 */
export const retentionSchema = z.object({
	specialCategoryUntil: z
		.string({ error: 'Enter the date to delete the sensitive answers on.' })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as a day, month and year, like 2027-03-31.')
		.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'That date does not exist.')
		.transform((s) => new Date(`${s}T00:00:00Z`))
});

function localisedText(what: string, max: number) {
	return z.object({
		en: z
			.string({ error: `Write the ${what} in English.` })
			.trim()
			.min(1, `Write the ${what} in English.`)
			.max(max, `Keep the ${what} to ${max} characters or fewer.`),
		// Welsh may be added later: an empty Welsh text shows the English.
		cy: z
			.string()
			.trim()
			.max(max, `Keep the Welsh ${what} to ${max} characters or fewer.`)
			.default('')
	});
}

const optionalLocalisedText = (what: string, max: number) =>
	z.preprocess(
		(v) =>
			v && typeof v === 'object' && 'en' in v && blankToUndefined(v.en) === undefined
				? undefined
				: v,
		localisedText(what, max).optional()
	);

const customBase = {
	id: z.string().regex(ID_PATTERN, 'Question ids are letters, digits, - and _ only.'),
	wording: localisedText('question', WORDING_MAX),
	hint: optionalLocalisedText('hint', WORDING_MAX),
	required: checkbox,
	showIf: z
		.object({
			questionId: z.string().min(1).max(200),
			value: z.string().min(1, 'Choose the answer that shows this question.').max(64)
		})
		.optional(),
	newPage: checkbox.optional()
};

const optionSchema = z.object({
	code: z.string().regex(ID_PATTERN, 'Option codes are letters, digits, - and _ only.'),
	label: localisedText('option', OPTION_LABEL_MAX)
});

const scaleEnd = z.coerce
	.number({ error: 'Enter a whole number.' })
	.int('Enter a whole number.')
	.min(-10, 'Scale ends go from -10 to 10.')
	.max(10, 'Scale ends go from -10 to 10.');

/**
 * A custom question as the builder sends it (JSON or a form mapped to this shape). Options
 * need 2 to {@link MAX_OPTIONS} entries with distinct codes; a scale has 2 to 11 points.
 * Whether a show-if points somewhere sensible needs the whole survey: see `showIfProblems`.
 */
export const customQuestionSchema: z.ZodType<CustomQuestion, unknown> = z.discriminatedUnion(
	'type',
	[
		z.object({
			...customBase,
			type: z.enum(['single', 'multiple']),
			options: z
				.array(optionSchema)
				.min(2, 'Give at least two options.')
				.max(MAX_OPTIONS, `Give at most ${MAX_OPTIONS} options.`)
				.refine(
					(os) => new Set(os.map((o) => o.code)).size === os.length,
					'Each option needs its own code.'
				)
		}),
		z
			.object({
				...customBase,
				type: z.literal('scale'),
				min: scaleEnd,
				max: scaleEnd,
				minLabel: optionalLocalisedText('label for the lowest point', OPTION_LABEL_MAX),
				maxLabel: optionalLocalisedText('label for the highest point', OPTION_LABEL_MAX)
			})
			.refine((q) => q.max > q.min && q.max - q.min <= 10, {
				path: ['max'],
				message: 'The highest point must be above the lowest, with at most 11 points.'
			}),
		z.object({ ...customBase, type: z.enum(['shortText', 'longText']) })
	],
	{ error: 'Choose a question type.' }
);

// ---------------------------------------------------------------------------------------------
// One page of a resident's answers
// ---------------------------------------------------------------------------------------------

/** The message keys a resident's page can refuse an answer with (messages/survey/en.json). */
export const ANSWER_ERROR_KEYS = [
	'survey_err_required',
	'survey_err_scale',
	'survey_err_choose_one',
	'survey_err_choose_listed',
	'survey_err_exclusive',
	'survey_err_too_long',
	'survey_err_text',
	'survey_err_generic'
] as const;

export type AnswerErrorKey = (typeof ANSWER_ERROR_KEYS)[number];

/** Why an answer was refused: a message key and its parameters (the limit, for too long). */
export interface AnswerError {
	key: AnswerErrorKey;
	params?: { max: number };
}

const answerErrorKeys: ReadonlySet<string> = new Set(ANSWER_ERROR_KEYS);

function fieldSchema(q: Question): z.ZodType<AnswerValue | undefined, unknown> {
	const codes = q.options.map((o) => o.code);
	switch (q.type) {
		case 'single':
		case 'scale': {
			const message: AnswerErrorKey =
				q.type === 'scale' ? 'survey_err_scale' : 'survey_err_choose_one';
			return z.preprocess(
				blankToUndefined,
				z
					.string({ error: message })
					.refine((v) => codes.includes(v), message)
					.optional()
			);
		}
		case 'multiple': {
			const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.code);
			const listed: AnswerErrorKey = 'survey_err_choose_listed';
			return z.preprocess(
				(v) => {
					const list = toList(v);
					if (!Array.isArray(list)) return list;
					const chosen = list.filter((x) => blankToUndefined(x) !== undefined);
					return chosen.length === 0 ? undefined : chosen;
				},
				z
					.array(
						z.string().refine((v) => codes.includes(v), listed),
						{ error: listed }
					)
					// An option chosen twice: the resident is asked to choose from the list again.
					.refine((list) => new Set(list).size === list.length, listed)
					.refine(
						(list) => list.length === 1 || !list.some((v) => exclusive.includes(v)),
						'survey_err_exclusive' satisfies AnswerErrorKey
					)
					.optional()
			);
		}
		case 'shortText':
		case 'longText': {
			const max = q.maxLength ?? (q.type === 'shortText' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
			return z.preprocess(
				blankToUndefined,
				z
					.string({ error: 'survey_err_text' satisfies AnswerErrorKey })
					.trim()
					.max(max, 'survey_err_too_long' satisfies AnswerErrorKey)
					.optional()
			);
		}
	}
}

/** What one page of answers parses to: question id -> answer, unanswered questions absent. */
export type PageAnswers = Record<string, AnswerValue>;

/**
 * The zod schema for one page's form. Input: question id -> value, as from
 * `Object.fromEntries(formData)`, except that a multiple-choice question's value should be
 * `formData.getAll(id)` (a single string is also accepted); {@link readPageForm} builds it.
 * Every answer is optional unless the question is required and visible; blank fields, and
 * answers to questions hidden by their show-if, are dropped. `previous` holds the answers to
 * earlier pages, which show-if conditions may refer to. Errors are keyed by question id.
 */
export function pageAnswersSchema(
	page: Page,
	previous: Answers = {}
): z.ZodType<PageAnswers, unknown> {
	const shape: Record<string, z.ZodType<AnswerValue | undefined, unknown>> = {};
	for (const q of page.questions) shape[q.id] = fieldSchema(q);
	return z
		.object(shape)
		.superRefine((answers, ctx) => {
			for (const q of visibleQuestions(page, { ...previous, ...answers })) {
				if (q.required && answers[q.id] === undefined) {
					ctx.addIssue({
						code: 'custom',
						path: [q.id],
						message: 'survey_err_required' satisfies AnswerErrorKey
					});
				}
			}
		})
		.transform((answers) => {
			const visible = visibleQuestions(page, { ...previous, ...answers });
			const out: PageAnswers = {};
			for (const q of visible) {
				const value = answers[q.id];
				if (value !== undefined) out[q.id] = value;
			}
			return out;
		});
}

/** Anything with `getAll`, such as `FormData`. */
export interface FormFields {
	getAll(name: string): unknown[];
}

/**
 * The input {@link pageAnswersSchema} expects, read from a form: every value of a
 * multiple-choice field, the first value of any other; files and absent fields are left out.
 */
export function readPageForm(page: Page, form: FormFields): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const q of page.questions) {
		const values = form.getAll(q.id).filter((v): v is string => typeof v === 'string');
		if (values.length === 0) continue;
		out[q.id] = q.type === 'multiple' ? values : values[0];
	}
	return out;
}

export type PageParseResult =
	{ success: true; answers: PageAnswers } | { success: false; errors: Record<string, AnswerError> };

/** Parses one page; on failure, the first refusal for each question id that failed. */
export function parsePageAnswers(
	page: Page,
	input: unknown,
	previous: Answers = {}
): PageParseResult {
	const result = pageAnswersSchema(page, previous).safeParse(input);
	if (result.success) return { success: true, answers: result.data };
	const errors: Record<string, AnswerError> = {};
	for (const issue of result.error.issues) {
		const id = String(issue.path[0] ?? '');
		if (id in errors) continue;
		const key = answerErrorKeys.has(issue.message)
			? (issue.message as AnswerErrorKey)
			: 'survey_err_generic';
		errors[id] =
			key === 'survey_err_too_long' && issue.code === 'too_big'
				? { key, params: { max: Number(issue.maximum) } }
				: { key };
	}
	return { success: false, errors };
}
