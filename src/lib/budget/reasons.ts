/**
 * The sentences a reader sees beside each result (docs/counting.md, version 2): why a saving was
 * protected, too close to call, accepted or left out; why a development was funded or not; what
 * an undeclared group's flag means; what simple majority would have done, and when a decision
 * only changed because the money moved. Short, plain words, with the numbers behind them. The
 * results pages say the same in English and Welsh through their messages; these are the
 * English the command line, exports and staff pages use.
 */
import {
	USERS,
	type Decision,
	type DevelopmentRule,
	type GroupFinding,
	type Segment
} from './types';

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

/** Names groups and unions of groups in sentences. */
export type GroupNamer = (group: string) => string;

/**
 * "people who use this service", "people in the group “Carers”", and for a union
 * "people who use this service and people in the group “Carers”, together".
 */
export function groupNamer(segments: readonly Segment[]): GroupNamer {
	const one = (id: string) =>
		id === USERS
			? 'people who use this service'
			: `people in the group “${segments.find((s) => s.id === id)?.label ?? id}”`;
	return (group) => {
		const ids = group.split('+');
		if (ids.length === 1) return one(ids[0]);
		return `${ids.slice(0, -1).map(one).join(', ')} and ${one(ids[ids.length - 1])}, together`;
	};
}

function figures(f: GroupFinding, verb: string, name: string): string {
	return `${formatPercent(f.share)} of ${name} (${formatCount(f.count)} of ${formatCount(f.ballots)}) ${verb}, against ${formatPercent(f.othersShare)} of other voters.`;
}

/**
 * Why a group protects a saving or makes it marginal, with how many ballots it stands on:
 * "Protected: 100% of people who use this service (40 of 40) don't want it, against 12% of other
 * voters. This would become too close to call if 14 of them had wanted it instead."
 */
export function groupReason(decision: Decision, f: GroupFinding, name: GroupNamer): string {
	const base = figures(f, "don't want it", name(f.group));
	if (decision === 'marginal') {
		return (
			`Too close to call: ${base} With ${formatCount(f.ballots)} ballots that is not sure to be more than the threshold, so members decide, with an equality impact assessment.` +
			fragileText(f, 'would no longer be held back')
		);
	}
	return `Protected: ${base}` + fragileText(f, 'would become too close to call or fall');
}

function fragileText(f: GroupFinding, change: string): string {
	if (f.fragility === null) return '';
	return ` This ${change} if ${formatCount(f.fragility)} of the ${formatCount(f.count)} who don't want it had wanted it instead.`;
}

/** "Minority priority: 70% of people in the group “…” (35 of 50) want it, against 20% of other voters." */
export function priorityReason(f: GroupFinding, name: GroupNamer): string {
	return `Minority priority: ${figures(f, 'want it', name(f.group))}`;
}

