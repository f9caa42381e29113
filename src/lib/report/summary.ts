/**
 * The one-page summary at the top of the engagement report (and the vote workbook's summary):
 * what the vote decided in a sentence, the money and any shortfall with the override order,
 * who was protected and how firmly, what is left to members, what was flagged, what simple
 * majority would have done, whether any decision rests on open ballots, and turnout against
 * the population. Pure: plain data in, sentences and figures out.
 */
import { findingText, nameGroup } from '../vote/export';
import { formatCount, formatMoney, formatPercent } from '../budget/reasons';
import type { CountResult, Decision, ProposalResult } from '../budget/types';

/** A saving held back from the savings (protected or too close to call), with its groups. */
export interface HeldBack {
	id: string;
	title: string;
	amount: number;
	decision: 'protected' | 'marginal';
	/** Each group that protects it (or makes it too close to call): figures and fragility. */
	groups: { label: string; figures: string; fragility: number | null }[];
}

export interface VoteSummary {
	/** The decision in a sentence. */
	decision: string;
	/** The savings against the target: met, short (and by how much), or no target. */
	money: string | null;
	protected: HeldBack[];
	marginal: HeldBack[];
	/** With a shortfall: the held-back savings members may release, weakest protection first. */
	overrideOrder: {
		position: number;
		title: string;
		amount: number;
		decision: Decision;
		groups: string[];
		/** "too close to call for …" or "protected by …". */
		heldBackBy: string;
	}[];
	flagged: { title: string; decision: Decision; groups: string[] }[];
	/** Decisions that changed only because protection moved the money, in a sentence. */
	knockOn: string | null;
	majority: string;
	assurance: string;
}

const plural = (n: number, one: string, many = `${one}s`) =>
	`${formatCount(n)} ${n === 1 ? one : many}`;

