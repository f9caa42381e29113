import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from '../csv/table';
import { readWorkbook } from '../test/workbook';
import { FRONT_SHEET, sheetOf, writeWorkbook } from './workbook';

interface Row {
	id: string;
	name: string;
	amount: number;
	share: number;
	when: Date;
}

const COLUMNS: Column<Row>[] = [
	{ key: 'id', header: 'Id', width: 6, format: 'text', value: (r) => r.id, sheet: false },
	{ key: 'name', header: 'Name', width: 40, format: 'wrap', value: (r) => r.name },
	{ key: 'amount', header: 'Amount', width: 12, format: 'money', value: (r) => r.amount },
	{ key: 'share', header: 'Share', width: 10, format: 'percent', value: (r) => r.share },
	{ key: 'when', header: 'Reviewed on', width: 14, format: 'date', value: (r) => r.when }
];
const WHEN = new Date('2027-03-01T00:00:00Z');
const ROWS: Row[] = [
	{ id: 'a', name: 'Day centres', amount: 400000, share: 0.85, when: WHEN },
	{ id: 'b', name: 'Golf subsidy', amount: 60000, share: 0.2, when: WHEN }
];

describe('a workbook people can open', () => {
	it('starts with a front sheet saying what each sheet holds, with a link to it', async () => {
		const wb = await readWorkbook(
			await writeWorkbook({ title: 'Priorities: Day services', lines: ['From the vote.'] }, [
				sheetOf('Savings', 'Every saving and its decision.', COLUMNS, ROWS)
			])
		);
		expect(wb.worksheets.map((w) => w.name)).toEqual([FRONT_SHEET, 'Savings']);
		const front = wb.getWorksheet(FRONT_SHEET)!;
		expect(front.getCell('A1').value).toBe('Priorities: Day services');
		expect(front.getCell('A1').font.bold).toBe(true);
		expect(front.getCell('A2').value).toBe('From the vote.');
		expect([front.getCell('A4').value, front.getCell('B4').value]).toEqual([
			'Sheet',
			'What it holds'
		]);
		expect(front.getCell('A5').value).toEqual({ text: 'Savings', hyperlink: "#'Savings'!A1" });
		expect(front.getCell('B5').value).toBe('Every saving and its decision.');
		expect(front.getCell('B5').alignment.wrapText).toBe(true);
	});

	it('freezes and filters the header row, sizes the columns and leaves out CSV-only ones', async () => {
		const ws = (
			await readWorkbook(
				await writeWorkbook({ title: 't', lines: [] }, [sheetOf('S', 'x', COLUMNS, ROWS)])
			)
		).getWorksheet('S')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(ws.autoFilter).toBeTruthy();
		expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
			'Name',
			'Amount',
			'Share',
			'Reviewed on'
		]);
		expect(ws.getCell('A1').font.bold).toBe(true);
		expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([40, 12, 10, 14]);
	});

	it.each<[string, string, ExcelJS.ValueType, string]>([
		['money in whole pounds', 'B2', ExcelJS.ValueType.Number, '"£"#,##0'],
		['a share as a percentage', 'C2', ExcelJS.ValueType.Number, '0%'],
		['a date as a date', 'D2', ExcelJS.ValueType.Date, 'd mmm yyyy']
	])('writes %s', async (_name, address, type, numFmt) => {
		const ws = (
			await readWorkbook(
				await writeWorkbook({ title: 't', lines: [] }, [sheetOf('S', 'x', COLUMNS, ROWS)])
			)
		).getWorksheet('S')!;
		expect(ws.getCell(address).type).toBe(type);
		expect(ws.getCell(address).numFmt).toBe(numFmt);
	});

	it('wraps long text and keeps every cell at the top of its row', async () => {
		const ws = (
			await readWorkbook(
				await writeWorkbook({ title: 't', lines: [] }, [sheetOf('S', 'x', COLUMNS, ROWS)])
			)
		).getWorksheet('S')!;
		expect(ws.getCell('A2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
		expect(ws.getCell('B2').alignment.wrapText).toBeFalsy();
		expect(ws.getCell('D2').value).toEqual(WHEN);
	});

	it('shows pence only in a money column where some amount has them', async () => {
		const ws = (
			await readWorkbook(
				await writeWorkbook({ title: 't', lines: [] }, [
					sheetOf('S', 'x', COLUMNS, [...ROWS, { ...ROWS[0], amount: 12.5 }])
				])
			)
		).getWorksheet('S')!;
		expect(ws.getCell('B2').numFmt).toBe('"£"#,##0.00');
	});

	it("gives a cell its row's own format in a column of mixed values", async () => {
		const items = [
			{ item: 'Shortfall', value: 85000, format: 'money' as const },
			{ item: 'Closed', value: WHEN, format: 'date' as const },
			{ item: 'Decision', value: 'The vote accepts 5 savings.', format: 'wrap' as const }
		];
		const ws = (
			await readWorkbook(
				await writeWorkbook({ title: 't', lines: [] }, [
					sheetOf(
						'Summary',
						'x',
						[
							{ key: 'item', header: 'Item', width: 30, format: 'wrap', value: (r) => r.item },
							{
								key: 'value',
								header: 'Value',
								width: 60,
								format: 'wrap',
								formatOf: (r) => r.format,
								value: (r) => r.value
							}
						] satisfies Column<(typeof items)[number]>[],
						items
					)
				])
			)
		).getWorksheet('Summary')!;
		expect([ws.getCell('B2').type, ws.getCell('B2').numFmt]).toEqual([
			ExcelJS.ValueType.Number,
			'"£"#,##0'
		]);
		expect([ws.getCell('B3').type, ws.getCell('B3').numFmt]).toEqual([
			ExcelJS.ValueType.Date,
			'd mmm yyyy'
		]);
		expect(ws.getCell('B4').alignment.wrapText).toBe(true);
	});
});
