/**
 * Counting benchmarks (run with `npm run bench -- counting`). Prints figures; never fails on time.
 *
 * 1. Every Pabulib instance in tests/fixtures/refdata: parse time, then each rule variant of
 *    refdata/README.md, beside the reference times recorded with the expected results
 *    (pabutools `timing_s`, equalshares.net tool `compute_s`). Target: under 1 s each.
 * 2. A synthetic council vote: 1,000,000 want / don't-want ballots on 100 proposals, generated
 *    from a seeded PRNG and streamed into the count (never held as a million objects), all four
 *    methods. Target: under 5 s and 1 GB.
 *
 * Settings (environment): COUNTING_BENCH=refdata|synthetic runs one part; COUNTING_INSTANCES=a,b
 * only the files whose name contains a or b; COUNTING_BALLOTS=n a smaller synthetic vote.
 * The load average is printed first: on a shared machine, wall times say more about the
 * neighbours than about the code, so the synthetic count also shows its own CPU time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { prepareProfile } from '../src/lib/budget/approval-profile';
import { count } from '../src/lib/budget/count';
import { emptyStats } from '../src/lib/budget/equal-shares';
import { parsePabulib } from '../src/lib/budget/pabulib';
import { pabulibElection } from '../src/lib/budget/pabulib-election';
import { runVariant, type Variant } from '../src/lib/budget/variants';
import type { Ballot, CountInput, Mark, Proposal, Segment } from '../src/lib/budget/types';
import { RULES } from '../src/lib/test/votes';

const REFDATA = new URL('../tests/fixtures/refdata/', import.meta.url);
const VARIANTS: Variant[] = [
	'greedy_cost',
	'greedy_card',
	'mes_cost',
	'mes_card',
	'mes_cost_add1',
	'mes_cost_add1_greedy',
	'mes_card_add1',
	'mes_card_add1_greedy_card',
	'mes_cost_add1_integral_greedy'
];
/**
 * pabutools times the greedy completion apart from the Add1 it completes: the reference time of
 * a completed variant is the sum of these.
 */
const PABUTOOLS_PARTS: Partial<Record<Variant, string[]>> = {
	mes_cost_add1_greedy: ['mes_cost_add1', 'mes_cost_add1_greedy'],
	mes_card_add1_greedy_card: ['mes_card_add1', 'mes_card_add1_greedy_card'],
	mes_cost_add1_integral_greedy: ['mes_cost_add1_integral', 'mes_cost_add1_integral_greedy']
};
/** equalshares.net tool settings that correspond to a variant. */
const TOOL: Partial<Record<Variant, string[]>> = {
	mes_cost: ['tool_none_fractions', 'tool_none_floats'],
	mes_cost_add1_integral_greedy: ['tool_add1u_fractions', 'tool_default_add1u_floats']
};

const ms = (t: number) => (t < 10 ? t.toFixed(1) : t.toFixed(0));
/**
 * CPU time of this thread in ms. On a busy machine wall time mostly measures the wait for a
 * core; this is what the work itself took (garbage collection on other threads left out).
 */
