/**
 * Excel workbooks people can open: a front sheet that says what each sheet holds, then one
 * sheet per table with its header row frozen and filterable, each column as wide as its
 * contents need, long text wrapped, money in pounds, shares as percentages and dates as dates.
 * The priorities and vote workbooks are written by this one function.
 */
import ExcelJS from 'exceljs';
import type { CellFormat, CellValue, Column } from '../csv/table';

/** One sheet, its cells worked out (a table of any row type). */
export interface Sheet {
	name: string;
	/** What the sheet holds, for the front sheet: one or two sentences. */
	about: string;
	columns: { header: string; width: number; format: CellFormat }[];
	rows: CellValue[][];
	/** Each cell's format: its column's, unless the column gives each row its own. */
	formats: CellFormat[][];
}

/** A sheet from a table's columns and rows (columns marked `sheet: false` are CSV-only). */
export function sheetOf<T>(
	name: string,
	about: string,
	columns: readonly Column<T>[],
	rows: readonly T[]
): Sheet {
	const shown = columns.filter((c) => c.sheet !== false);
	return {
		name,
		about,
		columns: shown.map(({ header, width, format }) => ({ header, width, format })),
		rows: rows.map((r) => shown.map((c) => c.value(r))),
		formats: rows.map((r) => shown.map((c) => c.formatOf?.(r) ?? c.format))
	};
}

/** The front sheet's name. */
export const FRONT_SHEET = 'About this workbook';

export interface FrontSheet {
	title: string;
	/** Sentences under the title: what the workbook is, where it comes from. */
	lines: string[];
}

/** Whether any cell of column `c` in the given format holds a fraction. */
const hasFraction = (s: Sheet, c: number, format: CellFormat) =>
	s.rows.some(
		(r, i) => s.formats[i][c] === format && typeof r[c] === 'number' && !Number.isInteger(r[c])
	);

/** The Excel number format of a column (some depend on whether the column has fractions). */
export function numberFormat(format: CellFormat, fractions: boolean): string | undefined {
	switch (format) {
		case 'money':
			return fractions ? '"£"#,##0.00' : '"£"#,##0';
		case 'count':
			return fractions ? '#,##0.0' : '#,##0';
		case 'decimal':
			return '0.00';
		case 'percent':
			return '0%';
		case 'date':
			return 'd mmm yyyy';
		default:
			return undefined;
	}
}

const HEADER_FILL: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFE8EBF0' }
};

/** Writes the front sheet and then every sheet, as an .xlsx file. */
export async function writeWorkbook(front: FrontSheet, sheets: readonly Sheet[]): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Co-Commission';
	wb.title = front.title;

	const about = wb.addWorksheet(FRONT_SHEET);
	about.columns = [{ width: 30 }, { width: 100 }];
	about.addRow([front.title]).font = { bold: true, size: 14 };
	for (const line of front.lines) about.addRow([line]);
	about.addRow([]);
	const head = about.addRow(['Sheet', 'What it holds']);
	head.font = { bold: true };
	head.eachCell((cell) => (cell.fill = HEADER_FILL));
	for (const s of sheets) {
		const row = about.addRow([s.name, s.about]);
		row.getCell(1).value = { text: s.name, hyperlink: `#'${s.name}'!A1` };
		row.getCell(1).font = { color: { argb: 'FF1D4ED8' }, underline: true };
		row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
	}

	for (const s of sheets) {
		const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		const style = (format: CellFormat, c: number): Partial<ExcelJS.Style> => ({
			numFmt: numberFormat(format, hasFraction(s, c, format)),
			alignment: { vertical: 'top', wrapText: format === 'wrap' }
		});
		ws.columns = s.columns.map((c, i) => ({
			header: c.header,
			width: c.width,
			style: style(c.format, i)
		}));
		const header = ws.getRow(1);
		header.font = { bold: true };
		header.alignment = { vertical: 'bottom', wrapText: true };
		header.eachCell((cell) => (cell.fill = HEADER_FILL));
		s.rows.forEach((r, i) => {
			// An empty text is a blank cell.
			const row = ws.addRow(r.map((v) => (v === '' ? null : v)));
			s.formats[i].forEach((format, c) => {
				if (format !== s.columns[c].format) row.getCell(c + 1).style = style(format, c);
			});
		});
		if (s.columns.length)
			ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
	}
	return Buffer.from(await wb.xlsx.writeBuffer());
}
