/**
 * Export jobs: a staff member asks for a long export, the file is built in a worker thread (see
 * `worker.ts`) while a job page shows each step, and the finished file is kept for an hour.
 * The job's row is the only state: the page, the download and the direct-download routes all
 * read it, so any of them can be reloaded at any time.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { and, eq, inArray, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import * as audit from '../audit';
import type { DB } from '../db/open';
import { exportJob } from '../db/schema';
import type { Role, SessionUser } from '../session';
import { generateToken } from '../tokens';
import { stepsOf, type ExportTask } from './build';
import { buildJob, RETENTION_MS, UNEXPECTED, type JobInput } from './run';
import type { WorkerFinished } from './worker';

export type ExportJob = typeof exportJob.$inferSelect;
export type { ExportTask } from './build';

export { RETENTION_MS } from './run';

/** Who may start and fetch each kind: the same roles as its direct-download route. */
export const EXPORT_ROLES: Record<ExportTask['kind'], Role[]> = {
	'open-data': ['admin', 'commissioner', 'facilitator'],
	vote: ['admin', 'commissioner']
};

/** This server process. Jobs left queued or running by another (an earlier run) have failed. */
const RUNNER = randomUUID();

export interface JobsConfig {
	/** Where finished files are kept (created when needed). */
	dir: string;
	/** The database file a worker opens; `:memory:` builds in this process instead. */
	databaseUrl: string;
	/** How long the worker waits for another job before it stops and gives back its memory. */
	idleMs?: number;
	now?: () => Date;
}

/**
 * How a job ended, as its row says: built, or failed with the message its page shows;
 * `expected` when the export was refused (the vote is open, the engagement is gone) rather
 * than broken. Not a refusal itself: the job has run, and its row keeps what happened.
 */
export type Outcome = { status: 'done' } | { status: 'failed'; message: string; expected: boolean };

const clock = (cfg: JobsConfig) => (cfg.now ?? (() => new Date()))();
const filePath = (cfg: JobsConfig, id: string) => join(cfg.dir, `${id}.export`);

export function mayFetch(job: Pick<ExportJob, 'kind'>, role: Role): boolean {
	return EXPORT_ROLES[job.kind].includes(role);
}

/** The job's task, from its row. */
export function taskOf(job: ExportJob): ExportTask {
	return { kind: job.kind, format: job.format, entityId: job.entityId } as ExportTask;
}

/** What the job page shows: the current step's label, its number, and a percentage. */
export function progressOf(job: ExportJob): { step: number; steps: number; percent: number } {
	const percent = job.status === 'done' ? 100 : Math.round((100 * job.step) / (job.steps + 1));
	return { step: Math.min(job.step + 1, job.steps), steps: job.steps, percent };
}

/**
 * Starts building `task` for `user` and returns its job at once. `done` settles (never rejects)
 * when the file is ready or the job has failed; the job page does not wait for it, the
 * direct-download routes do.
 */
export function startExport(
	db: DB,
	cfg: JobsConfig,
	user: SessionUser,
	task: ExportTask,
	councilName: string
): { job: ExportJob; done: Promise<Outcome> } {
	const now = clock(cfg);
	sweepExports(db, cfg, now);
	const steps = stepsOf(task);
	const job = db
		.insert(exportJob)
		.values({
			id: generateToken(),
			kind: task.kind,
			format: task.format,
			entityId: task.entityId,
			requestedBy: user.id,
			status: 'queued',
			step: 0,
			steps: steps.length,
			stepLabel: 'Waiting to start',
			runner: RUNNER,
			createdAt: now
		})
		.returning()
		.get();
	const input: JobInput = {
		jobId: job.id,
		task,
		ctx: { actor: { id: user.id, email: user.email }, councilName },
		outPath: filePath(cfg, job.id)
	};
	mkdirSync(cfg.dir, { recursive: true });
	const run = cfg.databaseUrl === ':memory:' ? buildHere(db, input) : buildInWorker(cfg, input);
	const done = run
		.catch((e) => {
			console.error('Export job could not run', e);
			return false;
		})
		.then((finished): Outcome => {
			if (!finished) {
				rmSync(input.outPath, { force: true });
				db.update(exportJob)
					.set({ status: 'failed', stepLabel: 'Failed', error: UNEXPECTED, finishedAt: clock(cfg) })
					.where(eq(exportJob.id, job.id))
					.run();
			}
			const after = db.select().from(exportJob).where(eq(exportJob.id, job.id)).get()!;
			if (after.status === 'done') return { status: 'done' };
			const message = after.error ?? UNEXPECTED;
			return { status: 'failed', message, expected: message !== UNEXPECTED };
		});
	return { job, done };
}

