/**
 * A disclosure check for published files (open data): finds every count of people under 10 and
 * every combination of a person's attributes shared by fewer than 10 ballots. For tests.
 *
 * What counts as "a count of people": the size of a published group or cell (`respondents`,
 * `n`, `ballots` columns; a group's `ballots` in a vote's group totals). Marks within a group
 * of 10 or more (its wants and don't-wants) are published, as the recount needs them exactly;
 * so are dots on a lab idea (a count of dots, not of people with a characteristic), ranks,
 * positions and fragility margins. The attributes of a ballot are its area, age band, segments
 * and service use (channel and assurance say how a ballot came in, not who cast it).
 */
import { metaValue, parsePabulib } from '../budget/pabulib';

/** Rows of a CSV file as our writer makes it (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endRow = () => {
		row.push(cell);
		rows.push(row);
		row = [];
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else cell += ch;
	}
	if (cell !== '' || row.length) endRow();
	return rows;
}

/** Columns that count people in a group or cell. */
const PEOPLE = new Set(['respondents', 'n', 'ballots']);
/** A header row of a CSV section starts with one of these (see the vote's proposals CSV). */
const SECTION_STARTS = new Set(['rank', 'proposal_id', 'position', 'group', 'service', 'lab']);

const small = (n: number) => Number.isInteger(n) && n > 0 && n < 10;

function csvFindings(name: string, text: string): string[] {
	const found: string[] = [];
	let header: string[] = [];
	for (const [i, row] of parseCsv(text).entries()) {
		if (i === 0 || (SECTION_STARTS.has(row[0]) && row.every((c) => /^[a-z_]+$/.test(c)))) {
			header = row;
			continue;
		}
		row.forEach((cell, c) => {
			if (PEOPLE.has(header[c]) && cell !== '' && small(Number(cell)))
				found.push(`${name} line ${i + 1}: ${header[c]} ${cell}`);
		});
	}
	return found;
}

interface PublishedBallot {
	area?: string | null;
	ageBand?: string | null;
	uses?: unknown[];
	segments?: unknown[];
	count?: number;
}

/** Combinations of attributes shared by fewer than 10 ballots, and attributes per ballot. */
function ballotFindings(
	name: string,
	ballots: { key: string; count: number; personal: boolean }[]
): string[] {
	const found: string[] = [];
	const by = new Map<string, number>();
	for (const b of ballots) {
		if (b.personal) found.push(`${name}: a ballot names its segments or service use`);
		by.set(b.key, (by.get(b.key) ?? 0) + b.count);
	}
	for (const [key, n] of by) if (small(n)) found.push(`${name}: ${n} ballots with ${key}`);
	return found;
}

function groupFindings(name: string, groups: unknown): string[] {
	const found: string[] = [];
	for (const g of (groups ?? []) as {
		proposal: string;
		group: string;
		all: { ballots?: number };
		assured: { ballots?: number };
	}[])
		for (const view of ['all', 'assured'] as const) {
			const n = g[view].ballots;
			if (n !== undefined && small(n))
				found.push(`${name}: group ${g.group} of proposal ${g.proposal} (${view}) has ${n}`);
		}
	return found;
}

/** Every finding in the files (name to text); none means nothing can single anyone out. */
export function disclosureFindings(files: Record<string, string>): string[] {
	const found: string[] = [];
	for (const [name, text] of Object.entries(files)) {
		if (name.endsWith('.csv')) found.push(...csvFindings(name, text));
		else if (name.endsWith('.pb')) {
			const pb = parsePabulib(text);
			const col = (c: string) => pb.votes.columns.indexOf(c);
			const [area, age, uses, segments] = ['neighborhood', 'age_band', 'uses', 'segments'].map(col);
			found.push(
				...ballotFindings(
					name,
					pb.votes.rows.map((r) => ({
						key: `area ${r[area] ?? '-'}, age band ${r[age] ?? '-'}`,
						count: 1,
						personal: (uses >= 0 && r[uses] !== '') || (segments >= 0 && r[segments] !== '')
					}))
				),
				...groupFindings(name, JSON.parse(metaValue(pb, 'groups') ?? '[]'))
			);
		} else if (name.endsWith('.json')) {
			const data = JSON.parse(text) as { ballots?: PublishedBallot[]; groups?: unknown };
			if (!Array.isArray(data.ballots)) continue;
			found.push(
				...ballotFindings(
					name,
					data.ballots.map((b) => ({
						key: `area ${b.area ?? '-'}, age band ${b.ageBand ?? '-'}`,
						count: b.count ?? 1,
						personal: (b.uses?.length ?? 0) > 0 || (b.segments?.length ?? 0) > 0
					}))
				),
				...groupFindings(name, data.groups)
			);
		}
	}
	return found;
}
