/**
 * The sentences a resident reads beside each result: why a saving was protected, accepted or
 * left out, why a development was funded, and what simple majority would have done instead.
 * Short, plain words, with the numbers behind them.
 */
import type { Decision, GroupFinding, Method, Segment } from './types';

/** Pence as pounds: £1,234 or £1,234.50. */
export function formatMoney(pence: number): string {
	const pounds = Math.floor(Math.abs(pence) / 100);
	const rest = Math.abs(pence) % 100;
	const sign = pence < 0 ? '-' : '';
	const whole = pounds.toLocaleString('en-GB');
	return rest === 0 ? `${sign}£${whole}` : `${sign}£${whole}.${String(rest).padStart(2, '0')}`;
}

/** A count: whole numbers as they are, weighted ones to one decimal place. */
export function formatCount(x: number): string {
	if (Number.isInteger(x)) return x.toLocaleString('en-GB');
	return x.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A share as a whole percentage. */
export function formatPercent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st ... */
export function ordinal(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
	return `${n}${suffix}`;
}

/** How a group is named in a sentence. */
export function groupName(group: string, segments: readonly Segment[]): string {
	if (group === 'users') return 'people who use this service';
	const label = segments.find((s) => s.id === group)?.label ?? group;
	return `people in the group “${label}”`;
}

function figures(f: GroupFinding, verb: string): string {
	return `${formatPercent(f.share)} of GROUP (${formatCount(f.count)} of ${formatCount(f.n)}) ${verb}, against ${formatPercent(f.othersShare)} of other voters.`;
}

/** "Protected: 64% of people who use this service (83 of 130) don't want it, against 21% of other voters." */
export function protectedReason(f: GroupFinding, segments: readonly Segment[]): string {
	return `Protected: ${figures(f, "don't want it").replace('GROUP', groupName(f.group, segments))}`;
}

/** "Minority priority: 70% of people in the group “…” (35 of 50) want it, against 20% of other voters." */
export function priorityReason(f: GroupFinding, segments: readonly Segment[]): string {
	return `Minority priority: ${figures(f, 'want it').replace('GROUP', groupName(f.group, segments))}`;
}

/** Why an undeclared segment is flagged for review, and that the ranking stands. */
export function flagReason(f: GroupFinding, segments: readonly Segment[]): string {
	return (
		`Flagged for review: ${figures(f, "don't want it").replace('GROUP', groupName(f.group, segments))}` +
		' This group was not declared as affected before the vote, so the ranking stands.'
	);
}

function net(n: number): string {
	return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}

export interface SavingFacts {
	decision: Decision;
	rank: number;
	wants: number;
	dontWants: number;
	/** The savings target (0 when every supported saving is accepted). */
	target: number;
	/** Left out only because savings ranked higher already met the target. */
	notNeeded: boolean;
}

/** Why a saving was accepted or left out (protection has its own sentence). */
export function savingReason(f: SavingFacts): string {
	const counts = `${formatCount(f.wants)} want it and ${formatCount(f.dontWants)} don't (net ${net(f.wants - f.dontWants)})`;
	if (f.decision === 'accept') {
		return f.target > 0
			? `Accepted: ${counts}. It ranks ${ordinal(f.rank)} and is needed to reach the savings target.`
			: `Accepted: ${counts}. More people want it than don't.`;
	}
	if (f.decision === 'protected') return `Not accepted, whatever its rank: it is protected.`;
	if (f.notNeeded) {
		return `Not needed: ${counts}, but savings ranked higher already reach the target.`;
	}
	return f.wants === f.dontWants
		? `Not accepted: as many people don't want it as want it (${formatCount(f.wants)} each).`
		: `Not accepted: ${counts}. More people don't want it than want it.`;
}

export interface DevelopmentFacts {
	decision: Decision;
	method: Method;
	rank: number;
	wants: number;
	dontWants: number;
	/** No development budget: developments are ranked only. */
	rankOnly: boolean;
	/** Funded by Equal Shares itself rather than from the money left over. */
	byEqualShares: boolean;
}

/** Why a development was funded or not, in the terms of the method used. */
export function developmentReason(f: DevelopmentFacts): string {
	if (f.rankOnly) return 'Ranked only: no development budget was set.';
	const people = `${formatCount(f.wants)} ${f.wants === 1 ? 'person wants' : 'people want'} it`;
	if (f.decision === 'fund') {
		switch (f.method) {
			case 'protected':
			case 'equalShares':
				return f.byEqualShares
					? `Funded: ${people}, and their equal shares of the budget cover its cost.`
					: `Funded: ${people}. It was paid for from the money left after equal shares, in order of wants.`;
			case 'greedy':
				return `Funded: ${people}. Taken in order of wants, it fitted in the budget left.`;
			case 'majority':
				return `Funded: ${people} and ${formatCount(f.dontWants)} don't (net ${net(f.wants - f.dontWants)}). Taken in rank order, it fitted in the budget left.`;
		}
	}
	if (f.wants === 0) return 'Not funded: nobody wants it.';
	switch (f.method) {
		case 'protected':
		case 'equalShares':
			return `Not funded: ${people}, but their equal shares of the budget could not cover its cost, and it did not fit in the money left.`;
		case 'greedy':
			return `Not funded: ${people}, but it did not fit in the budget left when its turn came.`;
		case 'majority':
			return f.wants - f.dontWants <= 0
				? `Not funded: ${people} but ${formatCount(f.dontWants)} don't.`
				: `Not funded: ${people}, but it did not fit in the budget left when its turn came.`;
	}
}

const VERB: Record<Decision, string> = {
	fund: 'funded it',
	accept: 'accepted it',
	protected: 'protected it',
	notSelected: 'left it out'
};

/** "Simple majority would have accepted it." when majority decides otherwise, else null. */
export function majorityReason(official: Decision, majority: Decision): string | null {
	if (official === majority) return null;
	return `Simple majority would have ${VERB[majority]}.`;
}

/** Added to every proposal's reasons when population weighting is on. */
export const WEIGHTED_NOTE = 'Figures are weighted to match the population.';

/** How ties were broken, for the results page. */
export function tieBreakSentence(tieBreak: 'listed' | 'id'): string {
	return tieBreak === 'listed'
		? 'Ties are broken by the order in which the proposals were listed.'
		: 'Ties are broken by project id, compared as text.';
}

/** The count-wide sentence about the savings target, or null when there is nothing to say. */
export function shortfallSentence(
	target: number,
	saved: number,
	shortfall: number,
	anyProtected: boolean,
	money: (amount: number) => string = formatMoney
): string | null {
	if (target <= 0) return null;
	if (shortfall <= 0) {
		return `The savings target of ${money(target)} is met: accepted savings come to ${money(saved)}.`;
	}
	return anyProtected
		? `The savings target of ${money(target)} cannot be met without protected savings: accepted savings come to ${money(saved)}, ${money(shortfall)} short.`
		: `The savings target of ${money(target)} is not met: the savings more people want than don't come to ${money(saved)}, ${money(shortfall)} short.`;
}

/** How much of the development budget is committed, or null when developments are ranked only. */
export function budgetSentence(
	budget: number,
	spent: number,
	funded: number,
	money: (amount: number) => string = formatMoney
): string | null {
	if (budget <= 0) return null;
	return `${money(spent)} of the ${money(budget)} development budget funds ${funded} ${funded === 1 ? 'development' : 'developments'}.`;
}
