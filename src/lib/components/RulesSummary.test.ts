import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Rules } from '$lib/budget/types';
import { DEFAULT_RULES } from '$lib/vote/rules';
import RulesSummary from './RulesSummary.svelte';

/** The summary's items as plain text, for rules changed by `change`. */
function items(
	change: Partial<Rules> = {},
	props: { savings?: boolean; developments?: boolean; locale?: 'en' | 'cy' } = {}
) {
	const rules = { ...DEFAULT_RULES, maxDontWants: 2, ...change };
	const { body } = render(RulesSummary, { props: { rules, ...props } });
	return [...body.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
		m[1]
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
}
const has = (list: string[], text: string) => list.some((i) => i.includes(text));
const protection = (p: Partial<Rules['protection']>) => ({
	protection: { ...DEFAULT_RULES.protection, ...p }
});

describe('the rules residents read', () => {
	it.each([
		['a limit on don’t-wants', {}, "The most proposals you can mark Don't want: 2."],
		[
			'no limit on don’t-wants, as chosen',
			{ maxDontWants: 0 },
			"There is no limit on how many proposals you can mark Don't want"
		],
		[
			'no limit on wants',
			{ maxWants: 0 },
			'There is no limit on how many proposals you can mark Want.'
		],
		['only declared groups protect', {}, 'Only those groups can stop a saving'],
		['the confidence test and members deciding', {}, 'too close to call, the saving is held back'],
		['declared users', {}, 'Anyone who says they or their household use a service counts'],
		[
			'verified users',
			protection({ membership: 'verified' }),
			'Only people whose use of the service was checked count'
		],
		[
			'the development rule',
			{},
			"New spending that more people don't want than want is never funded"
		]
	])('state %s', (_, change, text) => {
		expect(has(items(change), text)).toBe(true);
	});

	it.each([
		['the confidence test when it is off', protection({ confidence: 'none' }), {}, '95% sure'],
		[
			'declared users under verified membership',
			protection({ membership: 'verified' }),
			{},
			'Anyone who says'
		],
		['protection under simple majority', { method: 'majority' as const }, {}, 'stop a saving'],
		['protection when there are no savings', {}, { savings: false }, 'stop a saving'],
		[
			'the development rule when there are no developments',
			{},
			{ developments: false },
			'New spending that'
		]
	])('leave out %s', (_, change, props, text) => {
		expect(has(items(change, props), text)).toBe(false);
	});

	it('are in Welsh when the printed paper ballot asks for Welsh, whatever the page’s language', () => {
		const welsh = items({ savingsTarget: 80_000_00 }, { locale: 'cy' });
		expect(has(welsh, "Y nifer fwyaf o gynigion y gallwch eu marcio'n Ddim eisiau: 2.")).toBe(true);
		expect(has(welsh, "Mae angen i'r cyngor arbed £80,000.")).toBe(true);
	});
});
