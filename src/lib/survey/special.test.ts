import { describe, expect, it } from 'vitest';
import { SAMPLE_DEFINITION } from './fixtures';
import { isSpecialSegment, splitForStorage } from './special';

describe('splitForStorage', () => {
	it('keeps special-category answers apart from the rest', () => {
		const stored = splitForStorage(
			{
				'svc:parks:importance': '4',
				'custom:heard': 'yes',
				'profile:area': 'north',
				'profile:ageBand': 'preferNot',
				'profile:segment:carer': 'yes',
				'profile:segment:disabled': 'yes',
				'profile:segment:ethnicity': 'asian'
			},
			SAMPLE_DEFINITION
		);
		expect(stored).toEqual({
			answers: { 'svc:parks:importance': '4', 'custom:heard': 'yes' },
			profile: {
				'profile:area': 'north',
				'profile:ageBand': 'preferNot',
				'profile:segment:carer': 'yes'
			},
			area: 'north',
			ageBand: null,
			segments: ['carer'],
			special: { 'profile:segment:disabled': 'yes', 'profile:segment:ethnicity': 'asian' },
			specialSegments: ['disabled', 'ethnicity:asian']
		});
	});

	it('has nothing special when no special question was answered', () => {
		const stored = splitForStorage({ 'profile:segment:disabled': undefined }, SAMPLE_DEFINITION);
		expect(stored.special).toEqual({});
		expect(stored.specialSegments).toEqual([]);
	});

	it('knows special segments by their base id', () => {
		expect(isSpecialSegment(SAMPLE_DEFINITION, 'ethnicity:white')).toBe(true);
		expect(isSpecialSegment(SAMPLE_DEFINITION, 'carer')).toBe(false);
		expect(isSpecialSegment(SAMPLE_DEFINITION, 'unknown')).toBe(false);
	});
});
