/**
 * The evidence a decision record stands on, taken from the count, the survey and the lab when
 * the record is drafted and kept with it, so a published record shows what members were shown
 * even if the data around it changes. Only published figures: a group's figures with fewer than
 * 10 ballots are kept as suppressed (no numbers), as everywhere else the count is published.
 */
import type { Channel, CountResult, Decision, ProposalResult, Tally } from '../budget/types';
import { USERS } from '../budget/types';

/** A group's name in English and Welsh ('' when there is no Welsh). */
export interface GroupLabel {
	en: string;
	cy: string;
}

/** How the count treated a group for a proposal. */
export type GroupOutcome = 'protects' | 'marginal' | 'flagged' | 'priority' | 'none';

export const GROUP_OUTCOME_LABELS: Record<GroupOutcome, string> = {
	protects: 'Protects it',
	marginal: 'Too close to call',
	flagged: 'Flagged for review',
	priority: 'Minority priority',
	none: 'No finding'
};

/** Why a group is in the table: declared as depending on it, its service's users, or a segment. */
export type GroupKind = 'declared' | 'users' | 'segment';

export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
	declared: 'Declared as depending on it',
	users: 'Service users',
	segment: 'Population group'
};

export interface GroupEvidence {
	/** 'users', a segment id, or a union of declared groups joined with '+'. */
	group: string;
	kind: GroupKind;
	/** null when suppressed (fewer than 10 ballots). */
	ballots: number | null;
	/** Shares of the group's ballots; null when suppressed or not known (a union's support). */
	support: number | null;
	opposition: number | null;
	/** Other voters' share with the same mark, where the count tested the group. */
	othersShare: number | null;
	suppressed: boolean;
	outcome: GroupOutcome;
	/** Ballots that would have to change for the outcome to change (protects and marginal). */
	fragility: number | null;
}

export interface ProposalEvidence {
	id: string;
	title: string;
	titleCy: string;
	kind: 'saving' | 'development';
	amount: number;
	serviceName: string;
	rank: number;
	decision: Decision;
	majorityDecision: Decision;
	ballots: number;
	wants: number;
	dontWants: number;
	support: number;
	opposition: number;
	dependsOnOpen: boolean;
	groups: GroupEvidence[];
	reasons: string[];
}

export interface OverrideEvidence {
	id: string;
	decision: 'protected' | 'marginal';
	groups: string[];
	share: number;
}

/** One row of who took part against the population. */
export interface Representation {
	label: string;
	/** Their share of those taking part over their share of the population. */
	ratio: number;
}

export interface RepresentationSummary {
	under: Representation[];
	over: Representation[];
}

export interface VoteEvidence {
	id: number;
	title: string;
	titleCy: string;
	/** ISO date-time the vote closed. */
	closedAt: string;
	ballots: number;
	byChannel: Record<Channel, number>;
	assured: number;
	savingsTarget: number;
	saved: number;
	shortfall: number;
	developmentBudget: number;
	spent: number;
	overrideOrder: OverrideEvidence[];
	digest: string;
	proposals: ProposalEvidence[];
	representation: RepresentationSummary;
}

export interface SurveyEvidence {
	id: number;
	title: string;
	titleCy: string;
	respondents: number;
	/** Services the survey ranked "fix first" (important, and rated poorly). */
	fixFirst: GroupLabel[];
	representation: RepresentationSummary;
}

export interface LabEvidence {
	id: number;
	title: string;
	ideas: number;
	participants: number;
	shortlist: { label: string; dots: number; proposals: string[] }[];
}

export interface Evidence {
	/** ISO date-time the evidence was taken. */
	takenAt: string;
	engagement: { id: number; title: string; serviceName: string };
	vote: VoteEvidence | null;
	survey: SurveyEvidence | null;
	labs: LabEvidence[];
	/** Segment ids and `users` -> names. */
	groupLabels: Record<string, GroupLabel>;
}

/** A population row for representation: how many took part, how many live there. */
export interface PopulationRow {
	label: string;
	n: number;
	population: number;
}

/**
 * Under-represented below 4/5 of their population share, over-represented above 5/4: compared
 * exactly, in integers, so a group on the line is never pushed over it by rounding.
 */
export const UNDER = { num: 4, den: 5 };
export const OVER = { num: 5, den: 4 };

/**
 * Who is under- and over-represented: each row's share of those taking part against its share
 * of the population. Rows with no population are left out; most under-represented first.
 */
export function representation(rows: readonly PopulationRow[]): RepresentationSummary {
	const counted = rows.filter((r) => r.population > 0);
	const n = counted.reduce((s, r) => s + r.n, 0);
	const population = counted.reduce((s, r) => s + r.population, 0);
	if (n === 0) return { under: [], over: [] };
	// share / population share = (r.n / n) / (r.population / population), cross-multiplied
	const lhs = (r: PopulationRow) => r.n * population;
	const rhs = (r: PopulationRow) => n * r.population;
	const ratio = (r: PopulationRow) => ({ label: r.label, ratio: lhs(r) / rhs(r) });
	return {
		under: counted
			.filter((r) => UNDER.den * lhs(r) < UNDER.num * rhs(r))
			.map(ratio)
			.sort((a, b) => a.ratio - b.ratio),
		over: counted
			.filter((r) => OVER.den * lhs(r) > OVER.num * rhs(r))
			.map(ratio)
			.sort((a, b) => b.ratio - a.ratio)
	};
}

