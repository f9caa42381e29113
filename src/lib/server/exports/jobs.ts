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
import * as audit from '../audit';
import type { DB } from '../db/open';
import { exportJob } from '../db/schema';
import type { Role, SessionUser } from '../session';
import { generateToken } from '../tokens';
import { buildExport, ExportError, stepsOf, type ExportTask } from './build';
import type { WorkerInput, WorkerMessage } from './worker';

export type ExportJob = typeof exportJob.$inferSelect;
export type { ExportTask } from './build';

/** How long a finished file is kept: long enough to download it, short enough not to linger. */
export const RETENTION_MS = 60 * 60 * 1000;

/** Who may start and fetch each kind: the same roles as its direct-download route. */
export const EXPORT_ROLES: Record<ExportTask['kind'], Role[]> = {
	'open-data': ['admin', 'commissioner', 'facilitator'],
	vote: ['admin', 'commissioner']
};

/** This server process. Jobs left queued or running by another (an earlier run) have failed. */
const RUNNER = randomUUID();

const UNEXPECTED =
	'Something went wrong while building the file. Try again; if it happens again, tell your administrator.';

export interface JobsConfig {
	/** Where finished files are kept (created when needed). */
	dir: string;
	/** The database file a worker opens; `:memory:` builds in this process instead. */
	databaseUrl: string;
	now?: () => Date;
}

export type Outcome = { ok: true } | { ok: false; message: string; expected: boolean };

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
			stepLabel: 'Starting',
			runner: RUNNER,
			createdAt: now
		})
		.returning()
		.get();
	const input: WorkerInput = {
		databaseUrl: cfg.databaseUrl,
		task,
		ctx: { actor: { id: user.id, email: user.email }, councilName },
		outPath: filePath(cfg, job.id)
	};
	mkdirSync(cfg.dir, { recursive: true });
	const done = new Promise<Outcome>((resolve) => {
		const onMessage = (m: WorkerMessage) => {
			const at = clock(cfg);
			if (m.type === 'step') {
				const i = Math.max(
					0,
					steps.findIndex((s) => s.key === m.key)
				);
				db.update(exportJob)
					.set({ status: 'running', step: i, stepLabel: steps[i].label })
					.where(eq(exportJob.id, job.id))
					.run();
			} else if (m.type === 'done') {
				db.update(exportJob)
					.set({
						status: 'done',
						step: steps.length,
						stepLabel: 'Ready to download',
						fileName: m.fileName,
						mime: m.mime,
						size: m.size,
						finishedAt: at,
						expiresAt: new Date(at.getTime() + RETENTION_MS)
					})
					.where(eq(exportJob.id, job.id))
					.run();
				resolve({ ok: true });
			} else {
				rmSync(input.outPath, { force: true });
				const message = m.expected ? m.message : UNEXPECTED;
				db.update(exportJob)
					.set({ status: 'failed', stepLabel: 'Failed', error: message, finishedAt: at })
					.where(eq(exportJob.id, job.id))
					.run();
				resolve({ ok: false, message, expected: m.expected });
			}
		};
		const run = cfg.databaseUrl === ':memory:' ? runHere(db, input) : runInWorker(input);
		run(onMessage).catch((e) => {
			console.error('Export job could not run', e);
			onMessage({ type: 'failed', message: UNEXPECTED, expected: false });
		});
	});
	return { job, done };
}

/**
 * In this process, for a database in memory (tests): the same steps, with a turn of the event
 * loop between them so the job page can be read while it runs.
 */
function runHere(db: DB, input: WorkerInput) {
	return async (post: (m: WorkerMessage) => void) => {
		await new Promise(setImmediate);
		const { writeFileSync } = await import('node:fs');
		try {
			const built = await buildExport(db, input.task, input.ctx, (key) =>
				post({ type: 'step', key })
			);
			writeFileSync(input.outPath, built.bytes);
			post({ type: 'done', fileName: built.fileName, mime: built.mime, size: built.bytes.length });
		} catch (e) {
			if (!(e instanceof ExportError)) console.error('Export failed', e);
			const message = e instanceof Error ? e.message : String(e);
			post({ type: 'failed', message, expected: e instanceof ExportError });
		}
	};
}

/** In a worker thread, which opens its own connection to the database file (WAL). */
function runInWorker(input: WorkerInput) {
	return async (post: (m: WorkerMessage) => void) => {
		const { workerUrl } = await import('./worker');
		const url = new URL(workerUrl);
		// Under `vite dev` or tsx the worker is TypeScript source: let tsx load it.
		const source = url.pathname.endsWith('.ts');
		const worker = new Worker(url, {
			workerData: { coCommissionExport: input },
			execArgv: source ? [...process.execArgv, '--import', 'tsx'] : undefined
		});
		await new Promise<void>((resolve) => {
			let settled = false;
			worker.on('message', (m: WorkerMessage) => {
				if (m.type !== 'step') settled = true;
				post(m);
			});
			worker.on('error', (e) => {
				console.error('Export worker failed', e);
				if (!settled) post({ type: 'failed', message: UNEXPECTED, expected: false });
				settled = true;
			});
			worker.on('exit', () => {
				if (!settled) post({ type: 'failed', message: UNEXPECTED, expected: false });
				resolve();
			});
		});
	};
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

/** The job as it stands now (expired files removed first), or undefined if there is none. */
export function getExport(db: DB, cfg: JobsConfig, id: string): ExportJob | undefined {
	sweepExports(db, cfg, clock(cfg));
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
