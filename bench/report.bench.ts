/**
 * The engagement report's exports for a 100,000-ballot vote (`npm run bench -- report`):
 * the report (first count, then from the count cache), the priorities workbook and the
 * open-data ZIP. Target: a 100,000-ballot workbook in under 5 seconds, with flat memory, and
 * long exports that never hold the server: the ZIP is built once in this thread (as the old
 * direct download did) and once as an export job in a worker thread, each while a small HTTP
 * server in this process answers a request every 25 ms; the longest event-loop stall
 * (`monitorEventLoopDelay`) and those requests' latency show whether other users would wait.
 * In-process on a throwaway database file seeded with the demo council. Prints figures; never
 * fails on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/open';
import { user, voteResult } from '../src/lib/server/db/schema';
import { startExport, type ExportTask, type JobsConfig } from '../src/lib/server/exports/jobs';
import { openDataZip } from '../src/lib/server/report/open-data';
import { prioritiesWorkbook } from '../src/lib/server/report/priorities-export';
import { engagementReport } from '../src/lib/server/report/report';
import { seedIfEmpty } from '../src/lib/server/seed';
import { makeBigVote } from './big-vote';

const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
const file = join(dir, 'bench.db');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function timed<T>(label: string, fn: () => T | Promise<T>, collect = true): Promise<T> {
	if (collect) globalThis.gc?.();
	const rss0 = process.memoryUsage().rss;
	const t0 = performance.now();
	const value = await fn();
	const ms = performance.now() - t0;
	console.log(
		`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   rss ${mb(process.memoryUsage().rss)} (was ${mb(rss0)})`
	);
	return value;
}

/**
 * Runs `fn` while a client asks a small server in this process for a few bytes every 25 ms, and
 * prints the longest event-loop stall and those requests' latency.
 */
async function whileServing<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
	const server = createServer((_, res) => res.end('ok'));
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	// Requests are due every 25 ms and each one's latency counts from when it was due, so a
	// request that could not even be sent while the thread was busy counts as waiting.
	const latencies: number[] = [];
	let stop = false;
	const client = (async () => {
		const start = performance.now();
		for (let k = 0; !stop; k++) {
			const due = start + k * 25;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			await (await fetch(url)).text();
			latencies.push(performance.now() - due);
		}
	})();
	// Collect garbage first, so that the stall measured is the export's and not the benchmark's;
	// the monitor needs a few turns of the loop before it records.
	globalThis.gc?.();
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	await new Promise((r) => setTimeout(r, 100));
	latencies.length = 0;
	const value = await timed(label, fn, false);
	// One more turn, so that a stall at the very end is sampled too.
	await new Promise((r) => setTimeout(r, 50));
	delay.disable();
	stop = true;
	await client;
	server.close();
	const sorted = [...latencies].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	console.log(
		`    longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms; ${sorted.length} concurrent requests: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`
	);
	return value;
}

/** An export job (worker thread) from start to finished file. */
async function job(db: ReturnType<typeof openDatabase>, cfg: JobsConfig, task: ExportTask) {
	const admin = db.select().from(user).where(eq(user.role, 'admin')).get()!;
	const { done } = startExport(
		db,
		cfg,
		{ id: admin.id, email: admin.email, name: admin.name, role: 'admin' } as Parameters<
			typeof startExport
		>[2],
		task,
		'Harbourside Borough Council'
	);
	const outcome = await done;
	if (outcome.status === 'failed') throw new Error(outcome.message);
}

try {
	const seedDb = openDatabase(file);
	await seedIfEmpty(seedDb);
	seedDb.$client.close();
	// Engagement 1's biggest closed vote is the one the report picks.
	makeBigVote(file, 100_000, 1);
	const db = openDatabase(file);
	console.log('Engagement report with a closed vote of 100,000 ballots:');
	await timed('report (first count of the vote)', () => engagementReport(db, 1));
	const report = await timed('report (count served from the cache)', () =>
		engagementReport(db, 1)!
	);
	const xlsx = await timed('priorities workbook (Excel)', () => prioritiesWorkbook(report));
	// The generated vote was closed by hand: record its official count, as closing does, so that
	// the open data includes its 100,000 anonymised ballots.
	const big = report.vote!;
	db.insert(voteResult)
		.values({
			voteId: big.id,
			digest: big.result.digest,
			ballots: big.result.ballots.total,
			countedAt: new Date()
		})
		.run();
	big.officialDigest = big.result.digest;
	const zip = await whileServing('open-data ZIP in this thread (old direct download)', () =>
		openDataZip(db, { id: null, email: 'bench' }, report, 'Harbourside Borough Council')
	);
	const cfg: JobsConfig = { dir: join(dir, 'exports'), databaseUrl: file, idleMs: 1000 };
	// Under tsx the worker compiles its TypeScript as it starts; the production build does not.
	// Three times over: memory must not grow from one job to the next.
	for (const n of [1, 2, 3])
		await whileServing(`open-data ZIP as an export job (worker thread) #${n}`, () =>
			job(db, cfg, { kind: 'open-data', format: 'zip', entityId: 1 })
		);
	await whileServing('vote count workbook as an export job (worker)', () =>
		job(db, cfg, { kind: 'vote', format: 'xlsx', entityId: big.id })
	);
	await whileServing('vote Pabulib file as an export job (worker)', () =>
		job(db, cfg, { kind: 'vote', format: 'pb', entityId: big.id })
	);
	// The worker takes one job at a time and stops when idle, giving its memory back.
	await new Promise((r) => setTimeout(r, 3000));
	globalThis.gc?.();
	console.log(`  rss once the export worker has stopped (idle): ${mb(process.memoryUsage().rss)}`);
	console.log(
		`  workbook ${Math.round(xlsx.length / 1024)} KB, ZIP ${Math.round(zip.length / 1024)} KB; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`
	);
	console.log('  target: the 100,000-ballot workbook in under 5 s, memory flat');
	console.log(
		`  load average ${loadavg()
			.map((x) => x.toFixed(2))
			.join(', ')}`
	);
	db.$client.close();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
