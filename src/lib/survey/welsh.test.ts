import { describe, expect, it } from 'vitest';
import { welshGaps } from '../i18n/welsh';
import { SAMPLE_DEFINITION } from './fixtures';
import { surveyWelshFields } from './welsh';

describe('the Welsh of a survey', () => {
	const survey = {
		id: 4,
		title: 'Parks',
		titleCy: 'Parciau',
		description: '',
		descriptionCy: null,
		definition: SAMPLE_DEFINITION
	};

	it('lists each own question, option and profile choice without Welsh, with where to fix it', () => {
		const gaps = welshGaps(surveyWelshFields(survey));
		const labels = gaps.map((g) => g.label);
		expect(labels).not.toContain('Survey title');
		// A blank description is nothing to translate.
		expect(labels).not.toContain('Survey description');
		expect(labels).toContain('Question HOW: wording');
		expect(labels).toContain('Question HOW: option 2');
		expect(labels).toContain('Area name: North');
		expect(labels).toContain('Segment Ethnic group: Asian');
		expect(gaps.find((g) => g.label === 'Question HOW: wording')?.href).toBe(
			'/staff/surveys/4/questions/how'
		);
		expect(gaps.find((g) => g.label === 'Area name: North')?.href).toBe(
			'/staff/catalogue/areas/north'
		);
	});

	it('has no gaps once everything has Welsh', () => {
		const welsh = JSON.parse(
			JSON.stringify(SAMPLE_DEFINITION).replaceAll('"cy":""', '"cy":"Cymraeg"')
		);
		expect(welshGaps(surveyWelshFields({ ...survey, definition: welsh }))).toEqual([]);
	});
});
