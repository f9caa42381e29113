/**
 * A vote's counting rules around the count's own schemas (budget/schemas.ts: `RulesSchema`,
 * `RulesFormSchema`): the defaults a new vote starts with, the form's values for stored rules,
 * and stored JSON read back safely.
 */
import { RulesSchema } from '../budget/schemas';
import type {
	Channel,
	Decision,
	DevelopmentRule,
	Membership,
	Method,
	ProposalKind,
	Rules,
	Weighting
} from '../budget/types';

/**
 * counting.md's defaults: protected count, groups of 20, half the group, 20 points apart, 95%
 * sure, declared membership. A draft starts with no limit on don't-wants, but the rules form
 * asks for one to be chosen before the rules are saved (it is never a silent default).
 */
export const DEFAULT_RULES: Rules = { ...RulesSchema.parse({}), maxDontWants: 0 };

export const METHOD_LABELS: Record<Method, string> = {
	protected:
		'Protected count (recommended): majority ranking, and savings the declared groups depend on are protected',
	majority: 'Simple majority (no protection)'
};

/** Each decision as staff pages, exports and the projector name it (residents' pages translate). */
export const DECISION_LABELS: Record<Decision, string> = {
	fund: 'Fund',
	accept: 'Accept saving',
	protected: 'Protected',
	marginal: 'Too close to call: members decide',
	notNeeded: 'Not needed',
	notSelected: 'Not selected'
};

export const KIND_LABELS: Record<ProposalKind, string> = {
	saving: 'Saving',
	development: 'Development'
};

/** How a ballot was cast, as staff pages and exports name it. */
export const CHANNEL_LABELS: Record<Channel, string> = {
	online: 'Online',
	room: 'In a room',
	paper: 'Paper',
	kiosk: 'Kiosk'
};

export const MEMBERSHIP_LABELS: Record<Membership, string> = {
	declared: 'Anyone who says they or their household use the service',
	verified: 'Only people whose use of the service was verified'
};

export const WEIGHTING_LABELS: Record<Weighting, string> = {
	none: 'None: every ballot counts once',
	population: 'By population: ballots weighted to the population of their area'
};

export const DEVELOPMENT_LABELS: Record<DevelopmentRule, string> = {
	equalShares: 'Method of Equal Shares (recommended): every voter an equal share of the budget',
	greedy: 'Greedy: most-wanted developments first, while the money lasts'
};

/** Rules as the form shows them. */
export function rulesToForm(r: Rules): Record<string, string> {
	return {
		method: r.method,
		developments: r.developments,
		maxWants: String(r.maxWants),
		maxDontWants: String(r.maxDontWants),
		developmentBudget: String(r.developmentBudget / 100),
		savingsTarget: String(r.savingsTarget / 100),
		minGroup: String(r.protection.minGroup),
		threshold: String(Math.round(r.protection.threshold * 1000) / 10),
		margin: String(Math.round(r.protection.margin * 1000) / 10),
		confidence: String(r.protection.confidence),
		membership: r.protection.membership,
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
	const stored = JSON.parse(json) as Omit<Partial<Rules>, 'method'> & { method?: string };
	// Rules saved under counting rules version 1 named the development rule as a method.
	const v1Method = stored.method === 'equalShares' || stored.method === 'greedy';
	return {
		...DEFAULT_RULES,
		...stored,
		method: v1Method
			? 'protected'
			: ((stored.method as Method | undefined) ?? DEFAULT_RULES.method),
		developments:
			stored.developments ?? (stored.method === 'greedy' ? 'greedy' : DEFAULT_RULES.developments),
		protection: {
			...DEFAULT_RULES.protection,
			...stored.protection,
			// Version 1 allowed groups under 10; version 2 never protects on fewer.
			minGroup: Math.max(10, stored.protection?.minGroup ?? DEFAULT_RULES.protection.minGroup)
		}
	};
}
