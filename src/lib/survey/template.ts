/**
 * The community survey's instrument as data (docs/survey.md, "The standard instrument").
 *
 * A survey definition (the services a commissioner chose, their own questions, and the
 * council's areas, age bands and segments) becomes an ordered list of pages, one topic per
 * page. Every question has a stable string id so that an answer is stored as id -> value and
 * results stay comparable across surveys and years.
 *
 * Wording for the standard block is not here: the UI looks up translated text (en / cy) by
 * the message keys below. Council-defined text (area names, segment questions, custom
 * questions) arrives with the definition in both languages.
 */

/** Text the council typed, in both languages; an empty `cy` means "show the English". */
export interface LocalisedText {
	en: string;
	cy: string;
}

/** Where a piece of text comes from: a message key the UI translates, or council text. */
export type Label = { key: string } | { text: LocalisedText };

// ---------------------------------------------------------------------------------------------
// Option codes: what is stored as the answer. Never change these: stored answers use them.
// ---------------------------------------------------------------------------------------------

/** The points of the importance and satisfaction scales, as stored. */
export const SCORE_CODES = ['1', '2', '3', '4', '5'] as const;
/** Importance: "don't know". */
export const DONT_KNOW = 'dontKnow';
/** Satisfaction: "don't use / don't know". */
export const DONT_USE = 'dontUse';
/** Every profile question offers this; it is stored as the answer and analysed as no answer. */
export const PREFER_NOT_TO_SAY = 'preferNot';

export const CONTRIBUTION_CODES = ['none', 'informal', 'volunteer', 'organise', 'other'] as const;
export type ContributionCode = (typeof CONTRIBUTION_CODES)[number];
/** The one contribution answer that means "not contributing"; it cannot be combined. */
export const NO_CONTRIBUTION: ContributionCode = 'none';

export const WILLINGNESS_CODES = ['no', 'aLittle', 'aLot'] as const;
export type WillingnessCode = (typeof WILLINGNESS_CODES)[number];

/** Answers to a yes / no segment question ("Are you a carer?"). */
export const SEGMENT_ANSWER_CODES = ['yes', 'no', PREFER_NOT_TO_SAY] as const;

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 2000;

/** At most this many custom questions share a page, so each page stays short on a phone. */
export const CUSTOM_QUESTIONS_PER_PAGE = 5;

/**
 * Message keys the UI must provide (messages/en.json and cy.json). Service questions take a
 * `service` parameter (the service's name).
 */
export const SURVEY_MESSAGE_KEYS = {
	importance: 'survey_importance',
	importanceHint: 'survey_importance_hint',
	importanceScore: [
		'survey_importance_1',
		'survey_importance_2',
		'survey_importance_3',
		'survey_importance_4',
		'survey_importance_5'
	],
	importanceDontKnow: 'survey_importance_dont_know',
	satisfaction: 'survey_satisfaction',
	satisfactionHint: 'survey_satisfaction_hint',
	satisfactionScore: [
		'survey_satisfaction_1',
		'survey_satisfaction_2',
		'survey_satisfaction_3',
		'survey_satisfaction_4',
		'survey_satisfaction_5'
	],
	satisfactionDontUse: 'survey_satisfaction_dont_use',
	contribution: 'survey_contribution',
	contributionHint: 'survey_contribution_hint',
	contributionOption: {
		none: 'survey_contribution_none',
		informal: 'survey_contribution_informal',
		volunteer: 'survey_contribution_volunteer',
		organise: 'survey_contribution_organise',
		other: 'survey_contribution_other'
	},
	contributionText: 'survey_contribution_text',
	willingness: 'survey_willingness',
	willingnessOption: {
		no: 'survey_willingness_no',
		aLittle: 'survey_willingness_a_little',
		aLot: 'survey_willingness_a_lot'
	},
	willingnessText: 'survey_willingness_text',
	servicePageTitle: 'survey_page_service',
	customPageTitle: 'survey_page_custom',
	profilePageTitle: 'survey_page_profile',
	profilePageIntro: 'survey_page_profile_intro',
	specialPageTitle: 'survey_page_special',
	specialPageIntro: 'survey_page_special_intro',
	specialCategoryHint: 'survey_special_category_hint',
	area: 'survey_profile_area',
	ageBand: 'survey_profile_age_band',
	yes: 'survey_answer_yes',
	no: 'survey_answer_no',
	preferNotToSay: 'survey_prefer_not_to_say'
} as const;

