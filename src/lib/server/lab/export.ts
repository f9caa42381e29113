/**
 * The whole board for the record: every idea (hidden ones with their reasons), every theme,
 * dots and roles, as CSV or as rows for the printable page. Each export is audit-logged.
 */
import { boardCsv, boardExportRows, type ExportRow } from '../../lab/board-export';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { loadBoard, type LabRecord, type LabMember } from './board';

export interface BoardExport {
	lab: LabRecord;
	rows: ExportRow[];
	members: LabMember[];
	dotsPlaced: number;
}

/**
 * Reads the board and records the export in the same transaction, so the audit log says
 * exactly what was handed out. Undefined if there is no such lab.
 */
export function exportBoard(
	db: DB,
	actor: audit.Actor,
	labId: number,
	format: 'csv' | 'print',
	now = new Date()
): BoardExport | undefined {
	return write(db, (tx) => {
		const loaded = loadBoard(tx, labId);
		if (!loaded) return undefined;
		const rows = boardExportRows(loaded.board, loaded.dots, loaded.members);
		audit.record(
			tx,
			actor,
			{
				action: 'lab.export',
				entityType: 'lab',
				entityId: labId,
				after: { format, rows: rows.length, version: loaded.lab.version }
			},
			now
		);
		return { lab: loaded.lab, rows, members: loaded.members, dotsPlaced: loaded.dots.length };
	});
}

/** The board as CSV text (with a byte-order mark so spreadsheets read Welsh letters right). */
export function csvOf(rows: readonly ExportRow[]): string {
	return `\uFEFF${boardCsv(rows)}`;
}
