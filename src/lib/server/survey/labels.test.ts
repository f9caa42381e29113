import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePageAnswers } from '$lib/survey/schemas';
import { buildPages, type SurveyDefinition } from '$lib/survey/template';
import { residentErrors } from './labels';

const cy = JSON.parse(readFileSync('messages/survey/cy.json', 'utf8')) as Record<string, string>;

const definition: SurveyDefinition = {
	serviceIds: ['parks'],
	customQuestions: [
		{
			id: 'heard',
			type: 'single',
			wording: { en: 'Heard?', cy: '' },
			required: true,
			options: [
				{ code: 'yes', label: { en: 'Yes', cy: '' } },
				{ code: 'no', label: { en: 'No', cy: '' } }
			]
		}
	],
	areas: [],
	ageBands: [],
	segments: []
};
const [parks, custom] = buildPages(definition);

// The page schema refuses with message keys, and the Welsh comes from the Welsh catalogue by
// key: no English sentence is on the way, so rewording the English cannot change the Welsh.
describe('a resident page refusal in Welsh', () => {
	it.each([
		{ page: custom, input: {}, id: 'custom:heard', welsh: cy.survey_err_required },
		{
			page: parks,
			input: { 'svc:parks:importance': '6' },
			id: 'svc:parks:importance',
			welsh: cy.survey_err_scale
		},
		{
			page: parks,
			input: { 'svc:parks:contribution': ['none', 'volunteer'] },
			id: 'svc:parks:contribution',
			welsh: cy.survey_err_exclusive
		},
		{
			page: parks,
			input: { 'svc:parks:willingnessText': 'x'.repeat(201) },
			id: 'svc:parks:willingnessText',
			welsh: cy.survey_err_too_long.replace('{max}', '200')
		}
	])("$id is refused in the Welsh catalogue's words", ({ page, input, id, welsh }) => {
		const parsed = parsePageAnswers(page, input);
		if (parsed.success) throw new Error('expected a refusal');
		expect(Object.values(parsed.errors).every((e) => e.key.startsWith('survey_err_'))).toBe(true);
		expect(residentErrors(parsed.errors, 'cy')).toEqual({ [id]: welsh });
	});
});
