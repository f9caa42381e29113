import { describe, expect, it } from 'vitest';
import type { Rules } from '../budget/types';
import { DEFAULT_RULES } from './rules';
import { m } from '../paraglide/messages';
import { easyRules, easyText, sentences } from './easy-read';

const money = (pence: number) => `£${pence / 100}`;
const keys = (change: Partial<Rules> = {}, has = { savings: true, developments: true }) =>
	easyRules({ ...DEFAULT_RULES, maxDontWants: 2, ...change }, has, money).map((l) => l.key);
const protection = (p: Partial<Rules['protection']>) => ({
	protection: { ...DEFAULT_RULES.protection, ...p }
});

describe('the rules in easy read', () => {
	it('say the limits with their numbers, or that there is none', () => {
		const lines = easyRules(
			{ ...DEFAULT_RULES, maxWants: 3, maxDontWants: 0 },
			{
				savings: true,
				developments: true
			},
			money
		);
		expect(lines.slice(0, 2)).toEqual([
			{ key: 'easy_rule_wants', params: { max: 3 } },
			{ key: 'easy_rule_dont_wants_any' }
		]);
	});

	it.each([
		['who can stop a cut, for a vote with cuts', {}, 'easy_rule_protect', true],
		[
			'nobody can stop a cut under simple majority',
			{ method: 'majority' as const },
			'easy_rule_protect',
			false
		],
		['too close to tell, with the confidence test', {}, 'easy_rule_too_close', true],
		[
			'not too close to tell without it',
			protection({ confidence: 'none' }),
			'easy_rule_too_close',
			false
		],
		[
			'checked users, when only they count',
			protection({ membership: 'verified' }),
			'easy_rule_checked_users',
			true
		],
		['not checked users, when everyone who says so counts', {}, 'easy_rule_checked_users', false],
		['the savings target', { savingsTarget: 80_000_00 }, 'easy_rule_target', true],
		['no target when there is none', {}, 'easy_rule_target', false],
		['weighting when it is on', { weighting: 'population' as const }, 'easy_rule_weighting', true]
	])('include %s', (_, change, key, present) => {
		expect(keys(change).includes(key)).toBe(present);
	});

	it('leave out cuts for a vote with none, and new spending for a vote with none', () => {
		expect(keys({}, { savings: false, developments: true })).not.toContain('easy_rule_protect');
		expect(keys({}, { savings: true, developments: false })).not.toContain(
			'easy_rule_new_spending'
		);
	});

	it('give the money in the caller’s words', () => {
		const lines = easyRules(
			{ ...DEFAULT_RULES, developmentBudget: 40_000_00 },
			{
				savings: false,
				developments: true
			},
			money
		);
		expect(lines).toContainEqual({ key: 'easy_rule_budget', params: { amount: '£40000' } });
	});

	// Welsh says the same in a few more short words (particles such as “yn” and “yr”).
	const MOST_WORDS = { en: 15, cy: 18 };
	it('are short: every sentence has at most 15 words (18 in Welsh), one idea each', () => {
		const all = easyRules(
			{
				...DEFAULT_RULES,
				maxWants: 3,
				maxDontWants: 2,
				savingsTarget: 1,
				developmentBudget: 1,
				weighting: 'population',
				protection: { ...DEFAULT_RULES.protection, membership: 'verified' }
			},
			{ savings: true, developments: true },
			money
		);
		const messages = m as unknown as Record<
			string,
			(p: unknown, o: { locale: 'en' | 'cy' }) => string
		>;
		for (const locale of ['en', 'cy'] as const)
			for (const line of all) {
				const text = messages[line.key](line.params ?? {}, { locale });
				for (const sentence of sentences(text))
					expect(sentence.split(/\s+/).length, `${locale} ${line.key}`).toBeLessThanOrEqual(
						MOST_WORDS[locale]
					);
			}
	});
});

describe('a proposal in easy read', () => {
	const p = {
		description: 'The long description.',
		descriptionCy: 'Y disgrifiad hir.',
		easyRead: 'Short words.',
		easyReadCy: 'Geiriau byr.'
	};
	it.each([
		['the easy-read summary', p, 'en', { text: 'Short words.' }],
		['the Welsh summary on a Welsh page', p, 'cy', { text: 'Geiriau byr.' }],
		[
			'the Welsh description before any English',
			{ ...p, easyReadCy: null },
			'cy',
			{ text: 'Y disgrifiad hir.' }
		],
		[
			'the English summary, marked English, with no Welsh at all',
			{ ...p, easyReadCy: ' ', descriptionCy: null },
			'cy',
			{ text: 'Short words.', lang: 'en' }
		],
		[
			'the description when staff wrote no summary',
			{ ...p, easyRead: null },
			'en',
			{ text: 'The long description.' }
		]
	])('is %s', (_, source, locale, shown) => {
		expect(easyText(source, locale)).toEqual(shown);
	});

	it('is shown a sentence a line', () => {
		expect(sentences('We close the van. It visits 22 villages!  Is that fair?')).toEqual([
			'We close the van.',
			'It visits 22 villages!',
			'Is that fair?'
		]);
	});
});
