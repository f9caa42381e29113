/**
 * The community budget vote against the production build on loopback (`npm run bench -- vote`):
 *
 * 1. Ballot submission: 5,000 complete ballots posted to the check-answers action of the demo's
 *    open vote by 32 concurrent keep-alive connections, each ballot from a new browser (no
 *    cookie), as a resident's browser posts them. Target: at least 1,000 ballots a second, p99 under 100 ms, none lost (the
 *    ballots in the database are counted afterwards).
 * 2. The public results page of a closed vote with 100,000 ballots: the first request counts and
 *    caches, the next ones are served from the count cache. Target: under 300 ms server time.
 *
 * Starts `node scripts/start.js` itself with a throwaway database (BUILD_DIR, default `build`,
 * must hold a build) and stops it at the end. Prints figures; never fails on timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { count as countAll, eq } from 'drizzle-orm';
import { mulberry32 } from '../src/lib/random/prng';
import { openDatabase } from '../src/lib/server/db/open';
import { makeBigVote } from './big-vote';
import { ballot } from '../src/lib/server/db/schema';

const PORT = Number(process.env.BENCH_PORT ?? 4461);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUILD_DIR = process.env.BUILD_DIR ?? 'build';
const SUBMISSIONS = Number(process.env.BENCH_BALLOTS ?? 5000);
const CONCURRENCY = 32;
const SEQUENTIAL = 300;
const BIG_VOTE = 100_000;
const RESULTS_REQUESTS = 50;

const dir = mkdtempSync(join(tmpdir(), 'vote-bench-'));
const DATABASE_URL = join(dir, 'bench.db');

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(times: number[]): string {
	const s = [...times].sort((a, b) => a - b);
	return `p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, p99 ${percentile(s, 99).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
}

async function startServer(): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DATABASE_URL,
			BUILD_DIR
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			const r = await fetch(`${ORIGIN}/`);
			if (r.ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	await exited;
}

/**
 * CPU time the server process has used, in ms (Linux: /proc), or null elsewhere. On a shared
 * machine throughput says as much about the neighbours as about the code; CPU per ballot does not.
 */
function serverCpuMs(pid: number | undefined): number | null {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime, fields 14 and 15 of the line (counted after the command name here).
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return null;
	}
}

