/**
 * The co-production lab under a full room, over HTTP on loopback against the production build:
 * 300 participants join, post ideas and place dots (as their phones' form posts do), while a
 * projector listens to the live stream. Measures the time from sending a post (or a dot) to its
 * event arriving on the projector's stream (target: p95 under 250 ms), and checks that no event
 * is lost: every accepted post and dot arrives exactly once, and versions have no gaps.
 * Three rounds: the projector alone listening with everything sent within 10 seconds; every
 * phone listening too, within 10 seconds; and every phone listening at a room's pace (a minute).
 *
 * `npm run bench -- lab`. Starts `node scripts/start.js` on a free loopback port with a
 * throwaway database and BUILD_DIR (default build-lab, built first if missing), and stops it
 * at the end. Prints figures; never fails on timing.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LiveEvent } from '../src/lib/lab/view';

const PARTICIPANTS = Number(process.env.LAB_BENCH_PARTICIPANTS ?? 300);
const IDEAS_EACH = 2;
const DOTS_EACH = 5;
/** The stress rounds spread each phase's posts and dots over 10 s: a room typing at once. */
const BURST_MS = 10_000;
/** The last round paces them over a minute, closer to a real room. */
const ROOM_MS = 60_000;
const TARGET_P95_MS = 250;
const BUILD_DIR = process.env.BUILD_DIR ?? 'build-lab';
const KIT_OUT_DIR = process.env.KIT_OUT_DIR ?? '.svelte-kit-lab';

/** mulberry32, so every run sends the same traffic. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rng = mulberry32(6);

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, values: number[]): string {
	const s = [...values].sort((a, b) => a - b);
	const f = (n: number) => n.toFixed(1).padStart(7);
	return `${label.padEnd(34)} n=${String(s.length).padStart(5)}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  p99 ${f(percentile(s, 99))} ms  max ${f(s[s.length - 1] ?? NaN)} ms`;
}

class Client {
	cookie = '';
	constructor(
		readonly origin: string,
		readonly name: string
	) {}

	/** A form post as an enhanced form sends it; the JSON action result comes back. */
	async action(path: string, fields: Record<string, string>) {
		const response = await fetch(this.origin + path, {
			method: 'POST',
			headers: {
				origin: this.origin,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded',
				...(this.cookie ? { cookie: this.cookie } : {})
			},
			body: new URLSearchParams(fields)
		});
		for (const c of response.headers.getSetCookie()) {
			const pair = c.split(';')[0];
			const name = pair.split('=')[0];
			this.cookie = [
				...this.cookie.split('; ').filter((p) => p && !p.startsWith(`${name}=`)),
				pair
			].join('; ');
		}
		const body = (await response.json()) as { type: string; location?: string; status?: number };
		return body;
	}
}

interface Arrival {
	at: number;
	event: LiveEvent;
}

/** Reads a lab's event stream, keeping every event and when it arrived. */
class Stream {
	arrivals: Arrival[] = [];
	/** Events counted without being parsed (phones: only whether they all arrive matters). */
	counted = 0;
	#abort = new AbortController();
	#done: Promise<void> = Promise.resolve();
	bytes = 0;
	onEvent: ((a: Arrival) => void) | null = null;

	constructor(readonly parse = true) {}

	async open(url: string): Promise<void> {
		const response = await fetch(url, {
			signal: this.#abort.signal,
			headers: { accept: 'text/event-stream' }
		});
		if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		let first: () => void = () => {};
		const opened = new Promise<void>((r) => (first = r));
		this.#done = (async () => {
			try {
				for (;;) {
					const { value, done } = await reader.read();
					if (done) break;
					const at = performance.now();
					this.bytes += value.byteLength;
					buffer += decoder.decode(value, { stream: true });
					let end;
					while ((end = buffer.indexOf('\n\n')) >= 0) {
						const block = buffer.slice(0, end);
						buffer = buffer.slice(end + 2);
						if (!this.parse) {
							if (block.startsWith('id: ')) this.counted++;
							first();
							continue;
						}
						const data = block
							.split('\n')
							.filter((l) => l.startsWith('data: '))
							.map((l) => l.slice(6))
							.join('\n');
						if (!data) continue;
						const arrival = { at, event: JSON.parse(data) as LiveEvent };
						this.arrivals.push(arrival);
						this.onEvent?.(arrival);
						first();
					}
				}
			} catch (e) {
				if ((e as Error).name !== 'AbortError') throw e;
			}
		})();
		await opened;
	}

	async close() {
		this.#abort.abort();
		await this.#done;
	}
}

