/**
 * The staff form for one custom question, as flat form fields, and back. The form has one
 * textarea of options per language (one option a line, Welsh line for line with English)
 * and one select for the show-if condition (`<questionId>=<answer code>`), so it works
 * without JavaScript.
 */
import { customQuestionSchema } from './schemas';
import { buildPages } from './template';
import type { CustomQuestion, LocalisedText, Question, SurveyDefinition } from './template';

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'shortText', 'longText'] as const;
export type CustomQuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<CustomQuestionType, string> = {
	single: 'Single choice (radio buttons)',
	multiple: 'Multiple choice (tick boxes)',
	scale: 'Scale (numbered points)',
	shortText: 'Short text (up to 200 characters)',
	longText: 'Long text (up to 2,000 characters)'
};

export type FormValues = Record<string, string | string[]>;

function one(values: FormValues, name: string): string {
	const v = values[name];
	return (Array.isArray(v) ? v[0] : v) ?? '';
}

function lines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
}

function localised(values: FormValues, name: string): LocalisedText {
	return { en: one(values, `${name}.en`), cy: one(values, `${name}.cy`) };
}

/** The separator in the show-if select's values; option codes and question ids never contain it. */
export const SHOW_IF_SEPARATOR = '=';

/**
 * The object {@link customQuestionSchema} checks, from the form. Options are coded `o1`, `o2`,
 * ... by position. Fields that do not belong to the chosen type are left out.
 */
export function customQuestionInput(values: FormValues, id: string): Record<string, unknown> {
	const type = one(values, 'type');
	const showIf = one(values, 'showIf');
	const cut = showIf.lastIndexOf(SHOW_IF_SEPARATOR);
	const input: Record<string, unknown> = {
		id,
		type,
		wording: localised(values, 'wording'),
		hint: localised(values, 'hint'),
		required: one(values, 'required'),
		newPage: one(values, 'newPage'),
		...(cut > 0
			? { showIf: { questionId: showIf.slice(0, cut), value: showIf.slice(cut + 1) } }
			: {})
	};
	if (type === 'single' || type === 'multiple') {
		const en = lines(one(values, 'optionsEn'));
		const cy = lines(one(values, 'optionsCy'));
		input.options = en.map((label, i) => ({
			code: `o${i + 1}`,
			label: { en: label, cy: cy[i] ?? '' }
		}));
	} else if (type === 'scale') {
		input.min = one(values, 'min');
		input.max = one(values, 'max');
		input.minLabel = localised(values, 'minLabel');
		input.maxLabel = localised(values, 'maxLabel');
	}
	return input;
}

/** The form's fields for an existing question (for editing). */
export function customQuestionValues(q: CustomQuestion): FormValues {
	const values: FormValues = {
		type: q.type,
		'wording.en': q.wording.en,
		'wording.cy': q.wording.cy,
		'hint.en': q.hint?.en ?? '',
		'hint.cy': q.hint?.cy ?? '',
		showIf: q.showIf ? `${q.showIf.questionId}${SHOW_IF_SEPARATOR}${q.showIf.value}` : ''
	};
	if (q.required) values.required = 'on';
	if (q.newPage) values.newPage = 'on';
	if (q.type === 'single' || q.type === 'multiple') {
		values.optionsEn = q.options.map((o) => o.label.en).join('\n');
		values.optionsCy = q.options.map((o) => o.label.cy).join('\n');
	}
	if (q.type === 'scale') {
		values.min = String(q.min);
		values.max = String(q.max);
		values['minLabel.en'] = q.minLabel?.en ?? '';
		values['minLabel.cy'] = q.minLabel?.cy ?? '';
		values['maxLabel.en'] = q.maxLabel?.en ?? '';
		values['maxLabel.cy'] = q.maxLabel?.cy ?? '';
	}
	return values;
}

/** The form field an error at this schema path belongs to. */
export function errorField(path: readonly PropertyKey[]): string {
	if (path.length === 0) return 'type';
	const [head, , , lang] = path;
	if (head === 'options') return lang === 'cy' ? 'optionsCy' : 'optionsEn';
	if (head === 'showIf' || head === 'id') return 'showIf';
	return path.map(String).join('.');
}

export type CustomQuestionParse =
	{ ok: true; question: CustomQuestion } | { ok: false; errors: Record<string, string> };

/** Parses the form into a custom question with id `id`; errors are keyed by form field. */
export function parseCustomQuestionForm(values: FormValues, id: string): CustomQuestionParse {
	const errors: Record<string, string> = {};
	const type = one(values, 'type');
	if (
		(type === 'single' || type === 'multiple') &&
		lines(one(values, 'optionsCy')).length > lines(one(values, 'optionsEn')).length
	) {
		errors.optionsCy = 'Give the Welsh options line for line with the English ones, no more.';
	}
	const result = customQuestionSchema.safeParse(customQuestionInput(values, id));
	if (!result.success) {
		for (const issue of result.error.issues) errors[errorField(issue.path)] ??= issue.message;
	}
	if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
	return { ok: true, question: result.data };
}

/**
 * The questions a custom question may depend on: choice and scale questions that come
 * before it in the survey (before the end, for a new question).
 */
export function showIfTargets(definition: SurveyDefinition, questionId?: string): Question[] {
	const out: Question[] = [];
	for (const page of buildPages(definition)) {
		for (const q of page.questions) {
			if (q.id === questionId) return out;
			if (q.id.startsWith('profile:')) continue;
			if (q.options.length > 0) out.push(q);
		}
	}
	return out;
}
