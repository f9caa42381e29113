import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { ACCESSIBILITY_PROBLEMS } from '$lib/notices/accessibility';
import { cookieText, easyRuleText, privacyText, problemText } from './notice-text';
import { errorKeys, translate, translateErrors } from './translate';

// Every catalogue the project compiles (project.inlang/settings.json), in English.
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const keysInCatalogues = settings['plugin.inlang.messageFormat'].pathPattern
	.map((pattern) => pattern.replace('{locale}', 'en'))
	.flatMap((file) => Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object));
const errorKeysInCatalogues = keysInCatalogues.filter((key) => key.includes('err_'));

describe('translate', () => {
	it('knows every error message and nothing else', () => {
		expect([...errorKeys].sort()).toEqual([...errorKeysInCatalogues].sort());
		expect(errorKeys.has('home_title')).toBe(false);
	});

	it.each([
		{ input: 'err_code_required', expected: m.err_code_required() },
		{ input: 'lab_err_text', expected: m.lab_err_text() },
		{ input: 'Enter a title', expected: 'Enter a title' },
		{ input: 'home_title', expected: 'home_title' }
	])('$input -> $expected', ({ input, expected }) => {
		expect(translate(input)).toBe(expected);
	});

	it('passes parameters on, and translates a whole set of form errors', () => {
		expect(translate('err_rate_limited', { minutes: 3 })).toBe(m.err_rate_limited({ minutes: 3 }));
		expect(translateErrors({ code: 'err_code_unknown', _: 'Plain text' })).toEqual({
			code: m.err_code_unknown(),
			_: 'Plain text'
		});
		expect(translateErrors(undefined)).toBeUndefined();
	});
});

describe('notice lines', () => {
	it.each([
		{ lookup: privacyText, family: /^privacy_/ },
		{ lookup: problemText, family: /^a11y_problem_/ },
		{ lookup: cookieText, family: /^cookie_/ },
		{ lookup: easyRuleText, family: /^easy_rule_/ }
	])('know every message of $family and no others', ({ lookup, family }) => {
		const lines = keysInCatalogues.filter((key) => family.test(key));
		expect([...lookup.keys].sort()).toEqual(lines.sort());
	});

	// What every cookie is for: src/lib/server/cookies.test.ts.
	it('say every problem in the accessibility statement', () => {
		for (const key of ACCESSIBILITY_PROBLEMS) expect(problemText.lookup(key), key).not.toBe(key);
		expect(problemText.lookup('a11y_problem_projector')).toBe(m.a11y_problem_projector());
	});
});
