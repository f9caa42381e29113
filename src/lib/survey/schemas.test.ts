import { describe, expect, it } from 'vitest';
import {
	customQuestionSchema,
	pageAnswersSchema,
	parsePageAnswers,
	readPageForm,
	surveyBuilderSchema
} from './schemas';
import { buildPages, type CustomQuestion, type Page, type SurveyDefinition } from './template';

const t = (en: string) => ({ en, cy: '' });

function firstError(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	const issue = result.error?.issues[0];
	return issue ? { path: issue.path.join('.'), message: issue.message } : undefined;
}

describe('surveyBuilderSchema', () => {
	const valid = {
		title: '  Services in Aberdyfi  ',
		description: '',
		serviceIds: ['parks', 'roads'],
		access: 'both',
		opensAt: '2026-06-01T09:00',
		closesAt: '2026-06-30T17:00'
	};

	it('accepts a complete form and trims the title', () => {
		const result = surveyBuilderSchema.parse(valid);
		expect(result.title).toBe('Services in Aberdyfi');
	});

	it('accepts one service sent as a plain string (Object.fromEntries)', () => {
		expect(surveyBuilderSchema.parse({ ...valid, serviceIds: 'parks' }).serviceIds).toEqual([
			'parks'
		]);
	});

	it('treats blank dates as not set', () => {
		const result = surveyBuilderSchema.parse({ ...valid, opensAt: '', closesAt: '' });
		expect([result.opensAt, result.closesAt]).toEqual([undefined, undefined]);
	});

	it.each([
		{ name: 'no title', input: { title: ' ' }, path: 'title', message: 'Give the survey a title.' },
		{
			name: 'a long title',
			input: { title: 'x'.repeat(121) },
			path: 'title',
			message: 'Keep the title to 120 characters or fewer.'
		},
		{
			name: 'no services',
			input: { serviceIds: [] },
			path: 'serviceIds',
			message: 'Choose at least one service.'
		},
		{
			name: 'a service twice',
			input: { serviceIds: ['parks', 'parks'] },
			path: 'serviceIds',
			message: 'Each service can be chosen once.'
		},
		{
			name: 'a service id with a colon',
			input: { serviceIds: ['parks:x'] },
			path: 'serviceIds.0',
			message: 'One of the chosen services is not on the list.'
		},
		{
			name: 'an unknown access',
			input: { access: 'secret' },
			path: 'access',
			message: 'Choose how people get into the survey: open link, access code, or both.'
		},
		{
			name: 'an impossible date',
			input: { opensAt: '2026-02-30T09:00' },
			path: 'opensAt',
			message: 'Enter a date and time, for example 30/06/2026 17:00.'
		},
		{
			name: 'closing before opening',
			input: { closesAt: '2026-05-31T09:00' },
			path: 'closesAt',
			message: 'The closing date must be after the opening date.'
		},
		{
			name: 'closing at the moment of opening (seconds or not)',
			input: { closesAt: '2026-06-01T09:00:00' },
			path: 'closesAt',
			message: 'The closing date must be after the opening date.'
		}
	])('rejects $name', ({ input, path, message }) => {
		expect(firstError(surveyBuilderSchema.safeParse({ ...valid, ...input }))).toEqual({
			path,
			message
		});
	});
});

