/**
 * Exports of a closed vote's official count for commissioners: CSV, an Excel workbook, JSON and
 * Pabulib. Every export is audit-logged. Cells of fewer than 10 ballots are suppressed in all of
 * them; the JSON and Pabulib files carry anonymised ballots (no voter keys, codes, receipts or
 * times), grouped or numbered afresh, so that the count can be repeated.
 */
import ExcelJS from 'exceljs';
import type { CountInput, CountResult } from '../../budget/types';
import { writeVotePabulib } from '../../budget/vote-pabulib';
import {
	BREAKDOWN_HEADERS,
	PROPOSAL_HEADERS,
	breakdownRows,
	proposalRow,
	suppressedResult,
	toCsv,
	type Breakdown,
	type Labels
} from '../../budget/vote-export';
import { METHOD_LABELS } from '../../budget/vote-rules';
import * as audit from '../audit';
import * as catalogue from '../catalogue';
import { read, write, type DB } from '../db/open';
import { countInput, countVote, officialResult } from './results';
import { getVote, listProposals, VoteError, type Vote } from './votes';

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
	services: Map<string, string>;
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
		if (!vote) throw new VoteError('_', 'That vote no longer exists');
		const official = officialResult(tx, voteId);
		if (vote.status !== 'closed' || !official)
			throw new VoteError('_', 'Exports are of the official count: close the vote first');
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
				services: new Map(listProposals(tx, voteId).map((p) => [String(p.id), p.serviceId])),
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

export function csvExport({ result, labels: l, services }: ExportData): string {
	return toCsv([
		PROPOSAL_HEADERS,
		...[...result.proposals]
			.sort((a, b) => a.rank - b.rank)
			.map((p) => proposalRow(p, services.get(p.id) ?? '', l)),
		[],
		BREAKDOWN_HEADERS,
		...breakdownRows(result, l)
	]);
}

function rulesRows(vote: Vote, result: CountResult): [string, string | number][] {
	const r = vote.rules;
	return [
		['Vote', vote.title],
		['Method (official)', METHOD_LABELS[r.method]],
		['Most wants per ballot (0 = no limit)', r.maxWants],
		["Most don't-wants per ballot (0 = no limit)", r.maxDontWants],
		['Savings target (£)', r.savingsTarget / 100],
		['Development budget (£)', r.developmentBudget / 100],
		['Protection: smallest group', r.protection.minGroup],
		['Protection: share of group against', r.protection.threshold],
		['Protection: margin over other voters', r.protection.margin],
		['Weighting', r.weighting],
		['Tie-break', result.tieBreak === 'listed' ? 'Listed order of the proposals' : 'Proposal id'],
		['Digest (SHA-256 of the canonical input)', result.digest],
		['Suppression', 'Cells of fewer than 10 ballots are left blank; every ballot is counted.'],
		[
			'Method notes',
			'Groups that can protect a saving are the users of its service and the segments declared before voting opened. A saving is protected when a group of at least the smallest size has at least the share against it, exceeding other voters’ share by at least the margin. Undeclared divergences are flagged for review and change no rank. Developments are chosen by the Method of Equal Shares (add1 completion, then greedy) within the budget.'
		]
	];
}

export async function xlsxExport({
	vote,
	result,
	labels: l,
	services
}: ExportData): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Co-Commission';
	const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
		const ws = wb.addWorksheet(name);
		ws.addRow(header).font = { bold: true };
		for (const r of rows) ws.addRow(r);
		ws.views = [{ state: 'frozen', ySplit: 1 }];
		ws.columns.forEach((c) => (c.width = 16));
		return ws;
	};
	sheet(
		'Summary',
		['Item', 'Value'],
		[
			['Vote', vote.title],
			['Ballots', result.ballots.total],
			...Object.entries(result.ballots.byChannel).map(([c, n]): [string, number] => [
				`Ballots: ${c}`,
				n
			]),
			['Saved (£)', result.saved / 100],
			['Savings target (£)', result.savingsTarget / 100],
			['Shortfall (£)', result.shortfall / 100],
			['Spent on developments (£)', result.spent / 100],
			['Development budget (£)', result.developmentBudget / 100],
			['Simple majority would save (£)', result.majority.saved / 100],
			['Decisions simple majority would change', result.majority.changed.length],
			...result.summary.map((s, i): [string, string] => [`Note ${i + 1}`, s])
		]
	);
	sheet(
		'Proposals',
		PROPOSAL_HEADERS,
		[...result.proposals]
			.sort((a, b) => a.rank - b.rank)
			.map((p) => proposalRow(p, services.get(p.id) ?? '', l))
	);
	const by = (name: string, kind: Breakdown) =>
		sheet(name, BREAKDOWN_HEADERS, breakdownRows(result, l, kind));
	by('By segment', 'segment');
	by('By area', 'area');
	by('By channel', 'channel');
	sheet('Rules and method', ['Rule', 'Value'], rulesRows(vote, result));
	return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The official count (suppressed) with the anonymised, grouped ballots it was counted from. */
export function jsonExport({ vote, result, input }: ExportData): string {
	return JSON.stringify(
		{
			format: 'co-commission/vote-export/1',
			vote: { id: vote.id, title: vote.title, opensAt: vote.opensAt, closesAt: vote.closesAt },
			note: 'Ballots are anonymised and identical ones grouped with a count; recounting this input gives the same digest. Tallies of fewer than 10 ballots are zeroed and marked suppressed.',
			input,
			result: suppressedResult(result)
		},
		null,
		1
	);
}

/**
 * Pabulib `.pb` of the counted (publishable) input, which `npm run count` recounts to the
 * official digest: budget/vote-pabulib.ts documents how don't-wants, assurance and the groups'
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
