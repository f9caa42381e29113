import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRules, count } from '../src/lib/budget/count';
import { publishableInput } from '../src/lib/budget/publishable';
import { writeVotePabulib } from '../src/lib/vote/pabulib';
import { expectedOf, scenarios } from '../src/lib/test/votes';
import { runCli } from './count';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'tests/fixtures');
const REFDATA = join(FIXTURES, 'refdata');
const SCENARIOS = join(FIXTURES, 'scenarios');

/** refdata/README.md: each variant and the command line that asks for it. */
const FLAGS: Record<string, string[]> = {
	greedy_cost: ['--method', 'greedy', '--utility', 'cost'],
	greedy_card: ['--method', 'greedy', '--utility', 'cardinality'],
	mes_cost: ['--method', 'equal-shares', '--utility', 'cost', '--completion', 'none'],
	mes_card: ['--method', 'equal-shares', '--utility', 'cardinality', '--completion', 'none'],
	mes_cost_add1: ['--method', 'equal-shares', '--utility', 'cost', '--completion', 'add1'],
	mes_cost_add1_greedy: [
		'--method',
		'equal-shares',
		'--utility',
		'cost',
		'--completion',
		'add1-greedy'
	],
	mes_card_add1: ['--method', 'equal-shares', '--utility', 'cardinality', '--completion', 'add1'],
	mes_card_add1_greedy_card: [
		'--method',
		'equal-shares',
		'--utility',
		'cardinality',
		'--completion',
		'add1-greedy'
	],
	mes_cost_add1_integral_greedy: [
		'--method',
		'equal-shares',
		'--utility',
		'cost',
		'--completion',
		'add1u-greedy'
	]
};

/** The built command, built afresh so that the process tests run the code under test. */
const BIN = join(ROOT, 'dist/count.js');
execFileSync('npm', ['run', '--silent', 'build:count'], { cwd: ROOT });

/** Runs the built command line as a child process, as `npx co-commission-count` does. */
function spawn(args: string[]) {
	const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Reading each file once keeps the in-process runs quick.
const cache = new Map<string, string>();
const read = (f: string) => {
	let t = cache.get(f);
	if (t === undefined) {
		t = readFileSync(f, 'utf8');
		cache.set(f, t);
	}
	return t;
};

const refCases = readdirSync(join(REFDATA, 'expected'))
	.filter((f) => f.endsWith('.json'))
	.flatMap((f) => {
		const e = JSON.parse(read(join(REFDATA, 'expected', f))) as {
			source_file: string;
			rules: Record<string, { selected: string[] | null } | undefined>;
		};
		// The 3-4 MB files take a second a recount: three variants each here. Every variant of
		// every file is checked against the engine in src/lib/budget/variants.test.ts.
		const big = statSync(join(REFDATA, 'pabulib', e.source_file)).size > 2_000_000;
		return Object.keys(FLAGS)
			.filter((v) => e.rules[v]?.selected)
			.filter((v) => !big || ['greedy_cost', 'mes_card', 'mes_cost_add1_greedy'].includes(v))
			.map((v) => ({
				file: e.source_file,
				variant: v,
				expected: e.rules[v]?.selected as string[]
			}));
	});

describe('recount of the reference data', () => {
	it.each(refCases)('$file $variant', async ({ file, variant, expected }) => {
		const r = await runCli([join(REFDATA, 'pabulib', file), ...FLAGS[variant], '--json'], read);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).selected).toEqual(expected);
	});
});