async function startServer(): Promise<{
	origin: string;
	child: ChildProcess;
	db: string;
	dir: string;
}> {
	if (!existsSync(`${BUILD_DIR}/index.js`)) {
		console.log(`No build in ${BUILD_DIR}: building it (about a minute)...`);
		const built = spawnSync('npm', ['run', 'build'], {
			stdio: 'inherit',
			env: { ...process.env, BUILD_DIR, KIT_OUT_DIR }
		});
		if (built.status !== 0) throw new Error('build failed');
	}
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'lab-bench-'));
	const db = join(dir, 'bench.db');
	const child = spawn(process.execPath, ['scripts/start.js'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: db,
			BUILD_DIR,
			SIGN_IN_IP_BURST: '1000',
			CODE_ENTRY_BURST: '1000'
		}
	});
	for (let i = 0; i < 240; i++) {
		try {
			const r = await fetch(origin + '/lab');
			if (r.ok) return { origin, child, db, dir };
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	child.kill();
	throw new Error('the server did not start');
}

interface Round {
	postLatency: number[];
	postResponse: number[];
	dotLatency: number[];
	dotResponse: number[];
	posted: number;
	postsArrived: number;
	dotsPlaced: number;
	dotsArrived: number;
	gaps: number;
	duplicates: number;
	phoneEventsReceived: number;
	phoneEventsExpected: number;
	seconds: number;
}

async function round(
	origin: string,
	dbPath: string,
	facilitator: Client,
	phoneStreams: boolean,
	spreadMs: number
): Promise<Round> {
	const started = performance.now();
	const created = await facilitator.action('/staff/labs/new', {
		engagementId: '1',
		title: `Bench lab ${phoneStreams ? 'with phones' : 'projector only'}`,
		serviceId: 'adult-social-care',
		prompts: 'How could we design costs out of day services?',
		savesMoney: 'on',
		improvesOutcomes: 'on',
		communityCanDo: 'on',
		dotsPerParticipant: String(DOTS_EACH),
		maxDotsPerIdea: '2',
		rolesEnabled: 'on'
	});
	const labId = Number(created.location?.split('/').pop());
	if (!labId) throw new Error(`could not create a lab: ${JSON.stringify(created)}`);
	const reader = new Database(dbPath, { readonly: true });
	const code = (
		reader.prepare('select join_code as code from lab where id = ?').get(labId) as {
			code: string;
		}
	).code;
	reader.close();

	const projector = new Stream();
	await projector.open(`${origin}/lab/${code}/events`);
	const ideaArrival = new Map<string, Arrival>();
	const dotArrivals = new Map<string, number[]>();
	projector.onEvent = (a) => {
		if (a.event.type === 'idea') ideaArrival.set(a.event.idea.text, a);
		if (a.event.type === 'dots') {
			const list = dotArrivals.get(a.event.key) ?? [];
			list.push(a.at);
			dotArrivals.set(a.event.key, list);
		}
	};

	const roles = ['serviceUser', 'carer', 'staff', 'manager', 'other', 'none'];
	const phones = Array.from({ length: PARTICIPANTS }, (_, i) => new Client(origin, `p${i}`));
	await Promise.all(
		phones.map((p, i) =>
			p.action(`/lab/${code}?/join`, {
				code,
				displayName: i % 3 === 0 ? `Person ${i}` : '',
				role: roles[i % roles.length]
			})
		)
	);
	const phoneListeners: Stream[] = [];
	if (phoneStreams) {
		await Promise.all(
			phones.map(async () => {
				const s = new Stream(false);
				await s.open(`${origin}/lab/${code}/events`);
				phoneListeners.push(s);
			})
		);
	}
	const afterJoin = projector.arrivals.length;

	// Ideas: every phone posts IDEAS_EACH times at random moments in the window.
	const postLatency: number[] = [];
	const postResponse: number[] = [];
	const sent: { text: string; t0: number; accepted: boolean }[] = [];
	await Promise.all(
		phones.flatMap((p, i) =>
			Array.from({ length: IDEAS_EACH }, async (_, k) => {
				await sleep(rng() * spreadMs);
				const text = `Idea ${k + 1} from participant ${i}: share transport with the school run`;
				const t0 = performance.now();
				const result = await p.action(`/lab/${code}?/post`, {
					promptId: 'p1',
					kind: 'savesMoney',
					text,
					contribution: ''
				});
				postResponse.push(performance.now() - t0);
				sent.push({ text, t0, accepted: result.type === 'redirect' });
			})
		)
	);
	await sleep(500);
	for (const s of sent) {
		const a = ideaArrival.get(s.text);
		if (s.accepted && a) postLatency.push(a.at - s.t0);
	}
	const posted = sent.filter((s) => s.accepted).length;

	// Voting: each phone places DOTS_EACH dots on different ideas, so none is refused.
	const ideaIds = [...ideaArrival.values()].map((a) =>
		a.event.type === 'idea' ? a.event.idea.id : ''
	);
	const phaseResult = await facilitator.action(`/staff/labs/${labId}?/phase`, { phase: 'vote' });
	if (phaseResult.type !== 'redirect')
		throw new Error(`phase change refused: ${JSON.stringify(phaseResult)}`);
	const dotResponse: number[] = [];
	const dotsSent: { key: string; t0: number; accepted: boolean }[] = [];
	await Promise.all(
		phones.map(async (p) => {
			const picks = new Set<string>();
			while (picks.size < DOTS_EACH) picks.add(ideaIds[Math.floor(rng() * ideaIds.length)]);
			for (const id of picks) {
				await sleep(rng() * (spreadMs / DOTS_EACH));
				const t0 = performance.now();
				const result = await p.action(`/lab/${code}?/addDot`, { targetType: 'idea', targetId: id });
				dotResponse.push(performance.now() - t0);
				dotsSent.push({ key: `idea:${id}`, t0, accepted: result.type === 'redirect' });
			}
		})
	);
	await sleep(500);
	// Dots on the same idea are matched to its events in the order they were sent.
	const dotLatency: number[] = [];
	const byKey = new Map<string, number[]>();
	for (const d of dotsSent.filter((d) => d.accepted).sort((a, b) => a.t0 - b.t0)) {
		byKey.set(d.key, [...(byKey.get(d.key) ?? []), d.t0]);
	}
	let dotsArrived = 0;
	for (const [key, starts] of byKey) {
		const arrivals = dotArrivals.get(key) ?? [];
		dotsArrived += arrivals.length;
		starts.forEach((t0, i) => {
			if (arrivals[i] !== undefined) dotLatency.push(arrivals[i] - t0);
		});
	}

	// No gaps: after the snapshot, versions go up by exactly one per event.
	let gaps = 0;
	let duplicates = 0;
	const events = projector.arrivals.map((a) => a.event);
	for (let i = 1; i < events.length; i++) {
		const step = events[i].version - events[i - 1].version;
		if (step === 0) duplicates++;
		else if (step !== 1) gaps++;
	}
	const expectedPerPhone = projector.arrivals.length - afterJoin;
	// Each phone's first event is its snapshot.
	const phoneEventsReceived = phoneListeners.reduce((n, s) => n + s.counted - 1, 0);
	await projector.close();
	await Promise.all(phoneListeners.map((s) => s.close()));
	return {
		postLatency,
		postResponse,
		dotLatency,
		dotResponse,
		posted,
		postsArrived: [...ideaArrival.keys()].length,
		dotsPlaced: dotsSent.filter((d) => d.accepted).length,
		dotsArrived,
		gaps,
		duplicates,
		phoneEventsReceived,
		phoneEventsExpected: phoneStreams ? expectedPerPhone * PARTICIPANTS : 0,
		seconds: (performance.now() - started) / 1000
	};
}

function report(title: string, r: Round) {
	const p95 = percentile(
		[...r.postLatency].sort((a, b) => a - b),
		95
	);
	console.log(`\n${title} (${r.seconds.toFixed(1)} s)`);
	console.log(summary('post -> arrival on the projector', r.postLatency));
	console.log(summary('dot -> arrival on the projector', r.dotLatency));
	console.log(summary('post: HTTP response', r.postResponse));
	console.log(summary('dot: HTTP response', r.dotResponse));
	console.log(
		`ideas accepted ${r.posted}, arrived ${r.postsArrived}; dots accepted ${r.dotsPlaced}, arrived ${r.dotsArrived}; ` +
			`version gaps ${r.gaps}, duplicates ${r.duplicates}`
	);
	if (r.phoneEventsExpected) {
		console.log(
			`phone streams: ${r.phoneEventsReceived} of ${r.phoneEventsExpected} events delivered to ${PARTICIPANTS} phones`
		);
	}
	const lost = r.posted - r.postsArrived + (r.dotsPlaced - r.dotsArrived);
	console.log(
		`p95 post -> arrival ${p95.toFixed(1)} ms (target < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}); ` +
			`lost events: ${lost}${r.gaps ? ` (and ${r.gaps} version gaps)` : ''}`
	);
}

const { origin, child, db, dir } = await startServer();
try {
	// The figures depend on what else the machine is doing: say so next to them.
	console.log(
		`machine: ${cpus().length} CPUs, load average ${loadavg()
			.map((n) => n.toFixed(1))
			.join(' ')} at the start`
	);
	console.log(
		`lab bench: ${PARTICIPANTS} participants x ${IDEAS_EACH} ideas and ${DOTS_EACH} dots each, against ${origin}`
	);
	const facilitator = new Client(origin, 'facilitator');
	const signedIn = await facilitator.action('/staff/sign-in', {
		email: 'facilitator@harbourside.example',
		password: 'harbourside-demo'
	});
	if (signedIn.type !== 'redirect') throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
	report(
		'Round 1: the projector listening; posts and dots within 10 s',
		await round(origin, db, facilitator, false, BURST_MS)
	);
	report(
		'Round 2: the projector and all 300 phones listening; within 10 s',
		await round(origin, db, facilitator, true, BURST_MS)
	);
	report(
		'Round 3: the projector and all 300 phones listening; over a minute',
		await round(origin, db, facilitator, true, ROOM_MS)
	);
	console.log(
		`\nload average ${loadavg()
			.map((n) => n.toFixed(1))
			.join(' ')} at the end`
	);
} finally {
	child.kill('SIGTERM');
	await sleep(300);
	rmSync(dir, { recursive: true, force: true });
}
