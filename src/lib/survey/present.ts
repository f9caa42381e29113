/**
 * Pages and answers in words, for one language: what the resident pages, the check-your-
 * answers page, the staff preview and the exports show. Message keys are turned into text by
 * a translator the caller passes (Paraglide in the app), so this stays plain data.
 */
import {
	PREFER_NOT_TO_SAY,
	SURVEY_MESSAGE_KEYS,
	type AnswerValue,
	type Answers,
	type Label,
	type LocalisedText,
	type Page,
	type PageKind,
	type Question,
	type QuestionType,
	type ServiceField
} from './template';
import { inLanguage, type Shown } from '../i18n/welsh';

export type Locale = 'en' | 'cy';
export type Translator = (key: string, params?: Record<string, unknown>) => string;

export interface PresentContext {
	locale: Locale;
	t: Translator;
	/** The service's name in this language. */
	serviceName: (serviceId: string) => string;
}

export interface ShownOption {
	code: string;
	label: string;
	/** 'en' when a Welsh page shows the English (no Welsh yet): the element's `lang`. */
	lang?: 'en';
	exclusive: boolean;
	offScale: boolean;
}

export interface ShownQuestion {
	id: string;
	type: QuestionType;
	label: string;
	labelLang?: 'en';
	hint?: string;
	hintLang?: 'en';
	options: ShownOption[];
	maxLength?: number;
	required: boolean;
	specialCategory: boolean;
	standard?: ServiceField;
	scaleMinLabel?: string;
	scaleMaxLabel?: string;
}

export interface ShownPage {
	/** 0-based position among all the survey's pages. */
	index: number;
	id: string;
	kind: PageKind;
	title: string;
	intro?: string;
	questions: ShownQuestion[];
}

/** Council text in this language; Welsh left blank shows the English. */
export function localText(text: LocalisedText, locale: Locale): string {
	return inLanguage(text.en, text.cy, locale).text;
}

function shownLabel(label: Label, ctx: PresentContext, params: Record<string, unknown>): Shown {
	return 'key' in label
		? { text: ctx.t(label.key, params) }
		: inLanguage(label.text.en, label.text.cy, ctx.locale);
}

function labelText(label: Label, ctx: PresentContext, params: Record<string, unknown>): string {
	return shownLabel(label, ctx, params).text;
}

/** Asked of every yes / no segment: "Do you belong to this group: Unpaid carers?". */
export const SEGMENT_QUESTION_KEY = 'survey_segment_question';

/** One question in words. A yes / no segment's label is wrapped into a question. */
export function presentQuestion(q: Question, ctx: PresentContext): ShownQuestion {
	const params = q.serviceId ? { service: ctx.serviceName(q.serviceId) } : {};
	let label = shownLabel(q.label, ctx, params);
	const yesNo = q.options.some((o) => 'key' in o.label && o.label.key === SURVEY_MESSAGE_KEYS.yes);
	if (q.id.startsWith('profile:segment:') && yesNo) {
		label = { text: ctx.t(SEGMENT_QUESTION_KEY, { segment: label.text }) };
	}
	const hint = q.hint ? shownLabel(q.hint, ctx, params) : undefined;
	return {
		id: q.id,
		type: q.type,
		label: label.text,
		...(label.lang ? { labelLang: label.lang } : {}),
		...(hint ? { hint: hint.text, ...(hint.lang ? { hintLang: hint.lang } : {}) } : {}),
		options: q.options.map((o) => {
			const shown = shownLabel(o.label, ctx, params);
			return {
				code: o.code,
				label: shown.text,
				...(shown.lang ? { lang: shown.lang } : {}),
				exclusive: o.exclusive === true,
				offScale: o.offScale === true
			};
		}),
		...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
		required: q.required,
		specialCategory: q.specialCategory === true,
		...(q.standard ? { standard: q.standard } : {}),
		...(q.scale?.minLabel ? { scaleMinLabel: labelText(q.scale.minLabel, ctx, params) } : {}),
		...(q.scale?.maxLabel ? { scaleMaxLabel: labelText(q.scale.maxLabel, ctx, params) } : {})
	};
}

/** A page in words; `questions` limits it to those shown (after show-if). */
export function presentPage(
	page: Page,
	index: number,
	ctx: PresentContext,
	questions: readonly Question[] = page.questions
): ShownPage {
	const params = page.serviceId ? { service: ctx.serviceName(page.serviceId) } : {};
	return {
		index,
		id: page.id,
		kind: page.kind,
		title: labelText(page.title, ctx, params),
		...(page.intro ? { intro: labelText(page.intro, ctx, params) } : {}),
		questions: questions.map((q) => presentQuestion(q, ctx))
	};
}

/** An answer in words: option labels (joined with "; "), or the text typed; undefined if none. */
export function answerText(q: ShownQuestion, value: AnswerValue | undefined): string | undefined {
	if (value === undefined) return undefined;
	if (q.options.length === 0) return typeof value === 'string' ? value : value.join('; ');
	const codes = typeof value === 'string' ? [value] : value;
	const labels = codes.map((c) => q.options.find((o) => o.code === c)?.label ?? c);
	return labels.length ? labels.join('; ') : undefined;
}

/** Whether the stored answer is "prefer not to say" (the check page shows it like any answer). */
export function isPreferNot(value: AnswerValue | undefined): boolean {
	return value === PREFER_NOT_TO_SAY;
}

/** The form's current values for a page: stored answers, as the inputs expect them. */
export function pageValues(page: ShownPage, answers: Answers): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const q of page.questions) {
		const v = answers[q.id];
		if (v !== undefined) out[q.id] = typeof v === 'string' ? v : [...v];
	}
	return out;
}
