/**
 * A count as tables for commissioners: one row per proposal and one per proposal and group
 * (segment, area, channel, users), with cells of fewer than 10 ballots suppressed (left blank
 * and marked), each table defined once as columns that both the CSV and the workbook write
 * (csv/table.ts), and CSV text with every text field quoted and spreadsheet formulas
 * neutralised.
 */
import type { Column } from '../csv/table';
import { formatCount, formatPercent } from '../budget/reasons';
import {
	USERS,
	type CountResult,
	type Decision,
	type GroupFinding,
	type Membership,
	type OverrideEntry,
	type ProposalResult,
	type Tally
} from '../budget/types';
import { CHANNEL_LABELS, DECISION_LABELS, KIND_LABELS } from './rules';

export const SUPPRESSED = 'suppressed (fewer than 10 ballots)';

export interface Labels {
	segments: Map<string, string>;
	areas: Map<string, string>;
	services: Map<string, string>;
}

// Quoting and formula neutralising are shared by every export.
export { csvCell, neutralise, csvFile as toCsv } from '../csv/csv';

const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * A group, or a union of groups, named for staff in English: "Service users"
 * ("Verified service users" when only verified users count), a segment's label,
 * and a union as its members joined with " + ". Every staff export and the engagement report
 * name groups with it (residents' pages translate their own).
 */
export function nameGroup(
	group: string,
	segments: ReadonlyMap<string, string>,
	membership: Membership = 'declared'
): string {
	const one = (id: string) =>
		id === USERS
			? membership === 'verified'
				? 'Verified service users'
				: 'Service users'
			: (segments.get(id) ?? id);
	return group.split('+').map(one).join(' + ');
}

/**
 * A group's figures in a few words: "Older people (65 and over): 190 of 269 don't want it
 * (71%; other voters 11%)". `mark` is what the group did ("don't want it", "want it").
 */
export function findingText(f: GroupFinding, name: string, mark = "don't want it"): string {
	return `${name}: ${formatCount(f.count)} of ${formatCount(f.ballots)} ${mark} (${formatPercent(f.share)}; other voters ${formatPercent(f.othersShare)})`;
}

/** "Verified service users: 14; Disabled residents: 20" */
export function fragilityText<F extends GroupFinding>(
	findings: readonly F[],
	name: (f: F) => string
): string {
	return findings
		.filter((f) => f.fragility !== null)
		.map((f) => `${name(f)}: ${formatCount(f.fragility!)}`)
		.join('; ');
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** A decision in words, its code in the CSV. */
function decisionColumn<T>(key: string, header: string, get: (row: T) => Decision): Column<T> {
	return {
		key,
		header,
		width: 20,
		format: 'wrap',
		value: (r) => DECISION_LABELS[get(r)],
		code: get
	};
}

/** An id for scripts, which means nothing to a reader: in the CSV only. */
function csvOnly<T>(key: string, value: (row: T) => string): Column<T> {
	return { key, header: key, width: 6, format: 'text', value, sheet: false };
}

function yesNoColumn<T>(key: string, header: string, get: (row: T) => boolean): Column<T> {
	return { key, header, width: 11, format: 'text', value: (r) => yesNo(get(r)) };
}

/** A group's finding with the group named for people (`nameGroup`). */
export type NamedFinding = GroupFinding & { label: string };

/** What the count says beside a decision, for the proposals and the priorities tables. */
export interface DecisionNotes {
	/** The groups that protect it or make it too close to call, with their figures. */
	groups: readonly NamedFinding[];
	/** Undeclared groups whose opposition is flagged for review. */
	flags: readonly NamedFinding[];
	/** Accepted or left out only because another decision moved the money. */
	knockOn: boolean;
	/** Its place in the override order (1 = weakest protection), or null. */
	overridePosition: number | null;
	/** The decision differs when only assured ballots are counted. */
	dependsOnOpen: boolean;
}

/**
 * Fragility, flags for review (with their figures), the place in the override order, knock-on
 * changes and dependence on open ballots, as columns of any table whose rows carry them.
 */
export function noteColumns<T>(get: (row: T) => DecisionNotes): Column<T>[] {
	return [
		{
			key: 'fragility',
			header: "Fragility: how many of the group's don't-wants would have to change",
			width: 30,
			format: 'wrap',
			value: (r) => fragilityText(get(r).groups, (f) => f.label)
		},
		{
			key: 'flagged_for_review',
			header: 'Flagged for review (not declared, so cannot protect)',
			width: 36,
			format: 'wrap',
			value: (r) =>
				get(r)
					.flags.map((f) => findingText(f, f.label))
					.join('; ')
		},
		{
			key: 'override_order',
			header: 'Place in the override order',
			width: 11,
			format: 'count',
			value: (r) => get(r).overridePosition
		},
		yesNoColumn('knock_on', 'Knock-on of another decision', (r) => get(r).knockOn),
		yesNoColumn('depends_on_open_ballots', 'Depends on open ballots', (r) => get(r).dependsOnOpen)
	];
}

/** The figures of a tally as columns, blank when suppressed (`get` finds the tally of a row). */
export function tallyColumns<T>(get: (row: T) => Tally | undefined): Column<T>[] {
	const figure =
		(f: (t: Tally) => number, places = 2, absent: number | null = null) =>
		(row: T) => {
			const t = get(row);
			if (!t) return absent;
			return t.suppressed ? null : round(f(t), places);
		};
	return [
		{
			key: 'ballots',
			header: 'Ballots',
			width: 10,
			format: 'count',
			value: figure((t) => t.ballots, 2, 0)
		},
		{ key: 'wants', header: 'Want', width: 10, format: 'count', value: figure((t) => t.wants) },
		{
			key: 'dont_wants',
			header: "Don't want",
			width: 10,
			format: 'count',
			value: figure((t) => t.dontWants)
		},
		{
			key: 'no_view',
			header: 'No view',
			width: 10,
			format: 'count',
			value: figure((t) => t.noView)
		},
		{ key: 'net', header: 'Net', width: 10, format: 'count', value: figure((t) => t.net) },
		{
			key: 'support',
			header: 'Support',
			width: 10,
			format: 'percent',
			value: figure((t) => t.support, 4)
		},
		{
			key: 'opposition',
			header: 'Opposition',
			width: 11,
			format: 'percent',
			value: figure((t) => t.opposition, 4)
		},
		{
			key: 'note',
			header: 'Note',
			width: 18,
			format: 'wrap',
			value: (row) => {
				const t = get(row);
				return !t ? 'no ballots' : t.suppressed ? SUPPRESSED : '';
			}
		}
	];
}

/** The figures of one tally, blank when suppressed. */
export function tallyCells(t: Tally | undefined): (number | string | null)[] {
	return tallyColumns((x: Tally | undefined) => x).map((c) => c.value(t) as number | string | null);
}

/**
 * One row per proposal: its decision and what simple majority would have decided, the groups
 * that protect it or make it too close to call (named for people) and how fragile that is, the
 * groups flagged for review, knock-on changes, its place in the override order, whether it
 * depends on open ballots, the overall tally and the reasons.
 */
export function proposalColumns(result: CountResult, labels: Labels): Column<ProposalResult>[] {
	const membership = result.rules.protection.membership;
	const name = (g: string) => nameGroup(g, labels.segments, membership);
	const names = (gs: readonly string[]) => gs.map(name).join('; ');
	const named = (f: GroupFinding): NamedFinding => ({ ...f, label: name(f.group) });
	const override = new Map(result.overrideOrder.map((e: OverrideEntry, i) => [e.id, i + 1]));
	return [
		{ key: 'rank', header: 'Rank', width: 7, format: 'count', value: (p) => p.rank },
		csvOnly('proposal_id', (p) => p.id),
		{ key: 'title', header: 'Proposal', width: 40, format: 'wrap', value: (p) => p.title },
		{
			key: 'kind',
			header: 'Kind',
			width: 12,
			format: 'text',
			value: (p) => KIND_LABELS[p.kind],
			code: (p) => p.kind
		},
		{
			key: 'amount_pounds',
			header: 'Amount',
			width: 12,
			format: 'money',
			value: (p) => p.amount / 100
		},
		{
			key: 'service',
			header: 'Service',
			width: 24,
			format: 'wrap',
			value: (p) => labels.services.get(p.service) ?? p.service
		},
		decisionColumn('decision', 'Decision', (p) => p.decision),
		decisionColumn('majority_decision', 'Simple majority would', (p) => p.majorityDecision),
		{
			key: 'protected_by',
			header: 'Protected by',
			width: 30,
			format: 'wrap',
			value: (p) => names(p.protectedBy)
		},
		{
			key: 'marginal_by',
			header: 'Too close to call for',
			width: 30,
			format: 'wrap',
			value: (p) => names(p.marginalBy)
		},
		...noteColumns((p: ProposalResult) => ({
			groups: p.protection.map(named),
			flags: p.flags.map(named),
			knockOn: p.knockOn,
			overridePosition: override.get(p.id) ?? null,
			dependsOnOpen: p.dependsOnOpen
		})),
		yesNoColumn('minority_priority', 'Minority priority', (p) => p.minorityPriority),
		...tallyColumns((p: ProposalResult) => p.tallies.overall),
		{
			key: 'reasons',
			header: 'Reasons',
			width: 80,
			format: 'wrap',
			value: (p) => p.reasons.join(' ')
		}
	];
}

/** The proposals in rank order. */
export function byRank(result: CountResult): ProposalResult[] {
	return [...result.proposals].sort((a, b) => a.rank - b.rank);
}

export type Breakdown =
	'overall' | 'users' | 'nonUsers' | 'segment' | 'area' | 'channel' | 'assurance';

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
	overall: 'Everyone',
	users: 'Use of the service',
	nonUsers: 'Use of the service',
	segment: 'Group',
	area: 'Area',
	channel: 'How they voted',
	assurance: 'Assurance'
};

/** One proposal's figures among one group of ballots. */
export interface BreakdownRow {
	proposal: ProposalResult;
	kind: Breakdown;
	id: string;
	label: string;
	tally: Tally | undefined;
}

/** Every proposal x group figure, long format: one row per proposal and group. */
export function breakdownRows(
	result: CountResult,
	labels: Labels,
	only?: readonly Breakdown[]
): BreakdownRow[] {
	const membership = result.rules.protection.membership;
	const rows: BreakdownRow[] = [];
	for (const p of result.proposals) {
		const t = p.tallies;
		const add = (kind: Breakdown, id: string, label: string, tally: Tally | undefined) => {
			if (!only || only.includes(kind)) rows.push({ proposal: p, kind, id, label, tally });
		};
		add('overall', '', 'Everyone', t.overall);
		add('users', USERS, nameGroup(USERS, labels.segments, membership), t.users);
		add('nonUsers', 'nonUsers', 'Everyone else', t.nonUsers);
		for (const [id, tally] of Object.entries(t.bySegment))
			add('segment', id, labels.segments.get(id) ?? id, tally);
		for (const [id, tally] of Object.entries(t.byArea))
			add('area', id, labels.areas.get(id) ?? id, tally);
		for (const [id, tally] of Object.entries(t.byChannel))
			add('channel', id, CHANNEL_LABELS[id as keyof typeof CHANNEL_LABELS] ?? id, tally);
		add('assurance', 'assured', 'Backed by a code or checked by staff', t.byAssurance.assured);
		add('assurance', 'open', 'Open (not checked)', t.byAssurance.open);
	}
	return rows;
}

export const BREAKDOWN_COLUMNS: Column<BreakdownRow>[] = [
	csvOnly('proposal_id', (r) => r.proposal.id),
	{ key: 'title', header: 'Proposal', width: 40, format: 'wrap', value: (r) => r.proposal.title },
	{
		key: 'breakdown',
		header: 'Breakdown',
		width: 16,
		format: 'text',
		value: (r) => BREAKDOWN_LABELS[r.kind],
		code: (r) => r.kind
	},
	csvOnly('group_id', (r) => r.id),
	{ key: 'group', header: 'Group', width: 30, format: 'wrap', value: (r) => r.label },
	...tallyColumns((r: BreakdownRow) => r.tally)
];

/** One entry of the override order, with the proposal it names. */
export interface OverrideRow {
	position: number;
	entry: OverrideEntry;
	proposal: ProposalResult;
}

export function overrideRows(result: CountResult): OverrideRow[] {
	const byId = new Map(result.proposals.map((p) => [p.id, p]));
	return result.overrideOrder.map((entry, i) => ({
		position: i + 1,
		entry,
		proposal: byId.get(entry.id)!
	}));
}

/** The override order: savings members may consider releasing, weakest protection first. */
export function overrideColumns(result: CountResult, labels: Labels): Column<OverrideRow>[] {
	const membership = result.rules.protection.membership;
	const name = (g: string) => nameGroup(g, labels.segments, membership);
	return [
		{ key: 'position', header: 'Order', width: 7, format: 'count', value: (r) => r.position },
		csvOnly('proposal_id', (r) => r.entry.id),
		{ key: 'title', header: 'Proposal', width: 40, format: 'wrap', value: (r) => r.proposal.title },
		{
			key: 'amount_pounds',
			header: 'Saving',
			width: 12,
			format: 'money',
			value: (r) => r.proposal.amount / 100
		},
		decisionColumn('decision', 'Decision', (r) => r.entry.decision),
		{
			key: 'groups',
			header: 'Groups that protect it or make it too close to call',
			width: 40,
			format: 'wrap',
			value: (r) => r.entry.groups.map(name).join('; ')
		},
		{
			key: 'largest_share_against',
			header: "Largest share of a group that doesn't want it",
			width: 14,
			format: 'percent',
			value: (r) => round(r.entry.share)
		},
		{
			key: 'fragility',
			header: "Fragility: how many of the group's don't-wants would have to change",
			width: 30,
			format: 'wrap',
			value: (r) => fragilityText(r.proposal.protection, (f) => name(f.group))
		}
	];
}

/** The whole count, suppression applied, for the JSON export and the open data. */
export function suppressedResult(result: CountResult): CountResult {
	const hide = (t: Tally): Tally =>
		t.suppressed
			? { ...t, n: 0, wants: 0, dontWants: 0, noView: 0, net: 0, support: 0, opposition: 0 }
			: t;
	const hideAll = <K extends string>(r: Record<K, Tally>) =>
		Object.fromEntries(Object.entries<Tally>(r).map(([k, t]) => [k, hide(t)])) as Record<K, Tally>;
	return {
		...result,
		proposals: result.proposals.map((p) => ({
			...p,
			tallies: {
				overall: hide(p.tallies.overall),
				users: hide(p.tallies.users),
				nonUsers: hide(p.tallies.nonUsers),
				bySegment: hideAll(p.tallies.bySegment),
				byArea: hideAll(p.tallies.byArea),
				byChannel: hideAll(p.tallies.byChannel),
				byAssurance: hideAll(p.tallies.byAssurance)
			}
		}))
	};
}
