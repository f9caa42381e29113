import { describe, expect, it } from 'vitest';
import {
	customQuestionValues,
	errorField,
	parseCustomQuestionForm,
	showIfTargets
} from './builder-form';
import { SAMPLE_DEFINITION } from './fixtures';

describe('parseCustomQuestionForm', () => {
	it('reads a single-choice question with Welsh options line for line and a show-if', () => {
		const parsed = parseCustomQuestionForm(
			{
				type: 'single',
				'wording.en': 'Which library?',
				'wording.cy': 'Pa lyfrgell?',
				'hint.en': '',
				'hint.cy': '',
				optionsEn: 'Harbour\r\n\r\nOld Town\n',
				optionsCy: 'Harbwr\nYr Hen Dref',
				required: 'on',
				showIf: 'custom:heard=yes'
			},
			'q4'
		);
		expect(parsed).toEqual({
			ok: true,
			question: {
				id: 'q4',
				type: 'single',
				wording: { en: 'Which library?', cy: 'Pa lyfrgell?' },
				required: true,
				newPage: false,
				showIf: { questionId: 'custom:heard', value: 'yes' },
				options: [
					{ code: 'o1', label: { en: 'Harbour', cy: 'Harbwr' } },
					{ code: 'o2', label: { en: 'Old Town', cy: 'Yr Hen Dref' } }
				]
			}
		});
	});

	it('reads a scale and round-trips through the form values', () => {
		const values = {
			type: 'scale',
			'wording.en': 'How likely?',
			'wording.cy': '',
			min: '0',
			max: '10',
			'minLabel.en': 'Not at all',
			'minLabel.cy': 'Ddim o gwbl',
			'maxLabel.en': '',
			'maxLabel.cy': ''
		};
		const parsed = parseCustomQuestionForm(values, 'q1');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.question).toMatchObject({ min: 0, max: 10, minLabel: { en: 'Not at all' } });
		expect(parseCustomQuestionForm(customQuestionValues(parsed.question), 'q1')).toEqual(parsed);
	});

	it('keys errors by form field', () => {
		const parsed = parseCustomQuestionForm(
			{ type: 'multiple', 'wording.en': '', optionsEn: 'Only one', optionsCy: 'Un\nDau' },
			'q1'
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(['optionsCy', 'optionsEn', 'wording.en']);
		expect(parseCustomQuestionForm({}, 'q1')).toMatchObject({
			ok: false,
			errors: { type: expect.any(String) }
		});
	});

	it.each([
		[[], 'type'],
		[['options', 2, 'label', 'cy'], 'optionsCy'],
		[['options'], 'optionsEn'],
		[['showIf', 'value'], 'showIf'],
		[['minLabel', 'en'], 'minLabel.en']
	] as const)('error at %j belongs to %s', (path, field) => {
		expect(errorField(path)).toBe(field);
	});
});

describe('showIfTargets', () => {
	it('lists earlier choice and scale questions, never text or profile ones', () => {
		const ids = showIfTargets(SAMPLE_DEFINITION, 'custom:paperName').map((q) => q.id);
		expect(ids).toContain('svc:parks:importance');
		expect(ids).toContain('custom:how');
		expect(ids).not.toContain('svc:parks:contributionText');
		expect(ids).not.toContain('custom:paperName');
		expect(ids).not.toContain('custom:rate');
		expect(showIfTargets(SAMPLE_DEFINITION).map((q) => q.id)).toContain('custom:rate');
		expect(showIfTargets(SAMPLE_DEFINITION).some((q) => q.id.startsWith('profile:'))).toBe(false);
	});
});
