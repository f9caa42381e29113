import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../../test/db';
import { openDatabase, type DB } from '../db/open';
import { auditLog, exportJob, user, vote } from '../db/schema';
import { seedIfEmpty } from '../seed';
import type { SessionUser } from '../session';
import {
	getExport,
	mayFetch,
	openExport,
	progressOf,
	RETENTION_MS,
	startExport,
	type ExportJob,
	type JobsConfig
} from './jobs';

let dir: string;
let db: DB;
let staff: Record<'admin' | 'commissioner' | 'facilitator', SessionUser>;
const COUNCIL = 'Harbourside Borough Council';

const config = (now?: () => Date): JobsConfig => ({
	dir: join(dir, 'exports'),
	databaseUrl: join(dir, 'jobs.db'),
	now
});
const row = (id: string) => db.select().from(exportJob).where(eq(exportJob.id, id)).get()!;
const files = () => (existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []);

async function read(body: ReadableStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(body).arrayBuffer());
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'export-jobs-'));
	db = openDatabase(join(dir, 'jobs.db'));
	await seedIfEmpty(db);
	const of = (role: SessionUser['role']) => {
		const u = db.select().from(user).where(eq(user.role, role)).get()!;
		return { id: u.id, email: u.email, name: u.name, role: u.role } as SessionUser;
	};
	staff = { admin: of('admin'), commissioner: of('commissioner'), facilitator: of('facilitator') };
}, 60_000);

