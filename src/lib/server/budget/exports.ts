/**
 * Exports of a closed vote's official count for commissioners: CSV, an Excel workbook, JSON and
 * Pabulib. Every export is audit-logged. Cells of fewer than 10 ballots are suppressed in all of
 * them; the JSON and Pabulib files carry anonymised ballots (no voter keys, codes, receipts or
 * times), grouped or numbered afresh, so that the count can be repeated.
 */
import { formatMoney } from '../../budget/reasons';
import type { Channel, CountInput, CountResult } from '../../budget/types';
import { writeVotePabulib } from '../../vote/pabulib';
import {
	BREAKDOWN_COLUMNS,
	breakdownRows,
	byRank,
	nameGroup,
	overrideColumns,
	overrideRows,
	proposalColumns,
	suppressedResult,
	toCsv,
	type Breakdown,
	type Labels
} from '../../vote/export';
import {
	CHANNEL_LABELS,
	DECISION_LABELS,
	DEVELOPMENT_LABELS,
	MEMBERSHIP_LABELS,
	METHOD_LABELS,
	WEIGHTING_LABELS
} from '../../vote/rules';
import { csvRows, type CellFormat, type CellValue, type Column } from '../../csv/table';
import { voteSummary, type VoteSummary } from '../../report/summary';
import { sheetOf, writeWorkbook } from '../workbook';
import * as audit from '../audit';
import * as catalogue from '../catalogue';
import { read, write, type DB } from '../db/open';
import { countInput, countVote, officialResult } from './results';
import { Refusal } from '../command-refusal';
import { getVote, type Vote } from './votes';

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'pb';

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; ext: string }> = {
	csv: { mime: 'text/csv; charset=utf-8', ext: 'csv' },
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
	json: { mime: 'application/json; charset=utf-8', ext: 'json' },
	pb: { mime: 'text/plain; charset=utf-8', ext: 'pb' }
};

function labels(db: DB): Labels {
	return {
		segments: new Map(catalogue.listSegments(db).map((s) => [s.id, s.label])),
		areas: new Map(catalogue.listAreas(db).map((a) => [a.id, a.name])),
		services: new Map(catalogue.listServices(db, true).map((s) => [s.id, s.name]))
	};
}

export interface ExportData {
	vote: Vote;
	result: CountResult;
	input: CountInput;
	labels: Labels;
	councilName: string;
}

/**
 * Reads what an export needs and records the export in the audit log, in one transaction, so
 * that no file leaves without its entry. Only the official count of a closed vote is exported.
 */
export function prepareExport(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	format: ExportFormat | 'report',
	councilName: string,
	now = new Date()
): ExportData {
	const closed = (tx: DB) => {
		const vote = getVote(tx, voteId);
		if (!vote) throw new Refusal('_', 'That vote no longer exists');
		const official = officialResult(tx, voteId);
		if (vote.status !== 'closed' || !official)
			throw new Refusal('_', 'Exports are of the official count: close the vote first');
		return { vote, official };
	};
	closed(db);
	// The count is cached first (a short write, if it is not cached yet), so that reading the
	// ballots takes no write lock: a long export runs on its own connection in the export worker,
	// and a write lock held there would leave every ballot and sign-in on the server waiting.
	countVote(db, voteId, now);
	const { official, data } = read(db, (tx) => {
		const { vote, official } = closed(tx);
		return {
			official,
			data: {
				vote,
				result: countVote(tx, voteId, now),
				input: countInput(tx, vote),
				labels: labels(tx),
				councilName
			}
		};
	});
	// Recorded before any file is built from what was read: no export leaves without its entry.
	write(db, (tx) =>
		audit.record(
			tx,
			actor,
			{
				action: `vote.export.${format}`,
				entityType: 'vote',
				entityId: voteId,
				after: { digest: data.result.digest, official: official.digest }
			},
			now
		)
	);
	return data;
}

/** The proposals, every group's figures, the override order and the count's notes, as CSV. */
export function csvExport({ result, labels: l }: ExportData): string {
	return toCsv([
		...csvRows(proposalColumns(result, l), byRank(result)),
		[],
		...csvRows(BREAKDOWN_COLUMNS, breakdownRows(result, l)),
		...(result.overrideOrder.length
			? [[], ...csvRows(overrideColumns(result, l), overrideRows(result))]
			: []),
		[],
		['summary'],
		...result.summary.map((line) => [line])
	]);
}

/** An item of the summary sheet: a name, a value and how to show it. */
interface SummaryItem {
	item: string;
	value: CellValue;
	format: CellFormat;
}

const SUMMARY_COLUMNS: Column<SummaryItem>[] = [
	{ key: 'item', header: 'Item', width: 44, format: 'wrap', value: (r) => r.item },
	{
		key: 'value',
		header: 'Value',
		width: 90,
		format: 'wrap',
		formatOf: (r) => r.format,
		value: (r) => r.value
	}
];

