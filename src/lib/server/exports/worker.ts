/**
 * The worker thread that builds an export, so that counting 100,000 ballots and compressing the
 * files never holds the server's event loop. The thread runs this same module: it is imported
 * dynamically, so the production build gives it a chunk of its own, and `workerUrl` says where
 * that chunk is (or, under Vite's dev server and tsx, where the TypeScript source is).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { buildExport, ExportError, type ExportContext, type ExportTask } from './build';

export const workerUrl = import.meta.url;

export interface WorkerInput {
	databaseUrl: string;
	task: ExportTask;
	ctx: ExportContext;
	/** Where the finished file goes; it appears there only when complete. */
	outPath: string;
}

export type WorkerMessage =
	| { type: 'step'; key: string }
	| { type: 'done'; fileName: string; mime: string; size: number }
	| { type: 'failed'; message: string; expected: boolean };

/** Builds the export into `outPath` (via a temporary file), telling `post` each step. */
export async function runInThread(
	input: WorkerInput,
	post: (m: WorkerMessage) => void
): Promise<void> {
	const db = openDatabase(input.databaseUrl);
	const tmp = `${input.outPath}.tmp`;
	try {
		const built = await buildExport(db, input.task, input.ctx, (key) =>
			post({ type: 'step', key })
		);
		writeFileSync(tmp, built.bytes);
		renameSync(tmp, input.outPath);
		post({ type: 'done', fileName: built.fileName, mime: built.mime, size: built.bytes.length });
	} catch (e) {
		rmSync(tmp, { force: true });
		const expected = e instanceof ExportError;
		if (!expected) console.error('Export failed', e);
		post({ type: 'failed', message: e instanceof Error ? e.message : String(e), expected });
	} finally {
		db.$client.close();
	}
}

if (!isMainThread && parentPort && workerData?.coCommissionExport) {
	const port = parentPort;
	void runInThread(workerData.coCommissionExport as WorkerInput, (m) => port.postMessage(m));
}
