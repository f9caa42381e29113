/**
 * The worker thread that builds exports, so that counting 100,000 ballots and compressing the
 * files never holds the server's event loop. It takes one job at a time, in the order they
 * come, on its own connection to the database file (WAL).
 *
 * The thread runs this same module: it is imported dynamically, so the production build gives
 * it a chunk of its own, and `workerUrl` says where that chunk is (or, under Vite's dev server,
 * vitest and tsx, where the TypeScript source is).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { JobInput } from './run';

export const workerUrl = import.meta.url;

/** What the server's thread hears: this job is finished (built, or failed and recorded). */
export interface WorkerFinished {
	jobId: string;
}

if (!isMainThread && parentPort && workerData?.coCommissionExports) {
	const port = parentPort;
	// Imported here, not above: the server's thread imports this module only to learn
	// `workerUrl`, and must not pay for loading exceljs and the rest on a request.
	const { openDatabase } = await import('../db/open');
	const { buildJob } = await import('./run');
	const db = openDatabase(workerData.coCommissionExports.databaseUrl as string);
	let queue = Promise.resolve();
	port.on('message', (input: JobInput) => {
		queue = queue
			.then(() => buildJob(db, input))
			.then(() => port.postMessage({ jobId: input.jobId } satisfies WorkerFinished));
	});
}
