import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { count } from '../src/lib/budget/count';
import { publishableInput } from '../src/lib/budget/publishable';
import { ScenarioSchema, scenarioInput } from '../src/lib/budget/schemas';
import { writeVotePabulib } from '../src/lib/budget/vote-pabulib';
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

/** Runs the command line as a child process, as `npm run count` does. */
function spawn(args: string[]) {
	const r = spawnSync(
		process.execPath,
		['--import', 'tsx', join(ROOT, 'scripts/count.ts'), ...args],
		{
			cwd: ROOT,
			encoding: 'utf8'
		}
	);
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
	it.each(refCases)('$file $variant', ({ file, variant, expected }) => {
		const r = runCli([join(REFDATA, 'pabulib', file), ...FLAGS[variant], '--json'], read);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).selected).toEqual(expected);
	});
});

describe('recount of the scenarios', () => {
	const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
	it.each(files)('%s', (file) => {
		const scenario = JSON.parse(read(join(SCENARIOS, file)));
		const r = runCli([join(SCENARIOS, file), '--json'], read);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.decisions).toEqual(scenario.expected.decisions);
		expect(out.saved).toBe(scenario.expected.saved);
		expect(out.shortfall).toBe(scenario.expected.shortfall);
		for (const [id, groups] of Object.entries(
			scenario.expected.protectedBy as Record<string, string[]>
		)) {
			expect([...out.protectedBy[id]].sort()).toEqual([...groups].sort());
		}
	});
});

describe('the command line as a process', () => {
	it('prints one JSON object with the result fields', () => {
		const r = spawn([join(SCENARIOS, 'day-centres.json'), '--json']);
		expect(r.code).toBe(0);
		expect(r.stdout.trim().split('\n').length).toBe(1);
		const out = JSON.parse(r.stdout);
		for (const key of [
			'method',
			'selected',
			'decisions',
			'protectedBy',
			'flaggedSegments',
			'spent',
			'saved',
			'shortfall',
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
			args: [bad('bad2.json', '{"rules":{"method":"dice"},"proposals":[],"ballots":[]}')],
			message: /rules.method: Choose protected/
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
	// The day-centres scenario with "disabled" as special-category data: published as totals.
	const scenario = scenarioInput(
		ScenarioSchema.parse(JSON.parse(readFileSync(join(SCENARIOS, 'day-centres.json'), 'utf8')))
	);
	const published = publishableInput(scenario, new Set(['disabled']));
	const official = count(published);
	const text = writeVotePabulib(published, {
		title: 'Day centres',
		unit: 'Test council',
		instance: '1',
		selected: new Set([...official.selected, ...official.accepted]),
		totals: new Map(official.proposals.map((p) => [p.id, p.tallies.overall]))
	});

	it('recounts in full to the official digest and decisions', () => {
		const r = runCli(['vote.pb', '--json'], () => text);
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout);
		expect(out.digest).toBe(official.digest);
		expect(out.decisions).toEqual(
			Object.fromEntries(official.proposals.map((p) => [p.id, p.decision]))
		);
		// The same decisions as counting every ballot with its segments.
		expect(out.decisions).toEqual(
			Object.fromEntries(count(scenario).proposals.map((p) => [p.id, p.decision]))
		);
	});

	it('exits 2 naming the line when a published ballot is spoiled', () => {
		const spoiled = text.replace(/^(\d+);([^;\n]*);/m, '$1;$2,nowhere;');
		expect(spoiled).not.toBe(text);
		const r = runCli(['vote.pb'], () => spoiled);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^count: Line \d+: /);
	});
});
