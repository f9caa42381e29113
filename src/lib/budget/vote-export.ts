/**
 * A count as tables for commissioners: one row per proposal and one per proposal and group
 * (segment, area, channel, users), with cells of fewer than 10 ballots suppressed (left blank
 * and marked), and CSV text with every text field quoted and spreadsheet formulas neutralised.
 */
import type { CountResult, ProposalResult, Tally } from './types';

export const SUPPRESSED = 'suppressed (fewer than 10 ballots)';

export interface Labels {
	segments: Map<string, string>;
	areas: Map<string, string>;
	services: Map<string, string>;
}

// Quoting and formula neutralising are shared by every export.
export { csvCell, neutralise, csvFile as toCsv } from '../csv/csv';

const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

/** The figures of one tally, blank when suppressed. */
export function tallyCells(t: Tally | undefined): (number | string | null)[] {
	if (!t) return [0, null, null, null, null, null, null, 'no ballots'];
	if (t.suppressed) return [null, null, null, null, null, null, null, SUPPRESSED];
	return [
		t.ballots,
		round(t.wants, 2),
		round(t.dontWants, 2),
		round(t.noView, 2),
		round(t.net, 2),
		round(t.support),
		round(t.opposition),
		''
	];
}

export const TALLY_HEADERS = [
	'ballots',
	'wants',
	'dont_wants',
	'no_view',
	'net',
	'support',
	'opposition',
	'note'
];

export const PROPOSAL_HEADERS = [
	'rank',
	'proposal_id',
	'title',
	'kind',
	'amount_pounds',
	'service',
	'decision',
	'majority_decision',
	'protected_by',
	'marginal_by',
	'fragility',
	'flagged_for_review',
	'minority_priority',
	'depends_on_open_ballots',
	...TALLY_HEADERS,
	'reasons'
];

export function proposalRow(
	p: ProposalResult,
	service: string,
	labels: Labels
): (string | number | null)[] {
	const one = (g: string) =>
		g === 'users' ? 'people who use the service' : (labels.segments.get(g) ?? g);
	// A union of declared groups is named by its members, joined with "+".
	const group = (g: string) => g.split('+').map(one).join(' + ');
	return [
		p.rank,
		p.id,
		p.title,
		p.kind,
		p.amount / 100,
		labels.services.get(service) ?? service,
		p.decision,
		p.majorityDecision,
		p.protectedBy.map(group).join('; '),
		p.marginalBy.map(group).join('; '),
		p.protection
			.filter((f) => f.fragility !== null)
			.map((f) => `${group(f.group)}: ${f.fragility}`)
			.join('; '),
		p.flagged.map(group).join('; '),
		p.minorityPriority ? 'yes' : 'no',
		p.dependsOnOpen ? 'yes' : 'no',
		...tallyCells(p.tallies.overall),
		p.reasons.join(' ')
	];
}

export type Breakdown =
	'overall' | 'users' | 'nonUsers' | 'segment' | 'area' | 'channel' | 'assurance';

/** Every proposal x group figure, long format: one row per proposal and group. */
export function breakdownRows(
	result: CountResult,
	labels: Labels,
	only?: Breakdown
): (string | number | null)[][] {
	const rows: (string | number | null)[][] = [];
	for (const p of result.proposals) {
		const t = p.tallies;
		const add = (kind: Breakdown, id: string, label: string, tally: Tally | undefined) => {
			if (!only || only === kind) rows.push([p.id, p.title, kind, id, label, ...tallyCells(tally)]);
		};
		add('overall', '', 'Everyone', t.overall);
		add('users', 'users', 'Use the service', t.users);
		add('nonUsers', 'nonUsers', 'Do not use it', t.nonUsers);
		for (const [id, tally] of Object.entries(t.bySegment))
			add('segment', id, labels.segments.get(id) ?? id, tally);
		for (const [id, tally] of Object.entries(t.byArea))
			add('area', id, labels.areas.get(id) ?? id, tally);
		for (const [id, tally] of Object.entries(t.byChannel)) add('channel', id, id, tally);
		add('assurance', 'assured', 'Backed by a code or checked by staff', t.byAssurance.assured);
		add('assurance', 'open', 'Open (not checked)', t.byAssurance.open);
	}
	return rows;
}

export const BREAKDOWN_HEADERS = [
	'proposal_id',
	'title',
	'breakdown',
	'group_id',
	'group',
	...TALLY_HEADERS
];

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
