/**
 * The money a count comes to, as the results pages show it: savings against the target,
 * developments against the budget, and what simple majority would have saved.
 */
import type { CountResult } from './types';

export interface CountMoney {
	savingsTarget: number;
	saved: number;
	shortfall: number;
	developmentBudget: number;
	spent: number;
	majority: { saved: number; shortfall: number };
}

/** The money figures of a count (minor units), without the rest of the result. */
export function moneyOf(r: CountResult): CountMoney {
	return {
		savingsTarget: r.savingsTarget,
		saved: r.saved,
		shortfall: r.shortfall,
		developmentBudget: r.developmentBudget,
		spent: r.spent,
		majority: { saved: r.majority.saved, shortfall: r.majority.shortfall }
	};
}