/** The count at a glance: money, ballots, protection, the override order, assurance. */
function summaryItems(vote: Vote, result: CountResult, l: Labels): SummaryItem[] {
	const s = voteSummary(result, l.segments);
	const text = (item: string, value: string): SummaryItem => ({ item, value, format: 'wrap' });
	const money = (item: string, pence: number): SummaryItem => ({
		item,
		value: pence / 100,
		format: 'money'
	});
	const count = (item: string, n: number): SummaryItem => ({ item, value: n, format: 'count' });
	const date = (item: string, d: Date | null): SummaryItem[] =>
		d ? [{ item, value: d, format: 'date' }] : [];
	const held = (h: VoteSummary['protected']) =>
		h
			.map(
				(p) =>
					`${p.title} (${formatMoney(p.amount)}): ${p.groups
						.map(
							(g) =>
								g.figures + (g.fragility === null ? '' : `; ${g.fragility} would have to change`)
						)
						.join('; ')}`
			)
			.join('\n');
	return [
		text('Vote', vote.title),
		...date('Opened', vote.opensAt),
		...date('Closed', vote.closesAt),
		text('Decision', s.decision),
		...(s.money ? [text('Savings against the target', s.money)] : []),
		money('Savings target', result.savingsTarget),
		money('Saved', result.saved),
		money('Shortfall', result.shortfall),
		money('Development budget', result.developmentBudget),
		money('Spent on developments', result.spent),
		text('Protected, with fragility', held(s.protected) || 'None'),
		text('Too close to call: members decide', held(s.marginal) || 'None'),
		text(
			'Override order, weakest protection first',
			s.overrideOrder
				.map((o) => `${o.position}. ${o.title} (${formatMoney(o.amount)}): ${o.heldBackBy}`)
				.join('\n') || 'None: no shortfall that a held-back saving could close'
		),
		text(
			'Flagged for review',
			s.flagged.map((f) => `${f.title}: ${f.groups.join('; ')}`).join('\n') || 'None'
		),
		text('Knock-on changes', s.knockOn ?? 'None'),
		text('Simple majority', s.majority),
		money('Simple majority would save', result.majority.saved),
		count('Ballots', result.ballots.total),
		...Object.entries(result.ballots.byChannel).map(([c, n]) =>
			count(`Ballots: ${CHANNEL_LABELS[c as Channel]}`, n)
		),
		count('Ballots backed by a code or checked by staff', result.ballots.assured),
		count('Open ballots', result.ballots.open),
		text('Assurance', s.assurance),
		...result.summary.map((line, i) => text(`Note ${i + 1}`, line)),
		text('Digest (SHA-256 of the canonical input)', result.digest)
	];
}

/** The rules fixed before voting opened, in words. */
function rulesItems(vote: Vote, result: CountResult): SummaryItem[] {
	const r = vote.rules;
	const p = r.protection;
	const text = (item: string, value: string): SummaryItem => ({ item, value, format: 'wrap' });
	const limit = (n: number) => (n === 0 ? 'No limit' : String(n));
	return [
		text('Method (official)', METHOD_LABELS[r.method]),
		text('Developments chosen by', DEVELOPMENT_LABELS[r.developments]),
		text('Most wants per ballot', limit(r.maxWants)),
		text("Most don't-wants per ballot", limit(r.maxDontWants)),
		{ item: 'Savings target', value: r.savingsTarget / 100, format: 'money' },
		{ item: 'Development budget', value: r.developmentBudget / 100, format: 'money' },
		{ item: 'Protection: smallest group', value: p.minGroup, format: 'count' },
		{ item: 'Protection: share of the group against it', value: p.threshold, format: 'percent' },
		{ item: 'Protection: margin over other voters', value: p.margin, format: 'percent' },
		text(
			'Protection: confidence',
			p.confidence === 'none'
				? 'No confidence test: the share alone decides'
				: 'The share must clear the threshold at 95% confidence, else the saving is too close to call'
		),
		text('Who counts as a user of a service', MEMBERSHIP_LABELS[p.membership]),
		text('Weighting', WEIGHTING_LABELS[r.weighting]),
		text(
			'Tie-break',
			result.tieBreak === 'listed' ? 'Listed order of the proposals' : 'Proposal id'
		),
		text('Suppression', 'Cells of fewer than 10 ballots are left blank; every ballot is counted.'),
		text(
			'Method notes',
			'Only the groups declared before voting opened as depending on a saving (its service’s users, and segments) can protect it, alone or together. A group protects a saving when it has at least the smallest size, at least the share against it (at 95% confidence unless switched off) and exceeds other voters’ share by at least the margin; passing all but the confidence test makes the saving too close to call, for members to decide. Undeclared groups whose opposition passes are flagged for review and change no decision. Developments are chosen by the rule above within the budget; none that more people don’t want than want is funded.'
		)
	];
}

