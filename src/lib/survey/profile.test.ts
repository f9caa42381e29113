import { describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION } from './fixtures';
import { responseFromAnswers, segmentIds } from './profile';
import { AGE_BAND_QUESTION_ID, AREA_QUESTION_ID, PREFER_NOT_TO_SAY } from './template';

describe('responseFromAnswers', () => {
	it.each([
		{
			name: 'area, age band and segments',
			answers: {
				[AREA_QUESTION_ID]: 'north',
				[AGE_BAND_QUESTION_ID]: '16-24',
				'profile:segment:carer': 'yes',
				'profile:segment:disabled': 'no',
				'profile:segment:ethnicity': 'asian'
			},
			expected: { area: 'north', ageBand: '16-24', segments: ['carer', 'ethnicity:asian'] }
		},
		{
			name: 'prefer not to say everywhere',
			answers: {
				[AREA_QUESTION_ID]: PREFER_NOT_TO_SAY,
				[AGE_BAND_QUESTION_ID]: PREFER_NOT_TO_SAY,
				'profile:segment:carer': PREFER_NOT_TO_SAY,
				'profile:segment:ethnicity': PREFER_NOT_TO_SAY
			},
			expected: { segments: [] }
		},
		{
			name: 'an area not on the council’s list',
			answers: { [AREA_QUESTION_ID]: 'atlantis' },
			expected: { segments: [] }
		}
	])('reads $name', ({ answers, expected }) => {
		expect(responseFromAnswers(answers, SAMPLE_DEFINITION)).toEqual({ answers: {}, ...expected });
	});

	it('keeps survey answers and strips profile answers from them', () => {
		const r = responseFromAnswers(
			{ 'svc:parks:importance': '4', 'custom:heard': 'yes', [AREA_QUESTION_ID]: 'north' },
			SAMPLE_DEFINITION
		);
		expect(r.answers).toEqual({ 'svc:parks:importance': '4', 'custom:heard': 'yes' });
	});
});

describe('segmentIds', () => {
	it('lists yes / no segments by id and valued segments by id:value', () => {
		expect(segmentIds(SAMPLE_DEFINITION)).toEqual([
			'carer',
			'disabled',
			'ethnicity:white',
			'ethnicity:asian'
		]);
	});
});