// ---------------------------------------------------------------------------------------------
// Question ids
// ---------------------------------------------------------------------------------------------

/** The six fields asked per service (the four standard questions and their two text boxes). */
export const SERVICE_FIELDS = [
	'importance',
	'satisfaction',
	'contribution',
	'contributionText',
	'willingness',
	'willingnessText'
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

export const AREA_QUESTION_ID = 'profile:area';
export const AGE_BAND_QUESTION_ID = 'profile:ageBand';

/** `svc:<serviceId>:<field>`, e.g. `svc:libraries:importance`. */
export function serviceQuestionId(serviceId: string, field: ServiceField): string {
	return `svc:${serviceId}:${field}`;
}

/** `profile:segment:<segmentId>`. */
export function segmentQuestionId(segmentId: string): string {
	return `profile:segment:${segmentId}`;
}

/** `custom:<id>`: custom ids are chosen once by the builder and never reused in a survey. */
export function customQuestionId(id: string): string {
	return `custom:${id}`;
}

// ---------------------------------------------------------------------------------------------
// The definition (input) and pages (output)
// ---------------------------------------------------------------------------------------------

/** Show the question when question `questionId`'s answer is `value` (or, for multiple choice, includes it). */
export interface ShowIf {
	questionId: string;
	value: string;
}

interface CustomQuestionBase {
	/** Stable within the survey; the question id is `custom:<id>`. */
	id: string;
	wording: LocalisedText;
	hint?: LocalisedText;
	required: boolean;
	showIf?: ShowIf;
	/** Start a new page with this question. */
	newPage?: boolean;
}

export interface CustomChoiceOption {
	code: string;
	label: LocalisedText;
}

/** A question the commissioner adds after the standard block. */
export type CustomQuestion =
	| (CustomQuestionBase & { type: 'single' | 'multiple'; options: CustomChoiceOption[] })
	| (CustomQuestionBase & {
			type: 'scale';
			min: number;
			max: number;
			minLabel?: LocalisedText;
			maxLabel?: LocalisedText;
	  })
	| (CustomQuestionBase & { type: 'shortText' | 'longText' });

/** An area or an age band from the council's list. */
export interface ProfileChoice {
	id: string;
	label: LocalisedText;
}

/**
 * A segment the council defines. Without `values` it is asked as yes / no / prefer not to
 * say ("Are you a carer?") and "yes" puts the respondent in segment `id`. With `values`
 * (ethnicity, religion) it is one choice among them and the respondent is in segment
 * `<id>:<valueId>`.
 */
export interface SegmentDefinition {
	id: string;
	label: LocalisedText;
	/** Disability, ethnicity, religion, health: optional, explained, on their own page. */
	specialCategory: boolean;
	values?: ProfileChoice[];
}

export interface SurveyDefinition {
	/** Services from the council's list, in the order the commissioner put them. */
	serviceIds: string[];
	customQuestions: CustomQuestion[];
	areas: ProfileChoice[];
	ageBands: ProfileChoice[];
	segments: SegmentDefinition[];
}

export type QuestionType = 'single' | 'multiple' | 'scale' | 'shortText' | 'longText';

export interface QuestionOption {
	code: string;
	label: Label;
	/** Chosen alone or not at all (multiple choice "none"). */
	exclusive?: boolean;
	/** Not a point on the scale ("don't know"): drawn apart from the numbers. */
	offScale?: boolean;
}

/** One question as the UI draws it and the page schema checks it. */
export interface Question {
	id: string;
	type: QuestionType;
	label: Label;
	hint?: Label;
	/** Choice and scale questions: the answers that may be stored, in display order. */
	options: QuestionOption[];
	/** Scale questions: the numeric ends, and their labels if the commissioner gave them. */
	scale?: { min: number; max: number; minLabel?: Label; maxLabel?: Label };
	/** Text questions: the most characters accepted. */
	maxLength?: number;
	required: boolean;
	showIf?: ShowIf;
	/** Standard block: the service the question is about (the UI passes its name to the message). */
	serviceId?: string;
	/** The standard block question this is, so the UI can style it. */
	standard?: ServiceField;
	specialCategory?: boolean;
}

export type PageKind = 'service' | 'custom' | 'profile' | 'specialCategory';

export interface Page {
	/** `svc:<serviceId>`, `custom:<n>` (1-based), `profile`, `profile:special`. */
	id: string;
	kind: PageKind;
	title: Label;
	intro?: Label;
	serviceId?: string;
	questions: Question[];
}

const K = SURVEY_MESSAGE_KEYS;

function scoreOptions(keys: readonly string[]): QuestionOption[] {
	return SCORE_CODES.map((code, i) => ({ code, label: { key: keys[i] } }));
}

function serviceQuestions(serviceId: string): Question[] {
	const base = { required: false, serviceId };
	return [
		{
			...base,
			id: serviceQuestionId(serviceId, 'importance'),
			standard: 'importance',
			type: 'scale',
			label: { key: K.importance },
			hint: { key: K.importanceHint },
			options: [
				...scoreOptions(K.importanceScore),
				{ code: DONT_KNOW, label: { key: K.importanceDontKnow }, offScale: true }
			],
			scale: { min: 1, max: 5 }
		},
		{
			...base,
			id: serviceQuestionId(serviceId, 'satisfaction'),
			standard: 'satisfaction',
			type: 'scale',
			label: { key: K.satisfaction },
			hint: { key: K.satisfactionHint },
			options: [
				...scoreOptions(K.satisfactionScore),
				{ code: DONT_USE, label: { key: K.satisfactionDontUse }, offScale: true }
			],
			scale: { min: 1, max: 5 }
		},
		{
			// Multiple choice: a household may both volunteer and organise something.
			...base,
			id: serviceQuestionId(serviceId, 'contribution'),
			standard: 'contribution',
			type: 'multiple',
			label: { key: K.contribution },
			hint: { key: K.contributionHint },
			options: CONTRIBUTION_CODES.map((code) => ({
				code,
				label: { key: K.contributionOption[code] },
				...(code === NO_CONTRIBUTION ? { exclusive: true } : {})
			}))
		},
		{
			// No show-if in the standard block: the page then works without JavaScript.
			...base,
			id: serviceQuestionId(serviceId, 'contributionText'),
			standard: 'contributionText',
			type: 'shortText',
			label: { key: K.contributionText },
			options: [],
			maxLength: SHORT_TEXT_MAX
		},
		{
			...base,
			id: serviceQuestionId(serviceId, 'willingness'),
			standard: 'willingness',
			type: 'single',
			label: { key: K.willingness },
			options: WILLINGNESS_CODES.map((code) => ({
				code,
				label: { key: K.willingnessOption[code] }
			}))
		},
		{
			...base,
			id: serviceQuestionId(serviceId, 'willingnessText'),
			standard: 'willingnessText',
			type: 'shortText',
			label: { key: K.willingnessText },
			options: [],
			maxLength: SHORT_TEXT_MAX
		}
	];
}

function text(t: LocalisedText): Label {
	return { text: t };
}

function customQuestion(q: CustomQuestion): Question {
	const base = {
		id: customQuestionId(q.id),
		label: text(q.wording),
		...(q.hint ? { hint: text(q.hint) } : {}),
		required: q.required,
		...(q.showIf ? { showIf: q.showIf } : {})
	};
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				...base,
				type: q.type,
				options: q.options.map((o) => ({ code: o.code, label: text(o.label) }))
			};
		case 'scale': {
			const options: QuestionOption[] = [];
			for (let v = q.min; v <= q.max; v++) {
				options.push({ code: String(v), label: text({ en: String(v), cy: String(v) }) });
			}
			return {
				...base,
				type: 'scale',
				options,
				scale: {
					min: q.min,
					max: q.max,
					...(q.minLabel ? { minLabel: text(q.minLabel) } : {}),
					...(q.maxLabel ? { maxLabel: text(q.maxLabel) } : {})
				}
			};
		}
		case 'shortText':
		case 'longText':
			return {
				...base,
				type: q.type,
				options: [],
				maxLength: q.type === 'shortText' ? SHORT_TEXT_MAX : LONG_TEXT_MAX
			};
	}
}

