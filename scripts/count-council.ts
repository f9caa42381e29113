/**
 * The recount of a council vote (scripts/count.ts loads this only for one): a scenario `.json`
 * (format version 2) or a `.pb` a council published with Co-Commission, counted in full by
 * docs/counting.md version 2, as a table or as the JSON object tests/fixtures/scenarios/README.md
 * describes.
 */
import { basename } from 'node:path';
import { count } from '../src/lib/budget/count';
import { type PabulibFile } from '../src/lib/budget/pabulib';
import { formatMoney } from '../src/lib/budget/reasons';
import { ScenarioSchema, scenarioInput } from '../src/lib/budget/schemas';
import type { CountInput, CountResult } from '../src/lib/budget/types';
import { readVotePabulib } from '../src/lib/vote/pabulib';
import { InputError, type Options } from './count';

/** A council vote's input, from a scenario or a published `.pb`. */
function councilInput(file: string, text: string, pb: PabulibFile | null): CountInput {
	if (pb) return readVotePabulib(pb);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
	}
	const version = (json as { version?: unknown } | null)?.version;
	if (version === undefined || version === 1) {
		throw new InputError(
			`${file} is a version 1 scenario ("uses" held proposal ids); this recount follows counting rules version 2: give "version": 2, "uses" as service ids and "assured" on every ballot`
		);
	}
	const parsed = ScenarioSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new InputError(`${file}: ${issue.path.join('.') || 'scenario'}: ${issue.message}`);
	}
	return scenarioInput(parsed.data);
}

export function councilCount(a: Options, text: string, pb: PabulibFile | null): string {
	const input = councilInput(a.file, text, pb);
	if (a.method === 'equal-shares' || a.method === 'greedy' || a.utility || a.completion) {
		throw new InputError(
			`a council vote is counted by its own rules: --method protected or majority only (developments are chosen by the rule the vote states)`
		);
	}
	const result = count(input, {
		method: a.method === 'protected' || a.method === 'majority' ? a.method : undefined
	});
	return a.json ? JSON.stringify(asJson(result)) + '\n' : table(a.file, result);
}

/** The JSON object printed with --json: the keys tests/fixtures/scenarios/README.md lists. */
export function asJson(r: CountResult) {
	const decisions: Record<string, string> = {};
	const protectedBy: Record<string, unknown[]> = {};
	const marginalBy: Record<string, unknown[]> = {};
	const flagged: Record<string, string[]> = {};
	const fragility: Record<string, Record<string, number | null>> = {};
	for (const p of r.proposals) {
		decisions[p.id] = p.decision;
		if (p.kind !== 'saving') continue;
		protectedBy[p.id] = p.protectedBy;
		if (p.marginalBy.length) marginalBy[p.id] = p.marginalBy;
		if (p.flagged.length) flagged[p.id] = p.flagged;
		if (p.protection.length)
			fragility[p.id] = Object.fromEntries(p.protection.map((f) => [f.group, f.fragility]));
	}
	return {
		version: r.version,
		method: r.method,
		rules: r.rules,
		ballots: r.ballots,
		decisions,
		protectedBy,
		marginalBy,
		flagged,
		fragility,
		selected: r.selected,
		accepted: r.accepted,
		developmentBudget: r.developmentBudget,
		spent: r.spent,
		savingsTarget: r.savingsTarget,
		saved: r.saved,
		shortfall: r.shortfall,
		overrideOrder: r.overrideOrder,
		dependsOnOpen: r.dependsOnOpen,
		majority: {
			decisions: r.majority.decisions,
			selected: r.majority.selected,
			accepted: r.majority.accepted,
			spent: r.majority.spent,
			saved: r.majority.saved,
			shortfall: r.majority.shortfall,
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
function table(file: string, r: CountResult): string {
	const out: string[] = [];
	const channels = Object.entries(r.ballots.byChannel)
		.filter(([, n]) => n > 0)
		.map(([c, n]) => `${c} ${num(n)}`)
		.join(', ');
	out.push(`Recount of ${basename(file)}`);
	out.push(
		`Method: ${r.method} (counting rules version 2)   Ballots: ${num(r.ballots.total)} (${channels || 'none'}; ${num(r.ballots.assured)} assured)`
	);
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
			p.marginalBy.length ? `too close to call (${p.marginalBy.join(', ')})` : '',
			p.dependsOnOpen ? 'depends on open ballots' : '',
			p.minorityPriority
				? `minority priority (${p.minorityGroups.map((g) => g.group).join(', ')})`
				: '',
			p.flagged.length ? `flagged: ${p.flagged.join(', ')}` : '',
			p.majorityDecision !== p.decision ? `majority: ${p.majorityDecision}` : ''
		]
			.filter(Boolean)
			.join('; ');
		out.push(
			[
				pad(String(p.rank), 4, true),
				pad(`${p.id} ${p.title === p.id ? '' : p.title}`.trim(), 28),
				pad(p.kind, 11),
				pad(formatMoney(p.amount), 16, true),
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
		out.push(`Spent ${formatMoney(r.spent)} of ${formatMoney(r.developmentBudget)}`);
	}
	if (r.accepted.length || r.savingsTarget > 0) {
		out.push(`Savings accepted: ${r.accepted.join(', ') || 'none'}`);
		out.push(
			`Saved ${formatMoney(r.saved)}${r.savingsTarget > 0 ? ` against a target of ${formatMoney(r.savingsTarget)}, short by ${formatMoney(r.shortfall)}` : ''}`
		);
	}
	if (r.overrideOrder.length) {
		out.push(
			`Override order for members, weakest protection first: ${r.overrideOrder
				.map(
					(o) =>
						`${o.id} (${o.decision === 'marginal' ? 'too close to call' : 'protected'} by ${o.groups.join(', ')})`
				)
				.join('; ')}`
		);
	}
	if (r.dependsOnOpen.length) out.push(`Depends on open ballots: ${r.dependsOnOpen.join(', ')}`);
	out.push(
		`Simple majority would decide differently on: ${r.majority.changed.join(', ') || 'nothing'}`
	);
	for (const s of r.summary) out.push(s);
	return out.join('\n') + '\n';
}
