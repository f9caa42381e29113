/**
 * Recount a vote from open data, so that anyone can check a published result.
 *
 *   co-commission-count <file.pb | scenario.json> [--method protected|majority|equal-shares|greedy]
 *     [--completion none|add1|add1-greedy|add1u|add1u-greedy] [--utility cost|cardinality] [--json]
 *
 * (`npx co-commission-count`, or `npm run count --`: both run the plain JavaScript build of this
 * file, dist/count.js, made by `npm run build:count` and on install.)
 *
 * - A council vote, published by Co-Commission as `.pb` (META `format` = `co-commission/vote/2`,
 *   see src/lib/vote/pabulib.ts) or given as a scenario `.json` (format version 2,
 *   tests/fixtures/scenarios/README.md), is counted in full by docs/counting.md version 2, as the
 *   council counted it: decisions, protection, flags, fragility, the override order, the
 *   assurance re-count, what majority would decide, and the digest. `--method` is protected
 *   (the default, or the vote's own rule) or majority.
 * - Any other `.pb` file is a Pabulib participatory budget: approval ballots counted by the
 *   Method of Equal Shares (the default: cost utilities, add1 completion with greedy fill) or
 *   greedy, ties by project id as a string and the Add1 step one currency unit, as pabutools.
 * Without --json it prints a table; with --json, one JSON object. Exit code 0 on success, 2 on
 * bad input (one line on stderr saying why).
 */
import { readFileSync } from 'node:fs';
import { prepareProfile } from '../src/lib/budget/approval-profile';
import { Add1Error } from '../src/lib/budget/equal-shares';
import { metaValue, parsePabulib, PabulibError, type PabulibFile } from '../src/lib/budget/pabulib';
import { pabulibElection } from '../src/lib/budget/pabulib-election';
import { COMPLETIONS, runVariant, variantFor, type Completion } from '../src/lib/budget/variants';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Bad input: the message becomes the one line on stderr, and the exit code 2. */
export class InputError extends Error {}

/** Each flag and the values it takes (the message names them when another is given). */
const FLAGS = {
	method: ['protected', 'majority', 'equal-shares', 'greedy'],
	completion: COMPLETIONS,
	utility: ['cost', 'cardinality']
} as const;

const USAGE = `usage: co-commission-count <file.pb | scenario.json> ${Object.entries(FLAGS)
	.map(([flag, values]) => `[--${flag} ${values.join('|')}]`)
	.join(' ')} [--json]`;

export interface Options {
	file: string;
	method?: (typeof FLAGS.method)[number];
	completion?: Completion;
	utility?: (typeof FLAGS.utility)[number];
	json: boolean;
}

/**
 * The command line, checked against the fixed lists above. (A flag parser, not a schema: the
 * Pabulib path never loads zod, which would take longer to start than the count itself.)
 */
function parseArgs(args: readonly string[]): Options {
	let file: string | undefined;
	const opts: Record<string, string> = {};
	let json = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--json') json = true;
		else if (a === '--help' || a === '-h') throw new InputError(USAGE);
		else if (a.startsWith('--')) {
			const [name, inline] = a.slice(2).split('=', 2);
			if (!(name in FLAGS)) throw new InputError(`unknown option --${name}; ${USAGE}`);
			const value = inline ?? args[++i];
			if (value === undefined || value.startsWith('--'))
				throw new InputError(`--${name} needs a value`);
			const allowed: readonly string[] = FLAGS[name as keyof typeof FLAGS];
			if (!allowed.includes(value))
				throw new InputError(
					`--${name} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`
				);
			opts[name] = value;
		} else if (file === undefined) file = a;
		else throw new InputError(`one file at a time (got "${file}" and "${a}")`);
	}
	if (file === undefined) throw new InputError(`no file given; ${USAGE}`);
	return { file, json, ...opts } as Options;
}

/** Runs the recount; never exits the process (the tests call it directly). */
export async function runCli(
	args: readonly string[],
	read = (f: string) => readFileSync(f, 'utf8')
): Promise<CliResult> {
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
		const pb = a.file.toLowerCase().endsWith('.pb') ? parsePabulib(text) : null;
		// A council vote (a scenario, or a vote Co-Commission published) is counted by its own
		// rules; that code, and the schemas that check its files, load only when needed.
		const stdout =
			pb && !metaValue(pb, 'format')?.startsWith('co-commission/')
				? pabulibCount(a, pb)
				: (await import('./count-council')).councilCount(a, text, pb);
		return { code: 0, stdout, stderr: '' };
	} catch (e) {
		const known = ['InputError', 'PabulibError', 'CountInputError', 'Add1Error'];
		if (
			e instanceof InputError ||
			e instanceof PabulibError ||
			e instanceof Add1Error ||
			(e instanceof Error && known.includes(e.name))
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

/** A Pabulib election: one rule variant over the approval ballots. */
function pabulibCount(a: Options, pb: PabulibFile): string {
	if (a.method === 'protected' || a.method === 'majority') {
		throw new InputError(
			`--method ${a.method} counts a council vote; a Pabulib election is counted by equal-shares or greedy`
		);
	}
	const el = pabulibElection(pb);
	const pp = prepareProfile(el.profile);
	const utility = a.utility ?? 'cost';
	const completion = a.completion ?? 'add1-greedy';
	const variant = variantFor(a.method ?? 'equal-shares', utility, completion);
	const chosen = runVariant(pp, variant, { increment: el.unit });
	const ids = el.profile.ids;
	const spent = chosen.reduce((s, p) => s + el.profile.costs[p], 0);
	const money = (x: number) => x / el.unit;
	const selected = chosen.map((p) => ids[p]);
	if (a.json) {
		const picked = new Set(selected);
		return (
			JSON.stringify({
				method: a.method ?? 'equal-shares',
				utility,
				completion,
				rule: variant,
				tieBreak: 'id',
				ballots: el.voterCount,
				selected,
				decisions: Object.fromEntries(
					ids.map((id) => [id, picked.has(id) ? 'fund' : 'notSelected'])
				),
				budget: money(el.profile.budget),
				spent: money(spent)
			}) + '\n'
		);
	}
	const currency = metaValue(pb, 'currency') ?? '';
	const fmt = (x: number) =>
		`${money(x).toLocaleString('en-GB', { minimumFractionDigits: el.decimals })}${currency ? ` ${currency}` : ''}`;
	return [
		`Recount of a Pabulib election (${variant}; ties by project id)`,
		`Voters: ${el.voterCount.toLocaleString('en-GB')}   Projects: ${ids.length}`,
		`Funded, in order: ${selected.join(', ') || 'none'}`,
		`Spent ${fmt(spent)} of ${fmt(el.profile.budget)}`,
		''
	].join('\n');
}

function oneLine(s: string): string {
	return s.replace(/\s*\n\s*/g, ' ').trim();
}