/** The group's name: a union's parts joined with "and" (or "a" in Welsh). */
export function groupName(
	group: string,
	labels: Record<string, GroupLabel>,
	locale: 'en' | 'cy' = 'en'
): string {
	const one = (id: string) => {
		const label = labels[id];
		if (!label) return id;
		return (locale === 'cy' && label.cy) || label.en;
	};
	const ids = group.split('+');
	if (ids.length === 1) return one(ids[0]);
	const joiner = locale === 'cy' ? ' a ' : ' and ';
	return `${ids.slice(0, -1).map(one).join(', ')}${joiner}${one(ids[ids.length - 1])}`;
}

function tallyFigures(t: Tally | undefined) {
	if (!t || t.suppressed)
		return { ballots: null, support: null, opposition: null, suppressed: true };
	return { ballots: t.ballots, support: t.support, opposition: t.opposition, suppressed: false };
}

/**
 * A proposal's groups: the declared ones (and unions of them the count tested), then the
 * service's users when not declared, then every other segment, with the count's finding for
 * each. The count only tests groups of 10 or more, so a finding is never suppressed.
 */
export function groupsOf(p: ProposalResult, segmentIds: readonly string[]): GroupEvidence[] {
	const findings = new Map(
		[...p.protection, ...p.flags, ...p.minorityGroups].map((f) => [f.group, f])
	);
	const outcomeOf = (group: string): GroupOutcome =>
		p.protectedBy.includes(group)
			? 'protects'
			: p.marginalBy.includes(group)
				? 'marginal'
				: p.flagged.includes(group)
					? 'flagged'
					: p.minorityGroups.some((f) => f.group === group)
						? 'priority'
						: 'none';
	const row = (group: string, kind: GroupKind): GroupEvidence => {
		const finding = findings.get(group);
		const tally = group === USERS ? p.tallies.users : p.tallies.bySegment[group];
		const figures = tally
			? tallyFigures(tally)
			: // A union has no tally of its own: its finding gives its size and tested share.
				{
					ballots: finding?.ballots ?? null,
					support: null,
					opposition: finding && p.kind === 'saving' ? finding.share : null,
					suppressed: !finding
				};
		return {
			group,
			kind,
			...figures,
			othersShare: finding?.othersShare ?? null,
			outcome: outcomeOf(group),
			fragility: finding?.fragility ?? null
		};
	};
	const declared = p.affects.map((g) => row(g, 'declared'));
	const unions = [...findings.keys()].filter((g) => g.includes('+')).map((g) => row(g, 'declared'));
	const users =
		!p.affects.includes(USERS) && p.tallies.users.ballots > 0 ? [row(USERS, 'users')] : [];
	const others = segmentIds.filter((s) => !p.affects.includes(s)).map((s) => row(s, 'segment'));
	return [...declared, ...unions, ...users, ...others];
}

export interface VoteEvidenceInput {
	id: number;
	title: string;
	titleCy: string;
	closedAt: Date;
	result: CountResult;
	/** Proposal id -> Welsh title ('' when none) and service name. */
	titlesCy: Record<string, string>;
	serviceNames: Record<string, string>;
	/** The segments in the vote's list, in order. */
	segmentIds: string[];
	/** Who voted against the population (see `representation`). */
	representation: RepresentationSummary;
}

/** A closed vote's official count as evidence. */
export function voteEvidence(input: VoteEvidenceInput): VoteEvidence {
	const r = input.result;
	return {
		id: input.id,
		title: input.title,
		titleCy: input.titleCy,
		closedAt: input.closedAt.toISOString(),
		ballots: r.ballots.total,
		byChannel: r.ballots.byChannel,
		assured: r.ballots.assured,
		savingsTarget: r.savingsTarget,
		saved: r.saved,
		shortfall: r.shortfall,
		developmentBudget: r.developmentBudget,
		spent: r.spent,
		overrideOrder: r.overrideOrder.map((o) => ({ ...o, groups: [...o.groups] })),
		digest: r.digest,
		representation: input.representation,
		proposals: r.proposals.map((p) => ({
			id: p.id,
			title: p.title,
			titleCy: input.titlesCy[p.id] ?? '',
			kind: p.kind,
			amount: p.amount,
			serviceName: input.serviceNames[p.id] ?? p.service,
			rank: p.rank,
			decision: p.decision,
			majorityDecision: p.majorityDecision,
			ballots: p.tallies.overall.ballots,
			wants: p.tallies.overall.wants,
			dontWants: p.tallies.overall.dontWants,
			support: p.tallies.overall.support,
			opposition: p.tallies.overall.opposition,
			dependsOnOpen: p.dependsOnOpen,
			groups: groupsOf(p, input.segmentIds),
			reasons: p.reasons
		}))
	};
}