describe('recount of the scenarios: every key the scenario README lists', () => {
	it.each(scenarios())('$file', async ({ file, json }) => {
		const r = await runCli([join(SCENARIOS, file), '--json'], read);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		const e = expectedOf(json);
		const sorted = (m: Record<string, string[]>) =>
			Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]));
		expect(out.decisions).toEqual(e.decisions);
		expect(sorted(out.protectedBy)).toEqual(e.protectedBy ?? {});
		expect(sorted(out.marginalBy)).toEqual(e.marginalBy ?? {});
		expect(sorted(out.flagged)).toEqual(e.flagged ?? {});
		expect(out.fragility).toEqual(e.fragility ?? {});
		expect(out.saved).toBe(e.saved ?? 0);
		expect(out.shortfall).toBe(e.shortfall ?? 0);
		expect(out.spent).toBe(e.spent ?? 0);
		expect(out.overrideOrder.map((o: { id: string }) => o.id)).toEqual(e.overrideOrder ?? []);
		expect([...out.dependsOnOpen].sort()).toEqual(e.dependsOnOpen ?? []);
		expect(out.majority.decisions).toEqual(e.majority.decisions);
		expect(out.majority.saved).toBe(e.majority.saved ?? 0);
		expect(out.majority.shortfall).toBe(e.majority.shortfall ?? 0);
		expect(out.majority.spent).toBe(e.majority.spent ?? 0);
	});

	it('counts by majority when asked, as the check that reads no majority object would', async () => {
		const r = await runCli(
			[join(SCENARIOS, 'day-centres.json'), '--json', '--method', 'majority'],
			read
		);
		const e = JSON.parse(read(join(SCENARIOS, 'day-centres.json'))).expected.majority;
		const out = JSON.parse(r.stdout);
		expect([out.decisions, out.saved, out.shortfall]).toEqual([e.decisions, e.saved, e.shortfall]);
	});
});

describe('the command line as a process', () => {
	it('prints one JSON object with the result fields', () => {
		const r = spawn([join(SCENARIOS, 'day-centres.json'), '--json']);
		expect(r.code).toBe(0);
		expect(r.stdout.trim().split('\n').length).toBe(1);
		const out = JSON.parse(r.stdout);
		for (const key of [
			'decisions',
			'protectedBy',
			'marginalBy',
			'flagged',
			'fragility',
			'saved',
			'shortfall',
			'spent',
			'overrideOrder',
			'dependsOnOpen',
			'majority',
			'digest'
		]) {
			expect(out).toHaveProperty(key);
		}
		expect(out.decisions['day-centres']).toBe('protected');
		expect(out.digest).toMatch(/^[0-9a-f]{64}$/);
	});

	it('recounts a Pabulib file', () => {
		const r = spawn([
			join(REFDATA, 'pabulib/Netherlands_Assen_2024.pb'),
			'--method',
			'equal-shares',
			'--json'
		]);
		expect(r.code).toBe(0);
		// mes_cost_add1_greedy from the Assen expected file.
		expect(JSON.parse(r.stdout).selected).toEqual([
			'3',
			'9',
			'11',
			'2',
			'13',
			'14',
			'5',
			'6',
			'12',
			'7'
		]);
	});

	it('runs as npm run count too', () => {
		const r = spawnSync(
			'npm',
			['run', '--silent', 'count', '--', join(SCENARIOS, 'small-group.json'), '--json'],
			{
				cwd: ROOT,
				encoding: 'utf8'
			}
		);
		expect(r.status).toBe(0);
		expect(JSON.parse(r.stdout).decisions).toEqual({ shopmobility: 'accept' });
	});

	it('prints a readable table without --json', () => {
		const r = spawn([join(SCENARIOS, 'small-group.json')]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Recount of small-group.json');
		expect(r.stdout).toMatch(/shopmobility .* accept/);
	});

	const dir = mkdtempSync(join(tmpdir(), 'count-cli-'));
	const bad = (name: string, text: string) => {
		const f = join(dir, name);
		writeFileSync(f, text);
		return f;
	};
	it.each([
		{
			name: 'an unknown option',
			args: [join(SCENARIOS, 'small-group.json'), '--colour'],
			message: /unknown option --colour/
		},
		{
			name: 'a bad method',
			args: [join(SCENARIOS, 'small-group.json'), '--method', 'dice'],
			message: /--method must be/
		},
		{ name: 'a missing file', args: [join(dir, 'nope.pb')], message: /cannot read .*ENOENT/ },
		{ name: 'no file', args: [], message: /no file given/ },
		{
			name: 'a malformed .pb',
			args: [
				bad(
					'bad.pb',
					'META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\np1;5\nVOTES\nvoter_id;vote\nv1;p2\n'
				)
			],
			message: /Line 10: the vote names project "p2"/
		},
		{ name: 'invalid JSON', args: [bad('bad.json', '{"rules":')], message: /not valid JSON/ },
		{
			name: 'a scenario with a bad field',
			args: [
				bad('bad2.json', '{"version":2,"rules":{"method":"dice"},"proposals":[],"ballots":[]}')
			],
			message: /rules.method: The method must be "protected" or "majority"/
		},
		{
			name: 'a version 1 scenario',
			args: [bad('v1.json', '{"rules":{},"proposals":[],"ballots":[]}')],
			message: /is a version 1 scenario .* counting rules version 2/
		},
		{
			name: 'a ballot over the limits',
			args: [
				bad(
					'over.json',
					JSON.stringify({
						version: 2,
						rules: { maxDontWants: 1 },
						proposals: [
							{ id: 'a', title: 'A', kind: 'saving', amount: 1, service: 's', affects: [] },
							{ id: 'b', title: 'B', kind: 'saving', amount: 1, service: 's', affects: [] }
						],
						ballots: [{ marks: { a: 'dontWant', b: 'dontWant' }, assured: true }]
					})
				)
			],
			message: /Ballot 1: 2 don't-wants, more than the limit of 1/
		},
		{
			name: 'unknown groups in affects',
			args: [
				bad(
					'affects.json',
					JSON.stringify({
						version: 2,
						rules: { maxDontWants: 0 },
						proposals: [
							{ id: 'a', title: 'A', kind: 'saving', amount: 1, service: 's', affects: ['golfers'] }
						],
						ballots: []
					})
				)
			],
			message: /Proposal "a" affects "golfers"/
		},
		{
			name: 'a negative amount',
			args: [
				bad(
					'negative.json',
					JSON.stringify({
						version: 2,
						rules: { maxDontWants: 0 },
						proposals: [
							{ id: 'a', title: 'A', kind: 'saving', amount: -1, service: 's', affects: [] }
						],
						ballots: []
					})
				)
			],
			message: /proposals.0.amount: The amount cannot be negative/
		},
		{
			name: 'verified membership without verification data',
			args: [
				bad(
					'verified.json',
					JSON.stringify({
						version: 2,
						rules: { maxDontWants: 0, protection: { membership: 'verified' } },
						proposals: [
							{ id: 'a', title: 'A', kind: 'saving', amount: 1, service: 's', affects: ['users'] }
						],
						ballots: [{ marks: {}, uses: ['s'], assured: true }]
					})
				)
			],
			message: /membership is "verified", but no ballot carries verified uses/
		},
		{
			name: 'a council flag for a Pabulib file',
			args: [join(REFDATA, 'pabulib/Netherlands_Assen_2024.pb'), '--method', 'protected'],
			message: /counts a council vote; a Pabulib election is counted by equal-shares or greedy/
		}
	])('exits 2 with one line on stderr for $name', ({ args, message }) => {
		const r = spawn(args);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trim().split('\n').length).toBe(1);
		expect(r.stderr).toMatch(message);
	});
});