afterAll(() => {
	db.$client.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('an export job', () => {
	it('builds the open-data ZIP in a worker thread, its progress only moving forward', async () => {
		const cfg = config();
		const { job, done } = startExport(
			db,
			cfg,
			staff.commissioner,
			{ kind: 'open-data', format: 'zip', entityId: 1 },
			COUNCIL
		);
		expect(job.status).toBe('queued');
		const seen: ExportJob[] = [job];
		let finished = false;
		void done.then(() => (finished = true));
		while (!finished) {
			await new Promise((r) => setTimeout(r, 2));
			seen.push(row(job.id));
		}
		expect(await done).toEqual({ status: 'done' });
		const percents = seen.map((j) => progressOf(j).percent);
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		expect(percents.at(-1)).toBe(100);
		expect(new Set(seen.map((j) => j.stepLabel)).size).toBeGreaterThan(2);

		const finishedJob = getExport(db, cfg, job.id)!;
		expect(finishedJob).toMatchObject({ status: 'done', fileName: 'open-data-engagement-1.zip' });
		const file = openExport(db, cfg, finishedJob, staff.commissioner)!;
		const zip = unzipSync(await read(file.body));
		expect(Object.keys(zip)).toContain('vote.pb');
		expect(strFromU8(zip['README.md'])).toContain('# Open data');
		// The export is audit-logged by the person who asked, as the direct download is.
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'report.export.open-data'));
		expect(entry.all().at(-1)?.actorEmail).toBe(staff.commissioner.email);
	}, 60_000);

	it.each([
		['an engagement that does not exist', { kind: 'open-data', format: 'zip', entityId: 999 }],
		['a vote still open', { kind: 'vote', format: 'xlsx', entityId: -1 }]
	] as const)(
		'of %s fails with a plain error and leaves no file',
		async (_, base) => {
			const open = db.select().from(vote).where(eq(vote.status, 'open')).get()!;
			const task = base.entityId === -1 ? { ...base, entityId: open.id } : base;
			const cfg = config();
			const audits = db.select().from(auditLog).all().length;
			const { job, done } = startExport(db, cfg, staff.admin, task, COUNCIL);
			const outcome = await done;
			expect(outcome).toMatchObject({ status: 'failed', expected: true });
			const failed = getExport(db, cfg, job.id)!;
			expect(failed.status).toBe('failed');
			expect(failed.error).toMatch(/Engagement not found|close the vote first/);
			expect(files().filter((f) => f.startsWith(job.id))).toEqual([]);
			expect(openExport(db, cfg, failed, staff.admin)).toBeUndefined();
			// Refused before anything was read out: no export is recorded.
			expect(db.select().from(auditLog).all()).toHaveLength(audits);
		},
		60_000
	);

	it('keeps the file for an hour, then deletes it', async () => {
		let now = new Date();
		const cfg = config(() => now);
		const closed = db.select().from(vote).where(eq(vote.status, 'closed')).get()!;
		const task = { kind: 'vote', format: 'csv', entityId: closed.id } as const;
		const { job, done } = startExport(db, cfg, staff.commissioner, task, COUNCIL);
		expect(await done).toEqual({ status: 'done' });
		expect(files()).toContain(`${job.id}.export`);
		const { finishedAt, expiresAt } = row(job.id);
		expect(expiresAt!.getTime() - finishedAt!.getTime()).toBe(RETENTION_MS);
		now = new Date(expiresAt!.getTime() - 1000);
		expect(getExport(db, cfg, job.id)?.status).toBe('done');
		now = new Date(expiresAt!.getTime() + 1000);
		const expired = getExport(db, cfg, job.id)!;
		expect(expired.status).toBe('expired');
		expect(files()).not.toContain(`${job.id}.export`);
		expect(openExport(db, cfg, expired, staff.commissioner)).toBeUndefined();
	}, 60_000);

	it("of a vote cannot be fetched by a role that may not export votes; a colleague's download is audit-logged", async () => {
		const cfg = config();
		const closed = db.select().from(vote).where(eq(vote.status, 'closed')).get()!;
		const task = { kind: 'vote', format: 'json', entityId: closed.id } as const;
		const { job, done } = startExport(db, cfg, staff.commissioner, task, COUNCIL);
		expect(await done).toEqual({ status: 'done' });
		const finished = getExport(db, cfg, job.id)!;
		expect(mayFetch(finished, 'facilitator')).toBe(false);
		expect(openExport(db, cfg, finished, staff.facilitator)).toBeUndefined();
		const file = openExport(db, cfg, finished, staff.admin)!;
		expect(JSON.parse(new TextDecoder().decode(await read(file.body))).result.digest).toMatch(
			/^[0-9a-f]{64}$/
		);
		const entries = db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'export.download'))
			.all()
			.filter((e) => e.entityId === job.id);
		expect(entries.map((e) => e.actorEmail)).toEqual([staff.admin.email]);
	}, 60_000);

	it('left unfinished by an earlier server process has failed', () => {
		const cfg = config();
		db.insert(exportJob)
			.values({
				id: 'left-behind',
				kind: 'open-data',
				format: 'zip',
				entityId: 1,
				status: 'running',
				steps: 6,
				stepLabel: 'Counting the anonymised ballots',
				runner: 'an-earlier-process',
				createdAt: new Date()
			})
			.run();
		expect(getExport(db, cfg, 'left-behind')).toMatchObject({
			status: 'failed',
			error: expect.stringContaining('restarted')
		});
	});

	it('is not found for an id no job could have, and looking changes nothing', () => {
		const before = db.select().from(exportJob).all();
		for (const id of ['', 'NOT-A-TOKEN', '../../etc/passwd', 'x'.repeat(65), "a' or 1=1 --"])
			expect(getExport(db, config(), id)).toBeUndefined();
		expect(db.select().from(exportJob).all()).toEqual(before);
	});

	it('runs in this process when the database is in memory', async () => {
		const mem = testDb();
		const admin = staffUser(mem, 'admin');
		const cfg = { ...config(), databaseUrl: ':memory:' };
		const { job, done } = startExport(
			mem,
			cfg,
			{ id: admin.id, email: admin.email, name: admin.name, role: 'admin' } as SessionUser,
			{ kind: 'open-data', format: 'zip', entityId: 1 },
			COUNCIL
		);
		expect(await done).toMatchObject({
			status: 'failed',
			message: 'Engagement not found',
			expected: true
		});
		expect(getExport(mem, cfg, job.id)?.status).toBe('failed');
	});
});
