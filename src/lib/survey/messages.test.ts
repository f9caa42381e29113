import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { residentError, SEGMENT_QUESTION_KEY } from './present';
import { SURVEY_MESSAGE_KEYS } from './template';

const load = (locale: string): Record<string, string> =>
	JSON.parse(readFileSync(`messages/survey/${locale}.json`, 'utf8'));
const en = load('en');
const cy = load('cy');

function keysOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(keysOf);
	return Object.values(value as Record<string, unknown>).flatMap(keysOf);
}

const errors = [
	'Please answer this question.',
	'Choose one point on the scale.',
	'Choose one of the options.',
	'Choose from the options listed.',
	'You chose an answer that cannot go with the others: choose it on its own, or the others.',
	'Please keep this to 200 characters or fewer.',
	'Please write your answer as text.',
	'Something unexpected'
];

describe('survey messages', () => {
	it('has every key the template needs, in English and Welsh', () => {
		const needed = [...keysOf(SURVEY_MESSAGE_KEYS), SEGMENT_QUESTION_KEY];
		for (const key of needed) {
			expect(en[key], key).toBeTruthy();
			expect(cy[key], key).toBeTruthy();
		}
	});

	it('has the same keys and placeholders in both languages, and real Welsh', () => {
		expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
		const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
		let same = 0;
		for (const key of Object.keys(en)) {
			expect(placeholders(cy[key]), key).toEqual(placeholders(en[key]));
			if (key !== '$schema' && cy[key] === en[key] && !/^\{\w+\}$/.test(en[key])) same++;
		}
		expect(same).toBe(0);
	});

	it('has a message for every error the page schema gives', () => {
		for (const message of errors) {
			const { key } = residentError(message);
			expect(en[key], message).toBeTruthy();
		}
		expect(residentError(errors[5])).toEqual({ key: 'survey_err_too_long', params: { max: 200 } });
		expect(residentError(errors[4]).key).toBe('survey_err_exclusive');
		expect(residentError(errors[3]).key).toBe('survey_err_choose_listed');
	});
});