/** "a, b and c" */
export function listOf(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function decisionSentence(r: CountResult): string {
	const savings = r.proposals.filter((p) => p.kind === 'saving');
	const developments = r.proposals.filter((p) => p.kind === 'development');
	const count = (d: Decision) => r.proposals.filter((p) => p.decision === d).length;
	const parts: string[] = [];
	if (savings.length) {
		parts.push(
			r.accepted.length
				? `accepts ${plural(r.accepted.length, 'saving')} worth ${formatMoney(r.saved)}` +
						(r.savingsTarget > 0 ? ` against a target of ${formatMoney(r.savingsTarget)}` : '')
				: 'accepts no savings'
		);
	}
	if (developments.length) {
		parts.push(
			r.selected.length
				? `funds ${plural(r.selected.length, 'development')} (${formatMoney(r.spent)}` +
						(r.developmentBudget > 0 ? ` of a ${formatMoney(r.developmentBudget)} budget)` : ')')
				: 'funds no developments'
		);
	}
	if (count('protected'))
		parts.push(`protects ${plural(count('protected'), 'saving')} that a declared group depends on`);
	if (count('marginal'))
		parts.push(`leaves ${formatCount(count('marginal'))} to members as too close to call`);
	return parts.length ? `The vote ${listOf(parts)}.` : 'The vote has no proposals.';
}

function moneySentence(r: CountResult): string | null {
	if (r.savingsTarget === 0) return null;
	if (r.shortfall === 0)
		return `The ${formatMoney(r.savingsTarget)} savings target is met: ${formatMoney(r.saved)} saved.`;
	return (
		`${formatMoney(r.shortfall)} short of the ${formatMoney(r.savingsTarget)} savings target (${formatMoney(r.saved)} saved).` +
		(r.overrideOrder.length
			? ' Members have an override order, weakest protection first.'
			: ' No held-back saving could close the gap.')
	);
}

/** What simple majority would have done with each proposal it decides otherwise. */
const MAJORITY_WOULD: Record<Decision, (titles: string) => string> = {
	accept: (t) => `accepted ${t}`,
	fund: (t) => `funded ${t}`,
	notNeeded: (t) => `found ${t} not needed`,
	notSelected: (t) => `left out ${t}`,
	// Majority protects nothing and leaves nothing to members; named for completeness.
	protected: (t) => `protected ${t}`,
	marginal: (t) => `left ${t} to members`
};

function majoritySentence(r: CountResult, title: (id: string) => string): string {
	const changed = r.majority.changed;
	if (!changed.length) return 'Simple majority would have decided every proposal the same way.';
	const by = new Map<Decision, string[]>();
	for (const d of ['accept', 'fund', 'notNeeded', 'notSelected', 'protected', 'marginal'] as const)
		for (const id of changed)
			if (r.majority.decisions[id] === d) by.set(d, [...(by.get(d) ?? []), title(id)]);
	const what = [...by].map(([d, titles]) => MAJORITY_WOULD[d](listOf(titles)));
	return (
		`Simple majority would have decided ${plural(changed.length, 'proposal')} differently: it would have ${what.join('; ')}.` +
		(r.savingsTarget > 0 ? ` It would have saved ${formatMoney(r.majority.saved)}.` : '')
	);
}

/** "Knock-on: A and B are accepted only because protected savings cannot count towards the target." */
function knockOnSentence(changed: readonly ProposalResult[]): string | null {
	if (!changed.length) return null;
	const titles = (d: (p: ProposalResult) => boolean) => changed.filter(d).map((p) => p.title);
	const accepted = titles((p) => p.decision === 'accept');
	const other = titles((p) => p.decision !== 'accept');
	const parts = [
		...(accepted.length
			? [`${listOf(accepted)} ${accepted.length === 1 ? 'is' : 'are'} accepted`]
			: []),
		...(other.length ? [`${listOf(other)} ${other.length === 1 ? 'is' : 'are'} not made`] : [])
	];
	return `Knock-on: ${parts.join(', and ')} only because savings held back higher up cannot count towards the target.`;
}

function assuranceSentence(r: CountResult, title: (id: string) => string): string {
	const a = r.assurance;
	if (!a.ran) {
		return a.open === 0
			? 'Every ballot is backed by a participation code or was checked by staff.'
			: 'Every ballot is open (not backed by a code or checked by staff), so no decision rests on assured ballots alone.';
	}
	const base = `${plural(a.assured, 'ballot')} backed by a code or checked by staff, ${formatCount(a.open)} open`;
	const n = r.dependsOnOpen.length;
	return n
		? `${base}: counting only the assured ballots would change ${plural(n, 'decision')}, which ${n === 1 ? 'depends' : 'depend'} on open ballots: ${listOf(r.dependsOnOpen.map(title))}.`
		: `${base}: counting only the assured ballots gives the same decisions.`;
}

/** The summary of a count; `segments` names the groups (segment id -> label). */
export function voteSummary(r: CountResult, segments: ReadonlyMap<string, string>): VoteSummary {
	const byId = new Map(r.proposals.map((p) => [p.id, p]));
	const title = (id: string) => byId.get(id)?.title ?? id;
	const name = (g: string) => nameGroup(g, segments, r.rules.protection.membership);
	const heldBack = (p: ProposalResult): HeldBack => ({
		id: p.id,
		title: p.title,
		amount: p.amount,
		decision: p.decision as HeldBack['decision'],
		groups: p.protection.map((f) => ({
			label: name(f.group),
			figures: findingText(f, name(f.group)),
			fragility: f.fragility
		}))
	});
	const ranked = [...r.proposals].sort((a, b) => a.rank - b.rank);
	return {
		decision: decisionSentence(r),
		money: moneySentence(r),
		protected: ranked.filter((p) => p.decision === 'protected').map(heldBack),
		marginal: ranked.filter((p) => p.decision === 'marginal').map(heldBack),
		overrideOrder: r.overrideOrder.map((e, i) => ({
			position: i + 1,
			title: title(e.id),
			amount: byId.get(e.id)?.amount ?? 0,
			decision: e.decision,
			groups: e.groups.map(name),
			heldBackBy: `${e.decision === 'marginal' ? 'too close to call for' : 'protected by'} ${listOf(e.groups.map(name))}`
		})),
		flagged: ranked
			.filter((p) => p.flags.length)
			.map((p) => ({
				title: p.title,
				decision: p.decision,
				groups: p.flags.map((f) => findingText(f, name(f.group)))
			})),
		knockOn: knockOnSentence(ranked.filter((p) => p.knockOn)),
		majority: majoritySentence(r, title),
		assurance: assuranceSentence(r, title)
	};
}

/** An area's population, as the commissioner entered it (0 or absent: not entered). */
export interface AreaPopulation {
	id: string;
	name: string;
	population: number;
}

export interface Turnout {
	ballots: number;
	/** Population of the areas with a figure; null when none was entered. */
	population: number | null;
	share: number | null;
	byArea: {
		id: string;
		name: string;
		/** Null when fewer than 10 (suppressed). */
		ballots: number | null;
		population: number | null;
		share: number | null;
	}[];
	/** Ballots that gave no area, or an area not in the list. */
	elsewhere: number;
	sentence: string;
}

/**
 * Ballots against population, overall and by area. An area with fewer than 10 ballots is
 * suppressed (as everywhere else); its ballots still count in the total.
 */
export function turnout(r: CountResult, areas: readonly AreaPopulation[]): Turnout {
	// Every ballot is in every proposal's tallies, so any one proposal gives ballots by area.
	const byArea = r.proposals[0]?.tallies.byArea ?? {};
	const rows = areas.map((a) => {
		const t = byArea[a.id];
		const ballots = t ? (t.suppressed ? null : t.ballots) : 0;
		const population = a.population > 0 ? a.population : null;
		return {
			id: a.id,
			name: a.name,
			ballots,
			population,
			share: ballots !== null && population ? ballots / population : null
		};
	});
	const inAreas = areas.reduce((s, a) => s + (byArea[a.id]?.ballots ?? 0), 0);
	const counted = areas.filter((a) => a.population > 0);
	const population = counted.length ? counted.reduce((s, a) => s + a.population, 0) : null;
	const ballots = r.ballots.total;
	const share = population ? ballots / population : null;
	const shown = rows.filter((a) => a.share !== null).sort((a, b) => a.share! - b.share!);
	let sentence =
		population === null
			? `${plural(ballots, 'ballot')}; no population figures were entered, so turnout cannot be given.`
			: `${plural(ballots, 'ballot')} from a population of ${formatCount(population)}: ${pct(share!)} turnout.`;
	if (shown.length > 1) {
		const low = shown[0];
		const high = shown[shown.length - 1];
		sentence += ` By area, from ${pct(low.share!)} in ${low.name} to ${pct(high.share!)} in ${high.name}.`;
	}
	const elsewhere = ballots - inAreas;
	if (elsewhere > 0) sentence += ` ${plural(elsewhere, 'ballot')} gave no area.`;
	return { ballots, population, share, byArea: rows, elsewhere, sentence };
}

/** Turnout is small: one decimal place below 10%. */
export function pct(share: number): string {
	return share < 0.1 && share > 0 ? `${(share * 100).toFixed(1)}%` : formatPercent(share);
}