async function benchSubmission(server: ChildProcess): Promise<void> {
	const home = await (await fetch(`${ORIGIN}/`)).text();
	const voteId = Number(/href="\/vote\/(\d+)"[^>]*>Libraries: your priorities/.exec(home)?.[1]);
	if (!voteId) throw new Error('the demo open vote is not on the home page');
	const page = await (await fetch(`${ORIGIN}/vote/${voteId}/ballot`)).text();
	const proposals = [...new Set([...page.matchAll(/name="mark-(\d+)"/g)].map((m) => m[1]))];
	// "Do you use it?" is asked once per service (counting rules version 2).
	const uses = [...new Set([...page.matchAll(/name="(use-[^"]+)"/g)].map((m) => m[1]))];
	const rng = mulberry32(42);
	const bodies = Array.from({ length: SUBMISSIONS }, () => {
		const form = new URLSearchParams();
		let wants = 0;
		let dontWants = 0;
		for (const p of proposals) {
			const r = rng();
			if (r < 0.35 && wants < 3) {
				form.set(`mark-${p}`, 'want');
				wants++;
			} else if (r < 0.55 && dontWants < 2) {
				form.set(`mark-${p}`, 'dontWant');
				dontWants++;
			}
		}
		for (const u of uses) if (rng() < 0.4) form.set(u, rng() < 0.5 ? 'yes' : 'no');
		form.set('area', ['harbour', 'old-town', 'northgate', 'westcliff'][Math.floor(rng() * 4)]);
		form.set('ageBand', ['16-24', '35-49', '65-74'][Math.floor(rng() * 3)]);
		form.set('segment-carers', rng() < 0.1 ? 'yes' : 'no');
		return form.toString();
	});
	// node:http with keep-alive rather than fetch: the clients share the machine's two cores with
	// the server, and fetch costs about 0.64 ms of CPU a request against 0.22 ms. No cookie is
	// ever sent back, so each ballot still comes from a new browser.
	const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
	const target = new URL(`${ORIGIN}/vote/${voteId}/check`);
	const post = (body: string) =>
		new Promise<{ status: number; location: string }>((resolve, reject) => {
			const req = http.request(
				{
					agent,
					host: target.hostname,
					port: target.port,
					path: target.pathname,
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						'content-length': Buffer.byteLength(body),
						origin: ORIGIN,
						accept: 'text/html'
					}
				},
				(res) => {
					res.resume();
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? '') })
					);
				}
			);
			req.on('error', reject);
			req.end(body);
		});
	// One client, one ballot at a time: the time each ballot costs the server, without queueing.
	const alone: number[] = [];
	let refused = 0;
	for (const body of bodies.slice(0, SEQUENTIAL)) {
		const t0 = performance.now();
		const r = await post(body);
		alone.push(performance.now() - t0);
		if (r.status !== 303) refused++;
	}
	const times: number[] = [];
	let next = SEQUENTIAL;
	const cpuBefore = serverCpuMs(server.pid);
	const clientCpu = process.cpuUsage();
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const t0 = performance.now();
				const r = await post(body);
				times.push(performance.now() - t0);
				if (r.status !== 303 || !r.location.includes('/done?ref=')) refused++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	const cpuAfter = serverCpuMs(server.pid);
	const client = process.cpuUsage(clientCpu);
	const concurrent = SUBMISSIONS - SEQUENTIAL;
	const db = openDatabase(DATABASE_URL);
	const stored = db.select({ n: countAll() }).from(ballot).where(eq(ballot.voteId, voteId)).get()!
		.n;
	db.$client.close();
	console.log(`Ballot submission (${proposals.length} proposals, a new browser per ballot):`);
	console.log(`  one at a time (${SEQUENTIAL} ballots): ${summary(alone)}`);
	console.log(
		`  ${CONCURRENCY} concurrent clients (${concurrent} ballots): ${(concurrent / seconds).toFixed(0)} ballots/s; ${summary(times)}`
	);
	console.log(
		`  refused ${refused}; stored ${stored} of ${SUBMISSIONS} (${SUBMISSIONS - refused - stored} lost)`
	);
	if (cpuBefore !== null && cpuAfter !== null) {
		const perBallot = (cpuAfter - cpuBefore) / concurrent;
		console.log(
			`  server CPU ${perBallot.toFixed(2)} ms per ballot: one core takes about ${Math.floor(1000 / perBallot)} ballots/s; the clients used ${((client.user + client.system) / 1000 / concurrent).toFixed(2)} ms per ballot (load average ${loadavg()[0].toFixed(1)})`
		);
	}
	console.log(`  target: >= 1,000 ballots/s, p99 < 100 ms, none lost`);
}

async function benchResults(voteId: number): Promise<void> {
	const url = `${ORIGIN}/vote/${voteId}/results`;
	const t0 = performance.now();
	const first = await fetch(url);
	const html = await first.text();
	const firstMs = performance.now() - t0;
	if (!first.ok || !html.includes('100,000')) throw new Error(`results page: ${first.status}`);
	const times: number[] = [];
	for (let i = 0; i < RESULTS_REQUESTS; i++) {
		const t = performance.now();
		const r = await fetch(url);
		await r.text();
		times.push(performance.now() - t);
	}
	const welsh = performance.now();
	await (await fetch(`${ORIGIN}/cy/vote/${voteId}/results`)).text();
	console.log('Results page of the 100,000-ballot vote (loopback, whole response):');
	console.log(`  first request (counts and caches): ${firstMs.toFixed(0)} ms`);
	console.log(`  next ${RESULTS_REQUESTS} (from the count cache): ${summary(times)}`);
	console.log(`  Welsh page: ${(performance.now() - welsh).toFixed(1)} ms`);
	console.log('  target: < 300 ms server time');
}

async function main() {
	if (!existsSync(join(BUILD_DIR, 'index.js')))
		throw new Error(`No build in ${BUILD_DIR}: run \`npm run build\` (or set BUILD_DIR) first.`);
	let server = await startServer();
	try {
		await benchSubmission(server);
	} finally {
		await stopServer(server);
	}
	const voteId = makeBigVote(DATABASE_URL, BIG_VOTE, 1);
	server = await startServer();
	try {
		await benchResults(voteId);
	} finally {
		await stopServer(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

await main();