/**
 * In this process, for a database in memory (tests), after a turn of the event loop so that
 * the caller has the job before it is built.
 */
async function buildHere(db: DB, input: JobInput): Promise<boolean> {
	await new Promise(setImmediate);
	await buildJob(db, input);
	return true;
}

const IDLE_MS = 30_000;

/**
 * The export worker for one database file: started when a job comes, stopped when idle. One
 * thread, one job at a time, so exports never take more than one core from the server.
 */
class ExportWorker {
	#databaseUrl: string;
	#idleMs: number;
	#thread:
		Promise<{ worker: Worker; pending: Map<string, (finished: boolean) => void> }> | undefined;
	#live: Worker | undefined;
	#idle: ReturnType<typeof setTimeout> | undefined;

	constructor(databaseUrl: string, idleMs: number) {
		this.#databaseUrl = databaseUrl;
		this.#idleMs = idleMs;
	}

	/** Resolves true when the worker has finished the job, false if the worker died first. */
	async run(input: JobInput): Promise<boolean> {
		clearTimeout(this.#idle);
		const { worker, pending } = await (this.#thread ??= this.#start());
		worker.ref();
		return new Promise<boolean>((resolve) => {
			pending.set(input.jobId, resolve);
			worker.postMessage(input);
		});
	}

	async #start() {
		const { workerUrl } = await import('./worker');
		const url = new URL(workerUrl);
		// Under `vite dev`, vitest or the benchmarks the worker is TypeScript source: tsx loads it.
		const worker = new Worker(url, {
			workerData: { coCommissionExports: { databaseUrl: this.#databaseUrl } },
			execArgv: url.pathname.endsWith('.ts') ? ['--import', 'tsx'] : undefined,
			// A 100,000-ballot ZIP needs under half of this; a cap keeps the heap from creeping
			// from job to job, and an export too big for it fails alone, not the server.
			resourceLimits: { maxOldGenerationSizeMb: 512 }
		});
		this.#live = worker;
		const pending = new Map<string, (finished: boolean) => void>();
		worker.on('message', ({ jobId }: WorkerFinished) => {
			pending.get(jobId)?.(true);
			pending.delete(jobId);
			if (pending.size) return;
			// Idle: let the process exit if nothing else keeps it, and stop after a while (a job
			// that comes after that starts a new thread).
			worker.unref();
			this.#idle = setTimeout(() => {
				if (pending.size) return;
				this.#thread = this.#live = undefined;
				void worker.terminate();
			}, this.#idleMs);
			this.#idle.unref();
		});
		worker.on('error', (e) => console.error('Export worker failed', e));
		worker.on('exit', () => {
			for (const resolve of pending.values()) resolve(false);
			pending.clear();
			if (this.#live === worker) this.#thread = this.#live = undefined;
		});
		return { worker, pending };
	}
}

/** One worker per database file (the app has one; tests may have several). */
const workers = new Map<string, ExportWorker>();

function buildInWorker(cfg: JobsConfig, input: JobInput): Promise<boolean> {
	let worker = workers.get(cfg.databaseUrl);
	if (!worker)
		workers.set(
			cfg.databaseUrl,
			(worker = new ExportWorker(cfg.databaseUrl, cfg.idleMs ?? IDLE_MS))
		);
	return worker.run(input);
}

/** A job of the same task this user started that is still being built here, to reuse. */
export function exportInProgress(
	db: DB,
	user: SessionUser,
	task: ExportTask
): ExportJob | undefined {
	return db
		.select()
		.from(exportJob)
		.where(
			and(
				eq(exportJob.requestedBy, user.id),
				eq(exportJob.kind, task.kind),
				eq(exportJob.format, task.format),
				eq(exportJob.entityId, task.entityId),
				inArray(exportJob.status, ['queued', 'running']),
				eq(exportJob.runner, RUNNER)
			)
		)
		.get();
}

/** A job id from an address: short, lower-case letters, digits and hyphens (`startExport` makes
 * 32-letter tokens); anything else is no job, without asking the database. */
const JobIdSchema = z
	.string()
	.max(64)
	.regex(/^[a-z0-9-]+$/);

/** The job as it stands now (expired files removed first), or undefined if there is none. */
export function getExport(db: DB, cfg: JobsConfig, id: string): ExportJob | undefined {
	if (!JobIdSchema.safeParse(id).success) return undefined;
	// The job page asks every second: settle the jobs' rows, but leave the scan of the folder for
	// stray files to the start of an export.
	expireJobs(db, cfg, clock(cfg));
	return db.select().from(exportJob).where(eq(exportJob.id, id)).get();
}

/**
 * The finished file as a stream, for a user allowed to fetch it; a download by someone other
 * than the person who asked for it is audit-logged too, so that no copy leaves unrecorded.
 */
export function openExport(
	db: DB,
	cfg: JobsConfig,
	job: ExportJob,
	user: SessionUser
): { body: ReadableStream; size: number } | undefined {
	if (job.status !== 'done' || !mayFetch(job, user.role)) return undefined;
	const path = filePath(cfg, job.id);
	let size: number;
	try {
		size = statSync(path).size;
	} catch {
		return undefined;
	}
	if (job.requestedBy !== user.id)
		audit.record(
			db,
			{ id: user.id, email: user.email },
			{
				action: 'export.download',
				entityType: 'export_job',
				entityId: job.id,
				after: { kind: job.kind, format: job.format, entityId: job.entityId }
			}
		);
	return { body: Readable.toWeb(createReadStream(path)) as ReadableStream, size };
}

/**
 * Deletes files past their hour (the job stays, marked expired, so its page can say so), fails
 * jobs an earlier server process left unfinished, and removes stray files older than any job
 * could keep (from a crash, or a database that was replaced).
 */
export function sweepExports(db: DB, cfg: JobsConfig, now: Date): void {
	expireJobs(db, cfg, now);
	removeStrayFiles(cfg, now);
}

/** Files past their hour deleted and their jobs marked expired; orphaned jobs marked failed. */
function expireJobs(db: DB, cfg: JobsConfig, now: Date): void {
	const expired = db
		.select({ id: exportJob.id })
		.from(exportJob)
		.where(and(eq(exportJob.status, 'done'), lte(exportJob.expiresAt, now)))
		.all();
	for (const { id } of expired) {
		rmSync(filePath(cfg, id), { force: true });
		db.update(exportJob)
			.set({ status: 'expired', stepLabel: 'Expired' })
			.where(eq(exportJob.id, id))
			.run();
	}
	db.update(exportJob)
		.set({
			status: 'failed',
			stepLabel: 'Failed',
			error: 'The server restarted while this file was being built. Start the export again.',
			finishedAt: now
		})
		.where(and(inArray(exportJob.status, ['queued', 'running']), ne(exportJob.runner, RUNNER)))
		.run();
}

/** Files older than any job could keep: from a crash, or a database that was replaced. */
function removeStrayFiles(cfg: JobsConfig, now: Date): void {
	let names: string[];
	try {
		names = readdirSync(cfg.dir);
	} catch {
		return;
	}
	const limit = now.getTime() - RETENTION_MS - 10 * 60 * 1000;
	for (const name of names) {
		const path = join(cfg.dir, name);
		try {
			if (statSync(path).mtimeMs < limit) rmSync(path, { force: true });
		} catch {
			// Removed meanwhile by another sweep.
		}
	}
}
