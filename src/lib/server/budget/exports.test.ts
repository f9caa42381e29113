import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS } from '../../budget/types';
import { DECISION_LABELS } from '../../vote/rules';
import { voteSummary } from '../../report/summary';
import { testDb } from '../../test/db';
import { items, listedSheets, readWorkbook, records } from '../../test/workbook';
import type { DB } from '../db/open';
import { seedIfEmpty } from '../seed';
import { FRONT_SHEET } from '../workbook';
import { csvExport, jsonExport, prepareExport, xlsxExport, type ExportData } from './exports';

let db: DB;
let data: ExportData;
let wb: ExcelJS.Workbook;
const actor = { id: null, email: 'test' };

beforeAll(async () => {
	db = testDb();
	await seedIfEmpty(db);
	// The demo's closed vote: day centres protected, community transport too close to call,
	// the golf subsidy flagged, £85,000 short with an override order.
	data = prepareExport(db, actor, 1, 'xlsx', 'Harbourside Borough Council');
	wb = await readWorkbook(await xlsxExport(data));
}, 60_000);

const byItem = (name: string) => items(wb.getWorksheet(name)!);
const rowsOf = (name: string) => records(wb.getWorksheet(name)!);

describe('the vote workbook', () => {
	it('opens on a front sheet that explains every sheet', () => {
		const names = wb.worksheets.map((w) => w.name);
		expect(names).toEqual([
			FRONT_SHEET,
			'Summary',
			'Proposals',
			'Override order',
			'By group',
			'By area',
			'By channel',
			'Rules and method'
		]);
		const listed = listedSheets(wb.getWorksheet(FRONT_SHEET)!);
		for (const about of listed.values()) expect(about.length).toBeGreaterThan(30);
		expect([...listed.keys()]).toEqual(names.slice(1));
	});

	it('freezes the header row of every sheet after the front one', () => {
		for (const ws of wb.worksheets.slice(1))
			expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
	});

	it('sums the count up in words and numbers: money as pounds, dates as dates', () => {
		const s = byItem('Summary');
		const summary = voteSummary(data.result, data.labels.segments);
		expect(s.get('Decision')!.value).toBe(summary.decision);
		for (const [item, pounds] of [
			['Shortfall', 85000],
			['Savings target', 600000],
			['Saved', 515000]
		] as const) {
			expect(s.get(item)!.type, item).toBe(ExcelJS.ValueType.Number);
			expect(s.get(item)!.value, item).toBe(pounds);
			expect(s.get(item)!.numFmt, item).toBe('"£"#,##0');
		}
		expect(s.get('Closed')!.type).toBe(ExcelJS.ValueType.Date);
		expect(s.get('Closed')!.numFmt).toBe('d mmm yyyy');
		expect(s.get('Ballots')!.numFmt).toBe('#,##0');
		expect(s.get('Protected, with fragility')!.value).toContain(
			"Verified service users: 51 of 60 don't want it (85%; other voters 18%); 14 would have to change"
		);
		expect(s.get('Too close to call: members decide')!.value).toContain(
			'Older people (65 and over): 144 of 269'
		);
		expect(String(s.get('Override order, weakest protection first')!.value).split('\n')).toEqual([
			'1. Run community transport three days a week instead of five (£90,000): too close to call for Older people (65 and over)',
			'2. Close two day centres for adults with learning disabilities (£400,000): protected by Verified service users, Disabled residents and Verified service users + Disabled residents'
		]);
		expect(s.get('Flagged for review')!.value).toMatch(
			/^End the golf course subsidy: Older people/
		);
		expect(s.get('Assurance')!.value).toMatch(/gives the same decisions/);
		expect(s.get('Protected, with fragility')!.alignment.wrapText).toBe(true);
	});

	it('shows each proposal with human labels, never internal codes', () => {
		const rows = rowsOf('Proposals');
		const labels = new Set(Object.values(DECISION_LABELS));
		for (const r of rows) {
			expect(labels).toContain(r['Decision'].value);
			expect(labels).toContain(r['Simple majority would'].value);
			expect(['Saving', 'Development']).toContain(r['Kind'].value);
		}
		const day = rows.find((r) => String(r['Proposal'].value).startsWith('Close two day centres'))!;
		expect(day['Protected by'].value).toBe(
			'Verified service users; Disabled residents; Verified service users + Disabled residents'
		);
		expect(day['Place in the override order'].value).toBe(2);
		expect(day['Amount'].numFmt).toBe('"£"#,##0');
		expect(day['Opposition'].numFmt).toBe('0%');
		expect(day['Reasons'].alignment.wrapText).toBe(true);
		// No id, no decision code, no raw group id, anywhere in the workbook.
		const codes = new Set<string>([...DECISIONS, 'users', 'disabled', 'older', 'users+disabled']);
		for (const ws of wb.worksheets)
			ws.eachRow((row) =>
				row.eachCell((cell) => {
					if (typeof cell.value === 'string') {
						expect(codes.has(cell.value), `${ws.name} ${cell.address}`).toBe(false);
						expect(cell.value).not.toMatch(/users, disabled|\bnotSelected\b|\bnotNeeded\b/);
					}
				})
			);
	});

	it('gives the widths and formats of the breakdowns and the rules', () => {
		const ws = wb.getWorksheet('Proposals')!;
		const headers = (ws.getRow(1).values as unknown[]).slice(1);
		expect(ws.getColumn(headers.indexOf('Proposal') + 1).width).toBe(40);
		expect(ws.getColumn(headers.indexOf('Reasons') + 1).width).toBe(80);
		const groups = rowsOf('By group');
		expect(groups.map((r) => r['Group'].value)).toContain('Verified service users');
		const rules = byItem('Rules and method');
		expect(rules.get('Protection: share of the group against it')!.value).toBe(0.5);
		expect(rules.get('Protection: share of the group against it')!.numFmt).toBe('0%');
		expect(rules.get('Who counts as a user of a service')!.value).toBe(
			'Only people whose use of the service was verified'
		);
	});
});

describe('the vote CSV and JSON', () => {
	it('carry the override order, the flags and the notes, with codes for scripts', () => {
		const lines = csvExport(data).split('\r\n');
		expect(lines[0]).toContain(
			'"protected_by","marginal_by","fragility","flagged_for_review","override_order","knock_on","depends_on_open_ballots","minority_priority"'
		);
		expect(lines).toContain(
			'"position","proposal_id","title","amount_pounds","decision","groups","largest_share_against","fragility"'
		);
		expect(lines.find((l) => l.startsWith('1,"10"'))).toContain('"marginal"');
		expect(lines).toContain('"summary"');
	});

	it('name every group and decision in words beside the count', () => {
		const json = JSON.parse(jsonExport(data));
		expect(json.format).toBe('co-commission/vote-export/2');
		expect(json.names.groups['users+disabled']).toBe('Verified service users + Disabled residents');
		expect(json.names.groups.older).toBe('Older people (65 and over)');
		expect(json.names.decisions.marginal).toBe(DECISION_LABELS.marginal);
		expect(json.result.overrideOrder.map((o: { id: string }) => o.id)).toEqual(['10', '5']);
		expect(json.result.assurance).toMatchObject({ ran: true });
	});
});
