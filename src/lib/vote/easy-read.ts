/**
 * The easy-read ballot's words: the rules said as short sentences, one idea each, in common
 * words, and which text to show for a proposal. Sentences are message keys (messages/easy), so
 * the same rules read in English and Welsh; amounts come formatted by the caller.
 */
import type { Rules } from '../budget/types';
import { inLanguage, type Shown } from '../i18n/welsh';

export interface EasyLine {
	key: string;
	params?: Record<string, string | number>;
}

/**
 * The rules in easy read, in the order a voter needs them: how many of each mark, what makes an
 * idea happen, who can stop a cut (only when the vote has cuts and protects them), new spending,
 * the money, and that the rules do not change. Leaves out what does not apply, as the full
 * rules do.
 */
export function easyRules(
	rules: Rules,
	has: { savings: boolean; developments: boolean },
	money: (pence: number) => string
): EasyLine[] {
	const lines: EasyLine[] = [
		rules.maxWants > 0
			? { key: 'easy_rule_wants', params: { max: rules.maxWants } }
			: { key: 'easy_rule_wants_any' },
		rules.maxDontWants > 0
			? { key: 'easy_rule_dont_wants', params: { max: rules.maxDontWants } }
			: { key: 'easy_rule_dont_wants_any' },
		{ key: 'easy_rule_most_wanted' }
	];
	if (has.savings && rules.method !== 'majority') {
		lines.push({ key: 'easy_rule_need' }, { key: 'easy_rule_named' }, { key: 'easy_rule_protect' });
		if (rules.protection.membership === 'verified') lines.push({ key: 'easy_rule_checked_users' });
		if (rules.protection.confidence !== 'none') lines.push({ key: 'easy_rule_too_close' });
	}
	if (has.developments) lines.push({ key: 'easy_rule_new_spending' });
	if (rules.savingsTarget > 0)
		lines.push({ key: 'easy_rule_target', params: { amount: money(rules.savingsTarget) } });
	if (rules.developmentBudget > 0)
		lines.push({ key: 'easy_rule_budget', params: { amount: money(rules.developmentBudget) } });
	if (rules.weighting === 'population') lines.push({ key: 'easy_rule_weighting' });
	lines.push({ key: 'easy_rule_fixed' });
	return lines;
}

export interface EasyReadSource {
	description: string;
	descriptionCy: string | null;
	easyRead: string | null;
	easyReadCy: string | null;
}

function blank(text: string | null | undefined): boolean {
	return !text || text.trim() === '';
}

/**
 * What the easy-read page says about a proposal: its easy-read summary in the page's language;
 * on a Welsh page without a Welsh summary, the Welsh description before any English (a reader who
 * chose Welsh keeps Welsh); then the English summary, then the English description, marked as
 * English (`lang: 'en'`) on a Welsh page.
 */
export function easyText(p: EasyReadSource, locale: string): Shown {
	if (locale === 'cy') {
		if (!blank(p.easyReadCy)) return { text: p.easyReadCy! };
		if (!blank(p.descriptionCy)) return { text: p.descriptionCy! };
	}
	const en = blank(p.easyRead) ? p.description : p.easyRead!;
	return inLanguage(en, null, locale);
}

/**
 * A text as sentences, one a line: easy read puts each idea on its own line. Splits after a full
 * stop, question or exclamation mark followed by a space; keeps everything else as written.
 */
export function sentences(text: string): string[] {
	return text
		.split(/(?<=[.!?])\s+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}
