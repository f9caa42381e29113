/**
 * Turns a parsed Pabulib file into an approval profile the counting rules run on: identical
 * ballots grouped, costs and budget as whole numbers, ties broken by project id as a string
 * (the pabutools convention the reference selections were made with).
 */
import type { ApprovalProfile } from './approval-profile';
import { metaValue, PabulibError, VoteReader, voteType, type PabulibFile } from './pabulib';

export interface PabulibElection {
	profile: ApprovalProfile;
	/** Project names (or ids when the file has no name column), by project index. */
	names: string[];
	/**
	 * Costs and budget are counted in 10^-decimals of the file's currency, so that decimal costs
	 * become whole numbers; `unit` (10^decimals) is one currency unit, the Add1 step.
	 */
	decimals: number;
	unit: number;
	/** Number of votes in the file. */
	voterCount: number;
	/** Number of distinct ballots after grouping identical ones. */
	distinctBallots: number;
}

/** Compares strings by Unicode code point, as Python does (ids are compared as strings). */
export function compareCodePoints(a: string, b: string): number {
	const ai = a[Symbol.iterator]();
	const bi = b[Symbol.iterator]();
	for (;;) {
		const x = ai.next();
		const y = bi.next();
		if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
		const cx = x.value.codePointAt(0) as number;
		const cy = y.value.codePointAt(0) as number;
		if (cx !== cy) return cx - cy;
	}
}

/** Tie-break ranks for ids compared as strings: the smallest id gets rank 0. */
export function lexicographicRank(ids: readonly string[]): number[] {
	const order = ids.map((_, i) => i).sort((a, b) => compareCodePoints(ids[a], ids[b]));
	const rank = new Array<number>(ids.length);
	order.forEach((p, r) => (rank[p] = r));
	return rank;
}

function decimalsOf(value: string): number {
	const m = /[.,](\d+)$/.exec(value);
	return m ? m[1].length : 0;
}

function scaled(value: string, decimals: number, line: number, what: string): number {
	const [whole, frac = ''] = value.split(/[.,]/);
	const digits = whole + frac.padEnd(decimals, '0');
	const n = Number(BigInt(digits));
	if (!Number.isSafeInteger(n))
		throw new PabulibError(line, `${what} is too large to count exactly`);
	return n;
}

/**
 * Builds the approval profile of an approval or choose-1 file.
 * @throws PabulibError for other vote types, which these rules do not count
 */
export function pabulibElection(file: PabulibFile): PabulibElection {
	const type = voteType(file);
	if (type !== 'approval' && type !== 'choose-1') {
		throw new PabulibError(
			0,
			`This file holds ${type} votes; the counting rules here take approval (or choose-1) votes`
		);
	}
	const pr = file.projects;
	const idCol = pr.columns.indexOf('project_id');
	const costCol = pr.columns.indexOf('cost');
	const nameCol = pr.columns.indexOf('name');
	const budgetText = metaValue(file, 'budget') as string;
	let decimals = decimalsOf(budgetText);
	for (const row of pr.rows) decimals = Math.max(decimals, decimalsOf(row[costCol]));
	const budgetLine = file.metaLines[file.meta.findIndex(([k]) => k === 'budget')];
	const budget = scaled(budgetText, decimals, budgetLine, 'The budget');
	const ids = pr.rows.map((r) => r[idCol]);
	const costs = pr.rows.map((r, i) =>
		scaled(r[costCol], decimals, pr.lines[i], `The cost of ${r[idCol]}`)
	);
	const names = pr.rows.map((r) => (nameCol >= 0 && r[nameCol] ? r[nameCol] : r[idCol]));

	const voteCol = file.votes.columns.indexOf('vote');
	// Group identical vote strings first (cheap), then identical sets written in another order.
	const raw = new Map<string, number>();
	for (const row of file.votes.rows) {
		const vote = row[voteCol];
		raw.set(vote, (raw.get(vote) ?? 0) + 1);
	}
	const groups = new Map<string, { approvals: number[]; weight: number }>();
	const wide = ids.length > 0xffff;
	const buf: number[] = [];
	const reader = new VoteReader(ids);
	for (const [vote, count] of raw) {
		buf.length = 0;
		let from = 0;
		const n = vote.length;
		while (n > 0) {
			// parsePabulib has checked that every id names a project.
			const p = reader.read(vote, from);
			const i = reader.end;
			// Insertion sort: votes name a handful of projects.
			let j = buf.length;
			buf.push(p);
			while (j > 0 && buf[j - 1] > p) {
				buf[j] = buf[j - 1];
				j--;
			}
			buf[j] = p;
			if (i >= n) break;
			from = i + 1;
		}
		// One character per project index: a short, exact key for the set.
		const key = wide ? buf.join(',') : String.fromCharCode.apply(null, buf);
		const g = groups.get(key);
		if (g) g.weight += count;
		else groups.set(key, { approvals: buf.slice(), weight: count });
	}
	// A canonical voter order, so that the float sums do not depend on the order of the file.
	const keys = [...groups.keys()].sort();
	const voters = keys.map((key) => groups.get(key) as { approvals: number[]; weight: number });
	return {
		profile: { ids, costs, budget, voters, tieRank: lexicographicRank(ids) },
		names,
		decimals,
		unit: 10 ** decimals,
		voterCount: file.votes.rows.length,
		distinctBallots: keys.length
	};
}