describe('a council vote published as .pb', () => {
	const scenario = scenarios().find((s) => s.file === 'day-centres.json')!.input;
	const published = publishableInput(scenario);
	const official = count(published);
	const text = writeVotePabulib(
		{ ...published, rules: checkRules(published), groups: published.groups! },
		{
			title: 'Day centres',
			unit: 'Test council',
			instance: '1',
			decisions: Object.fromEntries(official.proposals.map((p) => [p.id, p.decision])),
			totals: new Map(official.proposals.map((p) => [p.id, p.tallies.overall]))
		}
	);

	it('recounts in full to the official digest and decisions', async () => {
		const r = await runCli(['vote.pb', '--json'], () => text);
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout);
		expect(out.digest).toBe(official.digest);
		expect(out.overrideOrder.map((o: { id: string }) => o.id)).toEqual(['day-centres']);
		// The same decisions as counting every ballot with its groups.
		expect(out.decisions).toEqual(
			Object.fromEntries(count(scenario).proposals.map((p) => [p.id, p.decision]))
		);
	});

	it('exits 2 naming the line when a published ballot is spoiled', async () => {
		const spoiled = text.replace(/^(\d+);([^;\n]*);/m, '$1;$2,nowhere;');
		expect(spoiled).not.toBe(text);
		const r = await runCli(['vote.pb'], () => spoiled);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^count: Line \d+: /);
	});
});
