/**
 * How the money adds up: what the count saved and spent against the target and the budget, and
 * what the recommendation would save and spend. Options without an amount are named, never
 * guessed at; alternatives count towards neither total.
 */
import type { Evidence } from './evidence';
import type { DecisionOption } from './record';

export interface Finance {
	savingsTarget: number;
	developmentBudget: number;
	/** What the count itself accepted and funded (0 without a closed vote). */
	countSaved: number;
	countSpent: number;
	/** The recommended savings and developments. */
	recommendedSavings: number;
	recommendedSpending: number;
	/** How far the recommended savings fall short of the target, or go beyond it. */
	savingsGap: number;
	savingsOver: number;
	/** How far the recommended developments go over the budget (0 with no budget set). */
	overBudget: number;
	/** Recommended options with no amount: the totals leave them out. */
	uncosted: string[];
}

export function finance(evidence: Evidence, options: readonly DecisionOption[]): Finance {
	const recommended = options.filter((o) => o.recommended);
	const sum = (kind: DecisionOption['kind']) =>
		recommended.filter((o) => o.kind === kind).reduce((s, o) => s + (o.amount ?? 0), 0);
	const savingsTarget = evidence.vote?.savingsTarget ?? 0;
	const developmentBudget = evidence.vote?.developmentBudget ?? 0;
	const recommendedSavings = sum('saving');
	const recommendedSpending = sum('development');
	return {
		savingsTarget,
		developmentBudget,
		countSaved: evidence.vote?.saved ?? 0,
		countSpent: evidence.vote?.spent ?? 0,
		recommendedSavings,
		recommendedSpending,
		savingsGap: Math.max(0, savingsTarget - recommendedSavings),
		savingsOver: savingsTarget > 0 ? Math.max(0, recommendedSavings - savingsTarget) : 0,
		overBudget: developmentBudget > 0 ? Math.max(0, recommendedSpending - developmentBudget) : 0,
		uncosted: recommended
			.filter((o) => o.amount === null && o.kind !== 'alternative')
			.map((o) => o.title)
	};
}