describe('customQuestionSchema', () => {
	const single = {
		id: 'heard',
		type: 'single',
		wording: { en: 'Did you hear of us?', cy: 'Ydych chi wedi clywed amdanom?' },
		required: 'on',
		options: [
			{ code: 'yes', label: { en: 'Yes', cy: 'Ydw' } },
			{ code: 'no', label: { en: 'No' } }
		]
	};

	it('accepts a single-choice question, ticking "required" and defaulting missing Welsh', () => {
		const q = customQuestionSchema.parse(single);
		expect(q.required).toBe(true);
		expect(q.type === 'single' && q.options[1].label).toEqual({ en: 'No', cy: '' });
	});

	it('reads an unticked checkbox (absent) as not required', () => {
		expect(customQuestionSchema.parse({ ...single, required: undefined }).required).toBe(false);
	});

	it('coerces scale ends from form strings', () => {
		const q = customQuestionSchema.parse({
			id: 'rate',
			type: 'scale',
			wording: t('Rate us'),
			min: '1',
			max: '7'
		});
		expect(q.type === 'scale' && [q.min, q.max]).toEqual([1, 7]);
	});

	it.each([
		{
			name: 'one option',
			input: { ...single, options: [single.options[0]] },
			path: 'options',
			message: 'Give at least two options.'
		},
		{
			name: 'two options with one code',
			input: { ...single, options: [single.options[0], single.options[0]] },
			path: 'options',
			message: 'Each option needs its own code.'
		},
		{
			name: 'no English wording',
			input: { ...single, wording: { en: '', cy: 'Cwestiwn' } },
			path: 'wording.en',
			message: 'Write the question in English.'
		},
		{
			name: 'a long Welsh wording',
			input: { ...single, wording: { en: 'Q', cy: 'x'.repeat(301) } },
			path: 'wording.cy',
			message: 'Keep the Welsh question to 300 characters or fewer.'
		},
		{
			name: 'an unknown type',
			input: { ...single, type: 'essay' },
			path: 'type',
			message: 'Choose a question type.'
		},
		{
			name: 'a scale upside down',
			input: { id: 's', type: 'scale', wording: t('S'), min: 5, max: 1 },
			path: 'max',
			message: 'The highest point must be above the lowest, with at most 11 points.'
		},
		{
			name: 'a scale of 12 points',
			input: { id: 's', type: 'scale', wording: t('S'), min: 0, max: 11 },
			path: 'max',
			message: 'Scale ends go from -10 to 10.'
		},
		{
			name: 'a fractional scale end',
			input: { id: 's', type: 'scale', wording: t('S'), min: 1.5, max: 5 },
			path: 'min',
			message: 'Enter a whole number.'
		},
		{
			name: 'an id with a space',
			input: { ...single, id: 'my q' },
			path: 'id',
			message: 'Question ids are letters, digits, - and _ only.'
		}
	])('rejects $name', ({ input, path, message }) => {
		expect(firstError(customQuestionSchema.safeParse(input))).toEqual({ path, message });
	});
});

// ---------------------------------------------------------------------------------------------
// Page answers
// ---------------------------------------------------------------------------------------------

const custom: CustomQuestion[] = [
	{
		id: 'heard',
		type: 'single',
		wording: t('Heard?'),
		required: true,
		options: [
			{ code: 'yes', label: t('Yes') },
			{ code: 'no', label: t('No') }
		]
	},
	{
		id: 'where',
		type: 'longText',
		wording: t('Where?'),
		required: true,
		showIf: { questionId: 'svc:parks:willingness', value: 'aLot' }
	}
];
const definition: SurveyDefinition = {
	serviceIds: ['parks'],
	customQuestions: custom,
	areas: [],
	ageBands: [],
	segments: []
};
const pages = buildPages(definition);
const parks = pages[0];
const customPage = pages[1] as Page;

