/**
 * What each long export does, step by step, with plain labels for the job page. Synchronous
 * database code and no SvelteKit imports, so that it runs the same in a worker thread, in the
 * request's process (tests, a database in memory) and under the benchmarks.
 */
import type * as audit from '../audit';
import * as voteExports from '../budget/exports';
import { Refusal } from '../command-refusal';
import type { DB } from '../db/open';
import { openDataZip, type OpenDataStep } from '../report/open-data';
import { engagementReport } from '../report/report';

export type ExportTask =
	| { kind: 'open-data'; format: 'zip'; entityId: number }
	| { kind: 'vote'; format: voteExports.ExportFormat; entityId: number };

/** Who asked, and the council's name for the files that carry it. */
export interface ExportContext {
	actor: audit.Actor;
	councilName: string;
}

export interface BuiltExport {
	bytes: Uint8Array;
	fileName: string;
	mime: string;
}

type StepKey = 'report' | OpenDataStep | 'read' | 'write';

/** Each vote export: its name on the job page, and what the page says while it is written. */
const VOTE_FILES: Record<voteExports.ExportFormat, { title: string; writing: string }> = {
	csv: { title: 'Vote count (CSV)', writing: 'Writing the CSV file' },
	xlsx: { title: 'Vote count (Excel)', writing: 'Writing the Excel workbook' },
	json: { title: 'Vote count (JSON)', writing: 'Writing the JSON file' },
	pb: { title: 'Vote count (Pabulib)', writing: 'Writing the Pabulib file' }
};

/** What the job page calls the export. */
export function titleOf(task: ExportTask): string {
	return task.kind === 'open-data' ? 'Open data (ZIP)' : VOTE_FILES[task.format].title;
}

/** The steps of a task in order, with what the job page says during each. */
export function stepsOf(task: ExportTask): { key: StepKey; label: string }[] {
	if (task.kind === 'open-data')
		return [
			{ key: 'report', label: 'Reading the engagement report' },
			{ key: 'ballots', label: "Reading and counting the vote's ballots" },
			{ key: 'count', label: 'Writing the anonymised ballots' },
			{ key: 'pabulib', label: 'Writing the Pabulib file' },
			{ key: 'tables', label: 'Writing the survey, lab and charter tables' },
			{ key: 'zip', label: 'Compressing the ZIP file' }
		];
	return [
		{ key: 'read', label: "Reading the vote's ballots and its official count" },
		{ key: 'write', label: VOTE_FILES[task.format].writing }
	];
}

/**
 * Builds the file. Every export is audit-logged as the direct downloads always were: the
 * open-data ZIP by `openDataZip`, a vote's files by `prepareExport`.
 * @throws Refusal when the export cannot be made from what is in the database (the engagement
 * is gone; the vote is still open, refused by `prepareExport`): a failure to tell the staff
 * member as it is, which the job records as its error (see `buildJob`).
 */
export async function buildExport(
	db: DB,
	task: ExportTask,
	ctx: ExportContext,
	onStep: (key: StepKey) => void
): Promise<BuiltExport> {
	if (task.kind === 'open-data') {
		onStep('report');
		const report = engagementReport(db, task.entityId);
		if (!report) throw new Refusal('_', 'Engagement not found');
		const zip = openDataZip(db, ctx.actor, report, ctx.councilName, onStep);
		return {
			bytes: zip,
			fileName: `open-data-engagement-${report.engagement.id}.zip`,
			mime: 'application/zip'
		};
	}
	onStep('read');
	const data = voteExports.prepareExport(
		db,
		ctx.actor,
		task.entityId,
		task.format,
		ctx.councilName
	);
	onStep('write');
	const body =
		task.format === 'csv'
			? voteExports.csvExport(data)
			: task.format === 'xlsx'
				? new Uint8Array(await voteExports.xlsxExport(data))
				: task.format === 'json'
					? voteExports.jsonExport(data)
					: voteExports.pabulibExport(data);
	const { mime, ext } = voteExports.EXPORT_TYPES[task.format];
	return {
		bytes: typeof body === 'string' ? new TextEncoder().encode(body) : body,
		fileName: `vote-${data.vote.id}-count.${ext}`,
		mime
	};
}
