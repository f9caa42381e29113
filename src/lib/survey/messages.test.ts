import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEGMENT_QUESTION_KEY } from './present';
import { ANSWER_ERROR_KEYS } from './schemas';
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

	it("has English and Welsh for every refusal of a resident's page", () => {
		for (const key of ANSWER_ERROR_KEYS) {
			expect(en[key], key).toBeTruthy();
			expect(cy[key], key).toBeTruthy();
		}
	});
});
