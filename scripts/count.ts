/**
 * Recount a vote from open data, so that anyone can check a published result.
 *
 *   npm run count -- <file.pb | scenario.json> [--method protected|majority|equal-shares|greedy]
 *     [--completion none|add1|add1-greedy|add1u|add1u-greedy] [--utility cost|cardinality] [--json]
 *
 * A `.pb` file is a Pabulib instance: every project is a development, approvals are wants, ties
 * are broken by project id as a string (the reference convention), and the Add1 step is one
 * currency unit. A `.pb` file a council published from Co-Commission (META `format` =
 * `co-commission/vote/1`, see src/lib/budget/vote-pabulib.ts) is counted in full, as the council
 * counted it: don't-wants, service use, segments, rules, and the official digest. A `.json` file is a scenario (scenarios/README.md). Without --json it prints a
 * table; with --json, one JSON object. Exit code 0 on success, 2 on bad input (one line on
 * stderr saying why).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Add1Error } from '../src/lib/budget/equal-shares';
import { count, CountInputError } from '../src/lib/budget/count';
import { metaValue, parsePabulib, PabulibError } from '../src/lib/budget/pabulib';
import { pabulibCountInput } from '../src/lib/budget/pabulib-election';
import { isVotePabulib, readVotePabulib } from '../src/lib/budget/vote-pabulib';
import { formatMoney } from '../src/lib/budget/reasons';
import { CliOptionsSchema, ScenarioSchema, scenarioInput } from '../src/lib/budget/schemas';
import type { CountInput, CountOptions, CountResult, Method } from '../src/lib/budget/types';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Bad input: the message becomes the one line on stderr, and the exit code 2. */
class InputError extends Error {}

const USAGE =
	'usage: count <file.pb | scenario.json> [--method protected|majority|equal-shares|greedy] [--completion none|add1|add1-greedy|add1u|add1u-greedy] [--utility cost|cardinality] [--json]';

const METHOD_NAMES: Record<string, Method> = {
	protected: 'protected',
	majority: 'majority',
	'equal-shares': 'equalShares',
	greedy: 'greedy'
};

function parseArgs(args: readonly string[]) {
	let file: string | undefined;
	const flags: Record<string, string | boolean> = {};
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--json') flags.json = true;
		else if (a === '--help' || a === '-h') throw new InputError(USAGE);
		else if (a.startsWith('--')) {
			const [name, inline] = a.slice(2).split('=', 2);
			if (!['method', 'completion', 'utility'].includes(name)) {
				throw new InputError(`unknown option --${name}; ${USAGE}`);
			}
			const value = inline ?? args[++i];
			if (value === undefined || value.startsWith('--'))
				throw new InputError(`--${name} needs a value`);
			flags[name] = value;
		} else if (file === undefined) file = a;
		else throw new InputError(`one file at a time (got "${file}" and "${a}")`);
	}
	if (file === undefined) throw new InputError(`no file given; ${USAGE}`);
	const parsed = CliOptionsSchema.safeParse(flags);
	if (!parsed.success) throw new InputError(parsed.error.issues[0].message);
	return { file, ...parsed.data };
}

interface Loaded {
	input: CountInput;
	options: CountOptions;
	/** Money in the file's units: pence for scenarios, currency units for Pabulib. */
	money: (amount: number) => string;
	/** Divides counted amounts back into the file's units (Pabulib costs with decimals). */
	unit: number;
}

function load(file: string, text: string): Loaded {
	if (file.toLowerCase().endsWith('.pb')) {
		const pb = parsePabulib(text);
		// A council vote published by Co-Commission: counted as the council counted it.
		if (isVotePabulib(pb))
			return { input: readVotePabulib(pb), options: {}, money: formatMoney, unit: 1 };
		const { input, unit, decimals } = pabulibCountInput(pb);
		const currency = metaValue(pb, 'currency') ?? '';
		const money = (a: number) =>
			`${(a / unit).toLocaleString('en-GB', { minimumFractionDigits: decimals })}${currency ? ` ${currency}` : ''}`;
		return {
			input,
			options: { tieBreak: 'id', fundUnwanted: true, add1Increment: unit, formatMoney: money },
			money,
			unit
		};
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
	}
	const parsed = ScenarioSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(`${file}: ${issue.path.join('.') || 'scenario'}: ${issue.message}`);
	}
	return { input: scenarioInput(parsed.data), options: {}, money: formatMoney, unit: 1 };
}