/** Why an undeclared group is flagged for review, and that the decision stands. */
export function flagReason(f: GroupFinding, name: GroupNamer): string {
	return (
		`Flagged for review: ${figures(f, "don't want it", name(f.group))}` +
		' This group was not declared before the vote as depending on it, so it cannot protect it; members should look at why.'
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
	/** The savings target (0 when every saving more people want is accepted). */
	target: number;
	/** Why it is not needed: the target was met, or a smaller saving closes the gap. */
	notNeeded: 'met' | 'smaller' | null;
}

/** Why a saving was accepted or left out (protection has its own sentences). */
export function savingReason(f: SavingFacts): string {
	const counts = `${formatCount(f.wants)} want it and ${formatCount(f.dontWants)} don't (net ${net(f.wants - f.dontWants)})`;
	switch (f.decision) {
		case 'accept':
			return f.target > 0
				? `Accepted: ${counts}. It ranks ${ordinal(f.rank)} and is needed to reach the savings target.`
				: `Accepted: ${counts}. More people want it than don't.`;
		case 'protected':
			return 'Not made, whatever its rank: it is protected.';
		case 'marginal':
			return 'Held back: too close to call, for members to decide.';
		case 'notNeeded':
			return f.notNeeded === 'smaller'
				? `Not needed: ${counts}, but a smaller saving closes the remaining gap.`
				: `Not needed: ${counts}, but savings ranked higher already reach the target.`;
		default:
			return f.wants === f.dontWants
				? `Not accepted: as many people don't want it as want it (${formatCount(f.wants)} each).`
				: `Not accepted: ${counts}. More people don't want it than want it.`;
	}
}

export interface DevelopmentFacts {
	decision: Decision;
	developments: DevelopmentRule;
	rank: number;
	wants: number;
	dontWants: number;
	/** No development budget: developments are ranked only. */
	rankOnly: boolean;
	/** Funded by Equal Shares itself rather than from the money left over. */
	byEqualShares: boolean;
}

/** Why a development was funded or not, in the terms of the rule used. */
export function developmentReason(f: DevelopmentFacts): string {
	const people = `${formatCount(f.wants)} ${f.wants === 1 ? 'person wants' : 'people want'} it`;
	if (f.wants === 0) return 'Not funded: nobody chose it.';
	if (f.dontWants > f.wants)
		return `Not funded: more people don't want it than want it (${formatCount(f.wants)} want it, ${formatCount(f.dontWants)} don't).`;
	if (f.rankOnly) return `Ranked only: no development budget was set. ${people}.`;
	if (f.decision === 'fund') {
		if (f.developments === 'greedy')
			return `Funded: ${people}. Taken in order of wants, it fitted in the budget left.`;
		return f.byEqualShares
			? `Funded: ${people}, and their equal shares of the budget cover its cost.`
			: `Funded: ${people}. It was paid for from the money left after equal shares, in order of wants.`;
	}
	return f.developments === 'greedy'
		? `Not funded: ${people}, but it did not fit in the budget left when its turn came.`
		: `Not funded: ${people}, but their equal shares of the budget could not cover its cost, and it did not fit in the money left.`;
}

const VERB: Record<Decision, string> = {
	fund: 'funded it',
	accept: 'accepted it',
	protected: 'protected it',
	marginal: 'held it back',
	notNeeded: 'found it not needed',
	notSelected: 'left it out'
};

/**
 * What simple majority would have done, when it differs; a knock-on change (a saving taken or
 * left only because another was protected) is said to be one, not as if people voted otherwise.
 */
export function majorityReason(
	official: Decision,
	majority: Decision,
	knockOn: boolean
): string | null {
	if (official === majority) return null;
	if (knockOn) {
		return official === 'accept'
			? `A knock-on change: simple majority would have ${VERB[majority]}, but protected savings ranked higher cannot count towards the target, so this one is needed instead.`
			: `A knock-on change: simple majority would have ${VERB[majority]}; here the savings taken differ because of protection, not because of votes for this one.`;
	}
	return `Simple majority would have ${VERB[majority]}.`;
}

/** Added when a decision differs if only assured ballots are counted. */
export const DEPENDS_ON_OPEN =
	'This decision depends on open ballots: counting only ballots backed by a code or checked by staff gives a different decision.';

/** Added to every proposal's reasons when population weighting is on. */
export const WEIGHTED_NOTE =
	'Wants and don’t-wants are weighted to match the population; group figures are not weighted.';

/** How ties were broken, for the results page. */
export function tieBreakSentence(): string {
	return 'Ties are broken by the order in which the proposals were listed.';
}

/** What the assurance re-count found, or null when there is nothing to say. */
export function assuranceSentence(a: {
	assured: number;
	open: number;
	ran: boolean;
	differ: number;
}): string | null {
	if (a.assured === 0 && a.open === 0) return null;
	if (a.assured === 0)
		return 'Every ballot was open (not backed by a code or checked by staff): no decision rests on assured ballots alone.';
	if (!a.ran) return 'Every ballot was backed by a code or checked by staff.';
	return a.differ === 0
		? 'Counting only the ballots backed by a code or checked by staff gives the same decisions.'
		: `Counting only the ballots backed by a code or checked by staff changes ${a.differ} ${a.differ === 1 ? 'decision' : 'decisions'}: ${a.differ === 1 ? 'it depends' : 'they depend'} on open ballots.`;
}

/** The count-wide sentence about the savings target, or null when there is nothing to say. */
export function shortfallSentence(
	target: number,
	saved: number,
	shortfall: number,
	anyHeld: boolean,
	money: (amount: number) => string = formatMoney
): string | null {
	if (target <= 0) return null;
	if (shortfall <= 0) {
		return `The savings target of ${money(target)} is met: accepted savings come to ${money(saved)}.`;
	}
	return anyHeld
		? `The savings target of ${money(target)} cannot be met without protected savings: accepted savings come to ${money(saved)}, ${money(shortfall)} short. Members have an override order, weakest protection first.`
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
