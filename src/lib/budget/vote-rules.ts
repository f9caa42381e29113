/**
 * A vote's counting rules around the count's own schemas (schemas.ts: `RulesSchema`,
 * `RulesFormSchema`): the defaults a new vote starts with, the form's values for stored rules,
 * and stored JSON read back safely.
 */
import { RulesSchema } from './schemas';
import type { Method, Rules } from './types';

/** counting.md's defaults: protected count, groups of 20, half the group, 20 points apart. */
export const DEFAULT_RULES: Rules = RulesSchema.parse({});

export const METHOD_LABELS: Record<Method, string> = {
	protected: 'Protected count (recommended): majority ranking, with minority protection',
	majority: 'Simple majority (no protection)',
	equalShares: 'Method of Equal Shares for developments',
	greedy: 'Greedy: most-wanted developments first'
};

/** Rules as the form shows them. */
export function rulesToForm(r: Rules): Record<string, string> {
	return {
		method: r.method,
		maxWants: String(r.maxWants),
		maxDontWants: String(r.maxDontWants),
		developmentBudget: String(r.developmentBudget / 100),
		savingsTarget: String(r.savingsTarget / 100),
		minGroup: String(r.protection.minGroup),
		threshold: String(Math.round(r.protection.threshold * 1000) / 10),
		margin: String(Math.round(r.protection.margin * 1000) / 10),
		weighting: r.weighting
	};
}

/**
 * Stored JSON (possibly absent, possibly from an older version missing a field) as complete
 * rules. Rules were checked with `RulesSchema` when saved, so this only fills in defaults: it
 * runs on every ballot, where a full schema parse would cost more than the rest of the check.
 */
export function parseStoredRules(json: string | null): Rules {
	if (!json) return DEFAULT_RULES;
	const stored = JSON.parse(json) as Partial<Rules>;
	return {
		...DEFAULT_RULES,
		...stored,
		protection: { ...DEFAULT_RULES.protection, ...stored.protection }
	};
}
