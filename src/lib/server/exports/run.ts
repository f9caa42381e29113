/**
 * Builds one job's file and keeps its row up to date, on the connection of whoever builds it:
 * the worker thread writes its own progress, so the server's thread never waits for the
 * database while the worker holds the write lock (reading a vote's ballots and recording the
 * export in the audit log happen in one transaction).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { isRefusal } from '../command-refusal';
import type { DB } from '../db/open';
import { exportJob } from '../db/schema';
import { buildExport, stepsOf, type ExportContext, type ExportTask } from './build';

/** How long a finished file is kept: long enough to download it, short enough not to linger. */
export const RETENTION_MS = 60 * 60 * 1000;

export const UNEXPECTED =
	'Something went wrong while building the file. Try again; if it happens again, tell your administrator.';

export interface JobInput {
	jobId: string;
	task: ExportTask;
	ctx: ExportContext;
	/** Where the finished file goes; it appears there only when complete. */
	outPath: string;
}

export async function buildJob(db: DB, input: JobInput): Promise<void> {
	const steps = stepsOf(input.task);
	const set = (values: Partial<typeof exportJob.$inferInsert>) =>
		db.update(exportJob).set(values).where(eq(exportJob.id, input.jobId)).run();
	const tmp = `${input.outPath}.tmp`;
	try {
		const built = await buildExport(db, input.task, input.ctx, (key) => {
			const i = Math.max(
				0,
				steps.findIndex((s) => s.key === key)
			);
			set({ status: 'running', step: i, stepLabel: steps[i].label });
		});
		writeFileSync(tmp, built.bytes);
		renameSync(tmp, input.outPath);
		const now = new Date();
		set({
			status: 'done',
			step: steps.length,
			stepLabel: 'Ready to download',
			fileName: built.fileName,
			mime: built.mime,
			size: built.bytes.length,
			finishedAt: now,
			expiresAt: new Date(now.getTime() + RETENTION_MS)
		});
	} catch (e) {
		rmSync(tmp, { force: true });
		rmSync(input.outPath, { force: true });
		// A refusal (the vote is open, the engagement is gone) is the job's error as it is; any
		// other failure is logged here and the page says only that something went wrong.
		const expected = isRefusal(e);
		if (!expected) console.error('Export failed', e);
		set({
			status: 'failed',
			stepLabel: 'Failed',
			error: expected ? e.message : UNEXPECTED,
			finishedAt: new Date()
		});
	}
}