describe('pageAnswersSchema on a service page', () => {
	it('accepts an empty page: every standard question may be skipped', () => {
		expect(parsePageAnswers(parks, {})).toEqual({ success: true, answers: {} });
	});

	it('keeps answers, trims text, drops blanks and makes one contribution a list', () => {
		const result = parsePageAnswers(parks, {
			'svc:parks:importance': '4',
			'svc:parks:satisfaction': 'dontUse',
			'svc:parks:contribution': 'volunteer',
			'svc:parks:contributionText': '  litter picks  ',
			'svc:parks:willingness': '',
			'svc:parks:willingnessText': '   ',
			unrelated: 'ignored'
		});
		expect(result).toEqual({
			success: true,
			answers: {
				'svc:parks:importance': '4',
				'svc:parks:satisfaction': 'dontUse',
				'svc:parks:contribution': ['volunteer'],
				'svc:parks:contributionText': 'litter picks'
			}
		});
	});

	it.each([
		{ id: 'svc:parks:importance', value: '6', error: { key: 'survey_err_scale' } },
		{ id: 'svc:parks:importance', value: 'dontUse', error: { key: 'survey_err_scale' } },
		{ id: 'svc:parks:satisfaction', value: ['1', '2'], error: { key: 'survey_err_scale' } },
		{ id: 'svc:parks:willingness', value: 'enormously', error: { key: 'survey_err_choose_one' } },
		{
			id: 'svc:parks:contribution',
			value: ['fundraise'],
			error: { key: 'survey_err_choose_listed' }
		},
		{
			id: 'svc:parks:contribution',
			value: ['volunteer', 'volunteer'],
			error: { key: 'survey_err_choose_listed' }
		},
		{
			id: 'svc:parks:contribution',
			value: ['none', 'volunteer'],
			error: { key: 'survey_err_exclusive' }
		},
		{
			id: 'svc:parks:willingnessText',
			value: 'x'.repeat(201),
			error: { key: 'survey_err_too_long', params: { max: 200 } }
		}
	])('rejects $value for $id', ({ id, value, error }) => {
		expect(parsePageAnswers(parks, { [id]: value })).toEqual({
			success: false,
			errors: { [id]: error }
		});
	});

	it('accepts text of exactly the limit', () => {
		const text = 'x'.repeat(200);
		expect(parsePageAnswers(parks, { 'svc:parks:contributionText': text })).toEqual({
			success: true,
			answers: { 'svc:parks:contributionText': text }
		});
	});
});

describe('pageAnswersSchema on a custom page', () => {
	it('requires a required visible question', () => {
		// "where" is hidden (no earlier willingness answer), so only "heard" is required.
		expect(parsePageAnswers(customPage, {})).toEqual({
			success: false,
			errors: { 'custom:heard': { key: 'survey_err_required' } }
		});
	});

	it('requires a shown question once an earlier page shows it', () => {
		const result = parsePageAnswers(
			customPage,
			{ 'custom:heard': 'yes' },
			{ 'svc:parks:willingness': 'aLot' }
		);
		expect(result).toEqual({
			success: false,
			errors: { 'custom:where': { key: 'survey_err_required' } }
		});
	});

	it('drops an answer to a hidden question', () => {
		const result = pageAnswersSchema(customPage, { 'svc:parks:willingness': 'no' }).parse({
			'custom:heard': 'no',
			'custom:where': 'In the park'
		});
		expect(result).toEqual({ 'custom:heard': 'no' });
	});

	it('limits long text to 2000 characters', () => {
		const result = parsePageAnswers(
			customPage,
			{ 'custom:heard': 'yes', 'custom:where': 'x'.repeat(2001) },
			{ 'svc:parks:willingness': 'aLot' }
		);
		expect(result).toEqual({
			success: false,
			errors: { 'custom:where': { key: 'survey_err_too_long', params: { max: 2000 } } }
		});
	});
});

describe('readPageForm', () => {
	it('reads every value of a multiple-choice field and the first of others', () => {
		const form = new FormData();
		form.append('svc:parks:contribution', 'volunteer');
		form.append('svc:parks:contribution', 'organise');
		form.append('svc:parks:importance', '5');
		form.append('svc:parks:importance', '1');
		form.append('svc:parks:contributionText', new Blob(['file']), 'file.txt');
		form.append('other', 'x');
		expect(readPageForm(parks, form)).toEqual({
			'svc:parks:contribution': ['volunteer', 'organise'],
			'svc:parks:importance': '5'
		});
	});
});