const threadCpu = () => {
	const u =
		(process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ??
		process.cpuUsage();
	return (u.user + u.system) / 1000;
};
const col = (s: string, n: number) => s.padStart(n);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function referenceTimes(instance: string) {
	const json = new URL(`expected/${instance}.json`, REFDATA);
	const jsonl = new URL(`expected/${instance}.equalshares-tool.jsonl`, REFDATA);
	const pabutools: Record<string, number> = existsSync(json)
		? JSON.parse(readFileSync(json, 'utf8')).timing_s
		: {};
	const tool: Record<string, number> = {};
	if (existsSync(jsonl)) {
		for (const line of readFileSync(jsonl, 'utf8').trim().split('\n')) {
			const { variant, result } = JSON.parse(line);
			if (!result.error) tool[variant] = result.compute_s;
		}
	}
	return { pabutools, tool };
}

function pabutoolsTime(timing: Record<string, number>, v: Variant): string {
	const parts = (PABUTOOLS_PARTS[v] ?? [v]).map((k) => timing[k]);
	if (parts.some((t) => t === undefined)) return '-';
	return String(Math.round(parts.reduce((a, b) => a + b, 0) * 1000) / 1000);
}

function benchRefdata(): void {
	console.log(
		'\nPabulib instances (ours in ms; references in seconds: pabutools timing_s / tool compute_s)'
	);
	console.log(
		'work M: millions of supporters looked at by Equal Shares, a measure of the work that the load does not move'
	);
	console.log(
		[
			col('instance', 44),
			col('votes', 7),
			col('parse', 7),
			col('variant', 30),
			col('ours ms', 9),
			col('runs', 6),
			col('skipped', 8),
			col('work M', 7),
			col('pabutools s', 12),
			col('tool s', 8),
			' <1s'
		].join(' ')
	);
	let worst = { name: '', t: 0 };
	// COUNTING_INSTANCES=Lodz,Warszawa limits the run to files whose name contains one of these.
	const wanted = process.env.COUNTING_INSTANCES?.split(',');
	const files = readdirSync(new URL('pabulib/', REFDATA))
		.filter((f) => f.endsWith('.pb') && (!wanted || wanted.some((o) => f.includes(o))))
		.sort();
	for (const file of files) {
		const instance = file.replace(/\.pb$/, '');
		gc();
		const t0 = performance.now();
		const el = pabulibElection(
			parsePabulib(readFileSync(new URL(`pabulib/${file}`, REFDATA), 'utf8'))
		);
		const pp = prepareProfile(el.profile);
		const parse = performance.now() - t0;
		const ref = referenceTimes(instance);
		for (const v of VARIANTS) {
			const stats = emptyStats();
			const t = performance.now();
			runVariant(pp, v, { increment: el.unit, stats });
			const took = performance.now() - t;
			const tool = (TOOL[v] ?? []).map((k) => ref.tool[k]).find((x) => x !== undefined);
			const total = parse + took;
			if (total > worst.t) worst = { name: `${instance} ${v}`, t: total };
			console.log(
				[
					col(instance.slice(0, 44), 44),
					col(String(el.voterCount), 7),
					col(ms(parse), 7),
					col(v, 30),
					col(ms(took), 9),
					col(String(stats.runs), 6),
					col(String(stats.skipped), 8),
					col((stats.work / 1e6).toFixed(1), 7),
					col(pabutoolsTime(ref.pabutools, v), 12),
					col(tool !== undefined ? String(tool) : '-', 8),
					total < 1000 ? '  yes' : '  NO'
				].join(' ')
			);
		}
	}
	console.log(`Slowest (parse + variant): ${worst.name}, ${ms(worst.t)} ms`);
}

/** mulberry32: a small seeded PRNG, so every run generates the same vote. */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const BALLOTS = Number(process.env.COUNTING_BALLOTS ?? 1_000_000);
const PROPOSALS = 100;
const AREAS = Array.from({ length: 20 }, (_, i) => `ward-${i + 1}`);
const SEGMENTS: Segment[] = ['disabled', 'carers', 'young', 'older', 'parents', 'renters'].map(
	(id) => ({
		id,
		label: id
	})
);

function syntheticVote(): { input: CountInput; rng: () => number } {
	const rng = prng(20260101);
	const proposals: Proposal[] = Array.from({ length: PROPOSALS }, (_, i) => ({
		id: `p${i + 1}`,
		title: `Proposal ${i + 1}`,
		kind: i % 2 === 0 ? 'saving' : 'development',
		// £20,000 to £500,000, in pence.
		amount: Math.round(20_000 + rng() * 480_000) * 100,
		service: `service-${i % 25}`,
		// Three in ten declare a dependent group: their users, or a segment.
		affects:
			rng() < 0.3 ? [rng() < 0.5 ? 'users' : SEGMENTS[Math.floor(rng() * SEGMENTS.length)].id] : []
	}));
	const input: CountInput = {
		proposals,
		segments: SEGMENTS,
		ballots: [],
		rules: {
			// The defaults of counting.md, with limits, money and population weighting.
			...RULES,
			maxWants: 5,
			maxDontWants: 5,
			developmentBudget: 500_000_000,
			savingsTarget: 300_000_000,
			weighting: 'population',
			population: AREAS.map((area, i) => ({ area, count: 10_000 + ((i * 7919) % 20_000) }))
		}
	};
	return { input, rng };
}

/**
 * Streams the ballots: popular proposals are marked more often (a Zipf-like skew, drawn from a
 * table so that each draw is one random number), most people mark a few, and most say nothing
 * about groups. Each ballot is a fresh object, as a caller's would be.
 */
function* ballots(rng: () => number): Generator<Ballot> {
	const ids = Array.from({ length: PROPOSALS }, (_, i) => `p${i + 1}`);
	const services = Array.from({ length: PROPOSALS }, (_, i) => `service-${i % 25}`);
	const skew = Uint8Array.from({ length: 4096 }, (_, k) =>
		Math.floor(PROPOSALS * ((k + 0.5) / 4096) ** 2.2)
	);
	const pick = () => skew[(rng() * 4096) | 0];
	const channels = [
		'online',
		'online',
		'online',
		'online',
		'online',
		'online',
		'paper',
		'paper',
		'room',
		'kiosk'
	] as const;
	const noGroups: string[] = [];
	const oneGroup = SEGMENTS.map((s) => [s.id]);
	const twoGroups = [SEGMENTS[0].id, SEGMENTS[1].id];
	for (let i = 0; i < BALLOTS; i++) {
		const r = rng();
		// One draw decides how many wants (0-5) and don't-wants (0-3).
		const wants = (r * 6) | 0;
		const dont = ((r * 24) | 0) % 4;
		// A dictionary-mode object: ballots mark different proposals in different orders, and
		// ordinary objects would grow a hidden class for every order.
		const marks: Record<string, Mark> = Object.create(null);
		for (let k = 0; k < wants; k++) marks[ids[pick()]] = 'want';
		for (let k = 0; k < dont; k++) {
			const id = ids[PROPOSALS - 1 - pick()];
			if (!marks[id]) marks[id] = 'dontWant';
		}
		const r2 = rng();
		const uses =
			r2 < 0.5 ? noGroups : r2 < 0.8 ? [services[pick()]] : [services[pick()], services[pick()]];
		const r3 = rng();
		const segments = r3 < 0.6 ? noGroups : r3 < 0.9 ? oneGroup[((r3 * 1000) % 6) | 0] : twoGroups;
		const r4 = rng();
		// Seven in ten come with a code (assured); one user in ten used a service-user code.
		const assured = (((r4 * 100000) % 10) | 0) < 7;
		yield {
			marks,
			uses,
			...(assured && uses.length && r2 > 0.75 ? { verifiedUses: uses.slice(0, 1) } : {}),
			segments,
			area: r4 < 0.95 ? AREAS[((r4 * 2000) % AREAS.length) | 0] : null,
			channel: channels[((r4 * 10000) % 10) | 0],
			assured
		};
	}
}

/** The time to generate the ballots alone, to tell it apart from the count. */
function generationOnly(): number {
	const { rng } = syntheticVote();
	const t = threadCpu();
	let marks = 0;
	for (const b of ballots(rng)) marks += Object.keys(b.marks).length;
	if (marks < 0) console.log(marks);
	return threadCpu() - t;
}

function benchSynthetic(): void {
	console.log(
		`\nSynthetic vote: ${BALLOTS.toLocaleString('en-GB')} ballots x ${PROPOSALS} proposals, streamed from a seeded generator`
	);
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	gc();
	const { input, rng } = syntheticVote();
	const t = performance.now();
	const cpu = threadCpu();
	const result = count({ ...input, ballots: ballots(rng) });
	const took = performance.now() - t;
	const cpuTook = threadCpu() - cpu;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
	console.log(
		`  count, protected and majority, with the assured-only re-count (population weighting on): ${ms(took)} ms (${took < 5000 ? 'under' : 'OVER'} 5 s; main thread cpu ${ms(cpuTook)} ms), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${peak < 2 ** 30 ? 'under' : 'OVER'} 1 GB)`
	);
	for (const m of [result, result.majority]) {
		console.log(
			`  ${m.method.padEnd(12)} funds ${String(m.selected.length).padStart(3)} developments (${(m.spent / 100).toLocaleString('en-GB')} pounds), accepts ${String(m.accepted.length).padStart(3)} savings`
		);
	}
	console.log(`  of which generating the ballots alone: ${ms(generationOnly())} ms cpu`);
	const distinct = result.ballots.total;
	console.log(
		`  ${distinct.toLocaleString('en-GB')} ballots; protected savings: ${result.proposals.filter((p) => p.decision === 'protected').length}, marginal: ${result.proposals.filter((p) => p.decision === 'marginal').length}, depending on open ballots: ${result.dependsOnOpen.length}; digest ${result.digest.slice(0, 16)}…`
	);
}

console.log(
	`Machine: ${cpus().length} cores, load average ${loadavg()
		.map((x) => x.toFixed(1))
		.join(' / ')} (1 / 5 / 15 min)`
);
const only = process.env.COUNTING_BENCH;
if (only !== 'synthetic') benchRefdata();
if (only !== 'refdata') benchSynthetic();
