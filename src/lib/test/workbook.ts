/** Reading workbooks back in tests: the file, a sheet's rows by header, or by their first cell. */
import ExcelJS from 'exceljs';

export async function readWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(file as unknown as ArrayBuffer);
	return wb;
}

/** A sheet's rows after the header, each as its cells keyed by the header's words. */
export function records(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
	const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
	const out: Record<string, ExcelJS.Cell>[] = [];
	ws.eachRow((row, i) => {
		if (i > 1) out.push(Object.fromEntries(headers.map((h, c) => [h, row.getCell(c + 1)])));
	});
	return out;
}

/** An item-and-value sheet (a summary): each item's value cell. */
export function items(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
	return new Map(records(ws).map((r) => [String(Object.values(r)[0].value), Object.values(r)[1]]));
}

/** The sheets a front sheet lists, with what it says each holds. */
export function listedSheets(front: ExcelJS.Worksheet): Map<string, string> {
	const out = new Map<string, string>();
	front.eachRow((row) => {
		const v = row.getCell(1).value as { text?: string; hyperlink?: string } | null;
		if (v && typeof v === 'object' && v.hyperlink) out.set(v.text!, String(row.getCell(2).value));
	});
	return out;
}