const preferNot: QuestionOption = {
	code: PREFER_NOT_TO_SAY,
	label: { key: K.preferNotToSay },
	offScale: true
};

function segmentQuestion(s: SegmentDefinition): Question {
	const options: QuestionOption[] = s.values
		? [...s.values.map((v) => ({ code: v.id, label: text(v.label) })), preferNot]
		: [{ code: 'yes', label: { key: K.yes } }, { code: 'no', label: { key: K.no } }, preferNot];
	return {
		id: segmentQuestionId(s.id),
		type: 'single',
		label: text(s.label),
		...(s.specialCategory ? { hint: { key: K.specialCategoryHint } } : {}),
		options,
		required: false,
		...(s.specialCategory ? { specialCategory: true } : {})
	};
}

function profileChoiceQuestion(id: string, key: string, choices: ProfileChoice[]): Question {
	return {
		id,
		type: 'single',
		label: { key },
		options: [...choices.map((c) => ({ code: c.id, label: text(c.label) })), preferNot],
		required: false
	};
}

/**
 * The survey's pages in order: one per service (its four standard questions and their two
 * text boxes), then the custom questions, then "About you", then the special-category page.
 *
 * Custom questions are paged in their listed order; a new page starts when a question asks
 * for one (`newPage`), when the page already holds {@link CUSTOM_QUESTIONS_PER_PAGE}, or when
 * its show-if refers to a question on the page being filled. The last rule means every
 * condition is decided by answers already submitted, so pages work without JavaScript.
 * Pages with no questions are left out.
 */
