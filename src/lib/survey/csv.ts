/**
 * CSV for spreadsheets: RFC 4180 quoting, and formula injection neutralised. A cell that a
 * spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) is
 * written with a leading apostrophe, so a resident's "=HYPERLINK(...)" stays text.
 */

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet should show it: a formula-like start gets a leading `'`. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell. Numbers and booleans are written as they are (a negative number is a number, not
 * a formula); null and undefined are empty; any other value is text and is neutralised.
 */
export function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	const text = neutralise(String(value));
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line, without its line ending. */
export function csvLine(cells: readonly unknown[]): string {
	return cells.map(csvCell).join(',');
}

/**
 * A whole file: CRLF line endings and a UTF-8 byte order mark, so that Excel opens Welsh
 * characters (ŵ, ŷ) correctly.
 */
export function csvFile(rows: readonly (readonly unknown[])[]): string {
	return '\uFEFF' + rows.map(csvLine).join('\r\n') + '\r\n';
}
