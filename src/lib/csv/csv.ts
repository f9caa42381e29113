/**
 * CSV for spreadsheets, used by every export: RFC 4180 quoting (every text cell quoted), and
 * formula injection neutralised: a cell that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, so a resident's
 * "=HYPERLINK(...)" stays text. Files have CRLF line ends and a UTF-8 byte order mark, so Excel
 * shows Welsh letters (ŵ, ŷ) correctly.
 */

/** How a cell a spreadsheet would read as a formula starts (the Pabulib writer uses it too). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet should show it. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Numbers as they are (a negative number is a number, not a formula); null empty; text quoted. */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return `"${neutralise(String(value)).replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly unknown[]): string {
	return cells.map(csvCell).join(',');
}

export function csvFile(rows: readonly (readonly unknown[])[]): string {
	return '\uFEFF' + rows.map(csvLine).join('\r\n') + '\r\n';
}
