/**
 * A table defined once for both kinds of export: each column has a stable snake_case key (the
 * CSV header scripts read), a header in words, a width and a format (what a workbook shows),
 * and the value of a row. A CSV writes a column's `code` when it has one (an internal code such
 * as `protected`, stable for scripts), else its value; a workbook writes the value (words) and
 * leaves out columns marked `sheet: false` (ids that mean nothing to a reader).
 */

/** How a workbook shows a column (server/workbook.ts turns these into Excel formats). */
export type CellFormat =
	/** Short text on one line. */
	| 'text'
	/** Text that wraps within the column. */
	| 'wrap'
	/** A count: whole numbers, or one decimal place in a column with fractions (weighted votes). */
	| 'count'
	/** A mean to two decimal places. */
	| 'decimal'
	/** Pounds: whole pounds, or pence in a column where some amount has pence. */
	| 'money'
	/** A share from 0 to 1, shown as a percentage. */
	| 'percent'
	| 'date';

export type CellValue = string | number | Date | null;

export interface Column<T> {
	key: string;
	header: string;
	/** Width in characters. */
	width: number;
	format: CellFormat;
	/** A row's own format, in a column of mixed values (an item and its value). */
	formatOf?: (row: T) => CellFormat;
	value: (row: T) => CellValue;
	/** What a CSV writes instead of the value: an internal code. */
	code?: (row: T) => CellValue;
	/** False for a CSV-only column. */
	sheet?: false;
}

/** A CSV's cell: a date as an ISO date, anything else as it is. */
function csvValue(v: CellValue): string | number | null {
	return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

/** The header and rows of a table as a CSV writes them (keys, then codes or values). */
export function csvRows<T>(
	columns: readonly Column<T>[],
	rows: readonly T[]
): (string | number | null)[][] {
	return [
		columns.map((c) => c.key),
		...rows.map((r) => columns.map((c) => csvValue((c.code ?? c.value)(r))))
	];
}
