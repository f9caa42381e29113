import { describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION } from './fixtures';
import { answerText, localText, pageValues, presentPage, type PresentContext } from './present';
import { buildPages } from './template';

const ctx = (locale: 'en' | 'cy'): PresentContext => ({
	locale,
	t: (key, params) =>
		`${locale}:${key}${params && Object.keys(params).length ? JSON.stringify(params) : ''}`,
	serviceName: (id) => id.toUpperCase()
});
const pages = buildPages(SAMPLE_DEFINITION);

describe('presentPage', () => {
	it('translates the standard block with the service name', () => {
		const page = presentPage(pages[0], 0, ctx('cy'));
		expect(page.title).toBe('cy:survey_page_service{"service":"PARKS"}');
		expect(page.questions[0].label).toBe('cy:survey_importance{"service":"PARKS"}');
		expect(page.questions[0].options.at(-1)).toMatchObject({ code: 'dontKnow', offScale: true });
		expect(page.questions[2].options[0]).toMatchObject({ code: 'none', exclusive: true });
	});

	it('wraps a yes / no segment into a question, and uses English where Welsh is blank', () => {
		const profile = presentPage(
			pages.find((p) => p.id === 'profile')!,
			6,
			ctx('cy')
		);
		const carer = profile.questions.find((q) => q.id === 'profile:segment:carer')!;
		expect(carer.label).toBe('cy:survey_segment_question{"segment":"Are you a carer?"}');
		const special = presentPage(
			pages.find((p) => p.id === 'profile:special')!,
			7,
			ctx('en')
		);
		const ethnicity = special.questions.find((q) => q.id === 'profile:segment:ethnicity')!;
		expect(ethnicity.label).toBe('Ethnic group');
		expect(ethnicity.specialCategory).toBe(true);
		expect(localText({ en: 'Hello', cy: ' ' }, 'cy')).toBe('Hello');
		expect(localText({ en: 'Hello', cy: 'Helo' }, 'cy')).toBe('Helo');
	});
});

describe('answers in words', () => {
	it('joins chosen options, passes text through and knows no answer', () => {
		const page = presentPage(pages[0], 0, ctx('en'));
		const contribution = page.questions[2];
		expect(answerText(contribution, ['informal', 'organise'])).toBe(
			'en:survey_contribution_informal{"service":"PARKS"}; en:survey_contribution_organise{"service":"PARKS"}'
		);
		expect(answerText(page.questions[3], 'I pick litter')).toBe('I pick litter');
		expect(answerText(page.questions[3], undefined)).toBeUndefined();
		expect(pageValues(page, { 'svc:parks:contribution': ['none'], other: 'x' })).toEqual({
			'svc:parks:contribution': ['none']
		});
	});
});