export function buildPages(definition: SurveyDefinition): Page[] {
	const pages: Page[] = definition.serviceIds.map((serviceId) => ({
		id: `svc:${serviceId}`,
		kind: 'service',
		title: { key: K.servicePageTitle },
		serviceId,
		questions: serviceQuestions(serviceId)
	}));

	let current: Page | undefined;
	let customCount = 0;
	for (const q of definition.customQuestions) {
		const question = customQuestion(q);
		const dependsOnCurrent =
			current !== undefined &&
			q.showIf !== undefined &&
			current.questions.some((other) => other.id === q.showIf?.questionId);
		if (
			current === undefined ||
			q.newPage === true ||
			current.questions.length >= CUSTOM_QUESTIONS_PER_PAGE ||
			dependsOnCurrent
		) {
			customCount++;
			current = {
				id: `custom:${customCount}`,
				kind: 'custom',
				title: { key: K.customPageTitle },
				questions: []
			};
			pages.push(current);
		}
		current.questions.push(question);
	}

	const profile: Question[] = [];
	if (definition.areas.length > 0) {
		profile.push(profileChoiceQuestion(AREA_QUESTION_ID, K.area, definition.areas));
	}
	if (definition.ageBands.length > 0) {
		profile.push(profileChoiceQuestion(AGE_BAND_QUESTION_ID, K.ageBand, definition.ageBands));
	}
	const special: Question[] = [];
	for (const s of definition.segments) {
		(s.specialCategory ? special : profile).push(segmentQuestion(s));
	}
	if (profile.length > 0) {
		pages.push({
			id: 'profile',
			kind: 'profile',
			title: { key: K.profilePageTitle },
			intro: { key: K.profilePageIntro },
			questions: profile
		});
	}
	if (special.length > 0) {
		pages.push({
			id: 'profile:special',
			kind: 'specialCategory',
			title: { key: K.specialPageTitle },
			intro: { key: K.specialPageIntro },
			questions: special
		});
	}
	return pages;
}

/** A stored answer: one code or text, or the codes chosen in a multiple-choice question. */
export type AnswerValue = string | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;
