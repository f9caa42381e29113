import { describe, expect, it } from 'vitest';
import { customShortText, localised, SAMPLE_DEFINITION } from './fixtures';
import {
	AGE_BAND_QUESTION_ID,
	AREA_QUESTION_ID,
	buildPages,
	CUSTOM_QUESTIONS_PER_PAGE,
	PREFER_NOT_TO_SAY,
	type Page
} from './template';

const pages = buildPages(SAMPLE_DEFINITION);
const page = (id: string): Page => {
	const p = pages.find((x) => x.id === id);
	if (!p) throw new Error(`no page ${id}`);
	return p;
};

describe('buildPages', () => {
	it('puts services first, then custom questions, then the profile, then special categories', () => {
		// "how" depends on "heard" (same page) -> new page; "paperName" depends on "how" (same
		// page) -> new page; "rate" asks for a new page.
		expect(pages.map((p) => p.id)).toEqual([
			'svc:parks',
			'svc:roads',
			'custom:1',
			'custom:2',
			'custom:3',
			'custom:4',
			'profile',
			'profile:special'
		]);
	});

	it('gives each service page its questions under stable ids', () => {
		expect(page('svc:roads').questions.map((q) => q.id)).toEqual([
			'svc:roads:importance',
			'svc:roads:satisfaction',
			'svc:roads:contribution',
			'svc:roads:contributionText',
			'svc:roads:willingness',
			'svc:roads:willingnessText'
		]);
	});

	it.each([
		{ field: 'importance', codes: ['1', '2', '3', '4', '5', 'dontKnow'] },
		{ field: 'satisfaction', codes: ['1', '2', '3', '4', '5', 'dontUse'] },
		{ field: 'contribution', codes: ['none', 'informal', 'volunteer', 'organise', 'other'] },
		{ field: 'willingness', codes: ['no', 'aLittle', 'aLot'] }
	])('offers the standard codes for $field', ({ field, codes }) => {
		const q = page('svc:parks').questions.find((x) => x.id === `svc:parks:${field}`);
		expect(q?.options.map((o) => o.code)).toEqual(codes);
	});

	it('leaves every standard question optional', () => {
		expect(page('svc:parks').questions.every((q) => !q.required)).toBe(true);
	});

	it('makes "none" the one contribution that cannot be combined', () => {
		const q = page('svc:parks').questions.find((x) => x.standard === 'contribution');
		expect(q?.options.filter((o) => o.exclusive).map((o) => o.code)).toEqual(['none']);
	});

	it('turns a custom scale into its points', () => {
		expect(page('custom:4').questions[0].options.map((o) => o.code)).toEqual(
			Array.from({ length: 11 }, (_, i) => String(i))
		);
	});

	it('offers "prefer not to say" on every profile question', () => {
		const profile = [...page('profile').questions, ...page('profile:special').questions];
		expect(profile.every((q) => q.options.some((o) => o.code === PREFER_NOT_TO_SAY))).toBe(true);
		expect(profile.every((q) => !q.required)).toBe(true);
	});

	it('puts special-category segments on their own page, flagged', () => {
		expect(page('profile').questions.map((q) => q.id)).toEqual([
			AREA_QUESTION_ID,
			AGE_BAND_QUESTION_ID,
			'profile:segment:carer'
		]);
		expect(page('profile:special').questions.map((q) => [q.id, q.specialCategory])).toEqual([
			['profile:segment:disabled', true],
			['profile:segment:ethnicity', true]
		]);
	});

	it.each([
		{ name: 'no areas, ages or segments: no profile pages', segments: [], areas: [], pages: 1 },
		{
			name: 'no special segments: no special page',
			segments: [{ id: 'carer', label: localised('Carer?'), specialCategory: false }],
			areas: [],
			pages: 2
		}
	])('$name', ({ segments, areas, pages: count }) => {
		const built = buildPages({
			serviceIds: ['parks'],
			customQuestions: [],
			areas,
			ageBands: [],
			segments
		});
		expect(built.length).toBe(count);
	});

	it(`starts a new custom page after ${CUSTOM_QUESTIONS_PER_PAGE} questions`, () => {
		const built = buildPages({
			serviceIds: [],
			customQuestions: Array.from({ length: CUSTOM_QUESTIONS_PER_PAGE + 1 }, (_, i) =>
				customShortText(`q${i}`)
			),
			areas: [],
			ageBands: [],
			segments: []
		});
		expect(built.map((p) => p.questions.length)).toEqual([CUSTOM_QUESTIONS_PER_PAGE, 1]);
	});

	it('keeps a question on the page when its show-if points at an earlier page', () => {
		const built = buildPages({
			serviceIds: ['parks'],
			customQuestions: [
				customShortText('a'),
				customShortText('b', {
					showIf: { questionId: 'svc:parks:willingness', value: 'aLot' }
				})
			],
			areas: [],
			ageBands: [],
			segments: []
		});
		expect(built.map((p) => p.questions.length)).toEqual([6, 2]);
	});
});