/** The workbook: a front sheet, the summary, the proposals, each breakdown and the rules. */
export async function xlsxExport({ vote, result, labels: l }: ExportData): Promise<Buffer> {
	const by = (name: string, about: string, kinds: Breakdown[]) =>
		sheetOf(name, about, BREAKDOWN_COLUMNS, breakdownRows(result, l, kinds));
	return writeWorkbook(
		{
			title: `Vote count: ${vote.title}`,
			lines: [
				'The official count of a closed community budget vote (counting rules version 2).',
				'Figures from fewer than 10 ballots are left blank and marked; every ballot is counted. Amounts are in pounds.'
			]
		},
		[
			sheetOf(
				'Summary',
				'The count at a glance: the decision in a sentence, money against the target and budget, what is protected and how fragile that is, what is left to members, the override order, flags, what simple majority would have done, ballots by channel and the assurance check.',
				SUMMARY_COLUMNS,
				summaryItems(vote, result, l)
			),
			sheetOf(
				'Proposals',
				'Every proposal by rank: the decision and what simple majority would have decided, the groups that protect it or make it too close to call and how fragile that is, flags for review, knock-on changes, its place in the override order, whether it depends on open ballots, the figures and the reasons.',
				proposalColumns(result, l),
				byRank(result)
			),
			...(result.overrideOrder.length
				? [
						sheetOf(
							'Override order',
							'The savings members may consider releasing to close the shortfall, weakest protection first. It changes no decision.',
							overrideColumns(result, l),
							overrideRows(result)
						)
					]
				: []),
			by(
				'By group',
				"Each proposal's figures among the people who use its service, everyone else, and each group residents could say they belong to (never weighted).",
				['overall', 'users', 'nonUsers', 'segment']
			),
			by('By area', "Each proposal's figures in each area.", ['area']),
			by(
				'By channel',
				"Each proposal's figures by how people voted (online, in a room, on paper, at a kiosk) and by assurance (backed by a code or checked by staff, or open).",
				['channel', 'assurance']
			),
			sheetOf(
				'Rules and method',
				'The counting rules fixed before voting opened, in words.',
				SUMMARY_COLUMNS,
				rulesItems(vote, result)
			)
		]
	);
}

/** The official count (suppressed) with the anonymised, grouped ballots it was counted from. */
/** Every group the count names (tested, protecting, flagged), in words. */
function groupNames(result: CountResult, l: Labels): Record<string, string> {
	const ids = new Set<string>();
	for (const p of result.proposals) {
		for (const f of [...p.protection, ...p.flags, ...p.minorityGroups]) ids.add(f.group);
		for (const g of p.affects) ids.add(g);
	}
	for (const g of Object.keys(result.proposals[0]?.tallies.bySegment ?? {})) ids.add(g);
	return Object.fromEntries(
		[...ids].map((g) => [g, nameGroup(g, l.segments, result.rules.protection.membership)])
	);
}

export function jsonExport({ vote, result, input, labels }: ExportData): string {
	return JSON.stringify(
		{
			format: 'co-commission/vote-export/2',
			vote: { id: vote.id, title: vote.title, opensAt: vote.opensAt, closesAt: vote.closesAt },
			note: 'Ballots are anonymised and identical ones grouped with a count; recounting this input gives the same digest. Tallies of fewer than 10 ballots are zeroed and marked suppressed. `names` gives each group (a segment, `users`, or a union joined with +) and each decision in words.',
			input,
			result: suppressedResult(result),
			names: {
				groups: groupNames(result, labels),
				decisions: DECISION_LABELS
			}
		},
		null,
		1
	);
}

/**
 * Pabulib `.pb` of the counted (publishable) input, which `npm run count` recounts to the
 * official digest: vote/pabulib.ts documents how don't-wants, assurance and the groups'
 * totals are carried.
 */
export function pabulibExport({ vote, result, input, councilName }: ExportData): string {
	return writeVotePabulib(
		{ ...input, rules: result.rules, groups: input.groups ?? [] },
		{
			title: vote.title,
			unit: councilName,
			instance: String(vote.id),
			dateBegin: vote.opensAt ? vote.opensAt.toISOString().slice(0, 10) : undefined,
			dateEnd: vote.closesAt ? vote.closesAt.toISOString().slice(0, 10) : undefined,
			decisions: Object.fromEntries(result.proposals.map((p) => [p.id, p.decision])),
			totals: new Map(result.proposals.map((p) => [p.id, p.tallies.overall]))
		}
	);
}