/** Runs the recount; never exits the process (the tests call it directly). */
export function runCli(
	args: readonly string[],
	read = (f: string) => readFileSync(f, 'utf8')
): CliResult {
	try {
		const a = parseArgs(args);
		let text: string;
		try {
			text = read(a.file);
		} catch (e) {
			throw new InputError(
				`cannot read ${a.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
			);
		}
		const loaded = load(a.file, text);
		const options: CountOptions = {
			...loaded.options,
			method: a.method ? METHOD_NAMES[a.method] : undefined,
			utility: a.utility,
			completion: a.completion
		};
		const result = count(loaded.input, options);
		const stdout = a.json
			? JSON.stringify(asJson(result, options, loaded.unit)) + '\n'
			: table(a.file, result, loaded);
		return { code: 0, stdout, stderr: '' };
	} catch (e) {
		if (
			e instanceof InputError ||
			e instanceof PabulibError ||
			e instanceof CountInputError ||
			e instanceof Add1Error
		) {
			return { code: 2, stdout: '', stderr: `count: ${oneLine(e.message)}\n` };
		}
		return {
			code: 1,
			stdout: '',
			stderr: `count: internal error: ${oneLine(String((e as Error)?.stack ?? e))}\n`
		};
	}
}

function oneLine(s: string): string {
	return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** The JSON object printed with --json. */
export function asJson(r: CountResult, options: CountOptions, unit: number) {
	const money = (a: number) => (unit === 1 ? a : a / unit);
	const decisions: Record<string, string> = {};
	const protectedBy: Record<string, string[]> = {};
	const flaggedSegments: Record<string, string[]> = {};
	for (const p of r.proposals) {
		decisions[p.id] = p.decision;
		protectedBy[p.id] = p.protectedBy;
		flaggedSegments[p.id] = p.flaggedSegments;
	}
	return {
		method: r.method,
		utility: options.utility ?? 'cost',
		completion: options.completion ?? 'add1-greedy',
		tieBreak: r.tieBreak,
		ballots: r.ballots.total,
		selected: r.selected,
		accepted: r.accepted,
		decisions,
		protectedBy,
		flaggedSegments,
		developmentBudget: money(r.developmentBudget),
		spent: money(r.spent),
		savingsTarget: money(r.savingsTarget),
		saved: money(r.saved),
		shortfall: money(r.shortfall),
		majority: {
			decisions: r.majority.decisions,
			selected: r.majority.selected,
			accepted: r.majority.accepted,
			spent: money(r.majority.spent),
			saved: money(r.majority.saved),
			shortfall: money(r.majority.shortfall),
			changed: r.majority.changed
		},
		summary: r.summary,
		digest: r.digest
	};
}

function pad(s: string, n: number, right = false): string {
	if (s.length > n) s = s.slice(0, n - 1) + '…';
	return right ? s.padStart(n) : s.padEnd(n);
}

function num(x: number): string {
	return Number.isInteger(x) ? x.toLocaleString('en-GB') : x.toFixed(1);
}

/** The readable result: one line per proposal in rank order, then the totals. */
function table(file: string, r: CountResult, l: Loaded): string {
	const out: string[] = [];
	const channels = Object.entries(r.ballots.byChannel)
		.filter(([, n]) => n > 0)
		.map(([c, n]) => `${c} ${num(n)}`)
		.join(', ');
	out.push(`Recount of ${basename(file)}`);
	out.push(`Method: ${r.method}   Ballots: ${num(r.ballots.total)} (${channels || 'none'})`);
	out.push(`Digest: ${r.digest}`);
	out.push('');
	out.push(
		[
			pad('Rank', 4, true),
			pad('Proposal', 28),
			pad('Kind', 11),
			pad('Amount', 16, true),
			pad('Want', 8, true),
			pad("Don't", 8, true),
			pad('Net', 8, true),
			pad('Decision', 11),
			'Notes'
		].join('  ')
	);
	const rows = [...r.proposals].sort((a, b) => a.rank - b.rank);
	for (const p of rows) {
		const t = p.tallies.overall;
		const notes = [
			p.protectedBy.length ? `protected by ${p.protectedBy.join(', ')}` : '',
			p.minorityPriority
				? `minority priority (${p.minorityGroups.map((g) => g.group).join(', ')})`
				: '',
			p.flaggedSegments.length ? `flagged: ${p.flaggedSegments.join(', ')}` : '',
			p.majorityDecision !== p.decision ? `majority: ${p.majorityDecision}` : ''
		]
			.filter(Boolean)
			.join('; ');
		out.push(
			[
				pad(String(p.rank), 4, true),
				pad(`${p.id} ${p.title === p.id ? '' : p.title}`.trim(), 28),
				pad(p.kind, 11),
				pad(l.money(p.amount), 16, true),
				pad(num(t.wants), 8, true),
				pad(num(t.dontWants), 8, true),
				pad(num(t.net), 8, true),
				pad(p.decision, 11),
				notes
			].join('  ')
		);
	}
	out.push('');
	if (r.developmentBudget > 0) {
		out.push(`Developments funded, in order: ${r.selected.join(', ') || 'none'}`);
		out.push(`Spent ${l.money(r.spent)} of ${l.money(r.developmentBudget)}`);
	}
	if (r.accepted.length || r.savingsTarget > 0) {
		out.push(`Savings accepted: ${r.accepted.join(', ') || 'none'}`);
		out.push(
			`Saved ${l.money(r.saved)}${r.savingsTarget > 0 ? ` against a target of ${l.money(r.savingsTarget)}, short by ${l.money(r.shortfall)}` : ''}`
		);
	}
	out.push(
		`Simple majority would decide differently on: ${r.majority.changed.join(', ') || 'nothing'}`
	);
	for (const s of r.summary) out.push(s);
	return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const r = runCli(process.argv.slice(2));
	process.stdout.write(r.stdout);
	process.stderr.write(r.stderr);
	process.exitCode = r.code;
}
