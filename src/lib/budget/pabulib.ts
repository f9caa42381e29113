/**
 * Reader and writer for Pabulib `.pb` files (https://pabulib.org/format; pitfalls in
 * refdata/FORMAT.md): three sections, META, PROJECTS and VOTES, each a title line, a header line
 * and `;`-separated rows with CSV quoting. LF or CRLF line ends, an optional BOM and blank lines
 * are accepted. Anything malformed is an error naming the line and what was wrong: a count
 * must never run on part of a file.
 *
 * Spreadsheets open `.pb` files too, so the writer neutralises formulas as the CSV exports do
 * (csv.ts): a field that starts with = + - @ (or a tab or carriage return) gets an apostrophe
 * in front, unless it is a number (-122.31) or Pabulib's lone "-". The reader takes that
 * apostrophe off again, so a file reads back exactly as it was written (see `neutraliseField`).
 */
import { FORMULA_START } from '../csv/csv';

export interface PabulibSection {
	/** Column names from the header line. */
	columns: string[];
	/** Data rows, one value per column, trimmed. */
	rows: string[][];
	/** The 1-based line on which each row starts, for error messages. */
	lines: number[];
}

export interface PabulibFile {
	/** META key / value pairs in file order. */
	meta: [string, string][];
	/** The line of each META pair. */
	metaLines: number[];
	projects: PabulibSection;
	votes: PabulibSection;
}

/** A malformed `.pb` file: the message starts with the line number when there is one. */
export class PabulibError extends Error {
	/** 1-based line number the problem was found on (0 when it concerns the whole file). */
	readonly line: number;
	constructor(line: number, problem: string) {
		super(line > 0 ? `Line ${line}: ${problem}` : problem);
		this.name = 'PabulibError';
		this.line = line;
	}
}

const SECTIONS = ['meta', 'projects', 'votes'] as const;
type SectionName = (typeof SECTIONS)[number];

const VOTE_TYPES = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'];

/** A non-negative decimal: digits, optionally a `.` or `,` and more digits (pabutools accepts both). */
const DECIMAL = /^\d+(?:[.,]\d+)?$/;

/** Reads the quoted fields of a line that contains `"`; may pull in following lines. */
function splitQuoted(
	text: string,
	start: number,
	lineNo: number
): { fields: string[]; next: number; lines: number } {
	const fields: string[] = [];
	let field = '';
	let i = start;
	let lines = 1;
	const n = text.length;
	let quoted = false;
	let atFieldStart = true;
	for (;;) {
		if (i >= n) {
			if (quoted) throw new PabulibError(lineNo, 'a quoted field is never closed');
			fields.push(field);
			return { fields, next: n, lines };
		}
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else {
					quoted = false;
					i++;
				}
			} else {
				if (ch === '\n') lines++;
				field += ch;
				i++;
			}
			continue;
		}
		if (ch === '"' && atFieldStart) {
			quoted = true;
			atFieldStart = false;
			i++;
			continue;
		}
		if (ch === ';') {
			fields.push(field);
			field = '';
			atFieldStart = true;
			i++;
			continue;
		}
		if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
			fields.push(field);
			return { fields, next: ch === '\n' ? i + 1 : i + 2, lines };
		}
		// As in Python's csv module (which pabutools uses), a quote opens a quoted field only
		// as the field's first character; elsewhere it is an ordinary character.
		atFieldStart = false;
		field += ch;
		i++;
	}
}

/**
 * Parses the text of a `.pb` file.
 * @throws PabulibError naming the line and the problem
 */
export function parsePabulib(text: string): PabulibFile {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const file: PabulibFile = {
		meta: [],
		metaLines: [],
		projects: { columns: [], rows: [], lines: [] },
		votes: { columns: [], rows: [], lines: [] }
	};
	let section: SectionName | null = null;
	let headerDone = false;
	const seen = new Set<SectionName>();
	let lineNo = 0;
	let pos = 0;
	const n = text.length;
	let nextQuote = text.indexOf('"');
	while (pos < n) {
		lineNo++;
		let fields: string[];
		const here = lineNo;
		let end = text.indexOf('\n', pos);
		if (end < 0) end = n;
		// The next quote in the text, found again only once passed: most files have none.
		if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
		if (nextQuote >= 0 && nextQuote < end) {
			const r = splitQuoted(text, pos, lineNo);
			fields = r.fields.map((f) => restoreField(f.trim()));
			lineNo += r.lines - 1;
			pos = r.next;
		} else {
			let raw = text.slice(pos, end);
			if (raw.endsWith('\r')) raw = raw.slice(0, -1);
			pos = end + 1;
			if (raw.trim() === '') continue;
			fields = raw.split(';');
			for (let k = 0; k < fields.length; k++) {
				const f = fields[k].trim();
				// Only a field starting with an apostrophe can have been neutralised.
				fields[k] = f.charCodeAt(0) === 39 ? restoreField(f) : f;
			}
		}
		if (fields.length === 1) {
			const title = fields[0].toLowerCase();
			if (title === '') continue;
			if ((SECTIONS as readonly string[]).includes(title)) {
				const name = title as SectionName;
				if (seen.has(name)) throw new PabulibError(here, `a second ${name.toUpperCase()} section`);
				const expected = SECTIONS[seen.size];
				if (name !== expected) {
					throw new PabulibError(
						here,
						`the ${name.toUpperCase()} section comes before ${expected.toUpperCase()}; the order is META, PROJECTS, VOTES`
					);
				}
				seen.add(name);
				section = name;
				headerDone = false;
				continue;
			}
		}
		if (section === null) {
			throw new PabulibError(here, 'the file must start with a META section title');
		}
		if (!headerDone) {
			readHeader(file, section, fields, here);
			headerDone = true;
			continue;
		}
		if (section === 'meta') {
			if (fields.length !== 2) {
				throw new PabulibError(
					here,
					`a META line needs a key and a value separated by ";", found ${fields.length} fields (quote values that contain ";")`
				);
			}
			file.meta.push([fields[0], fields[1]]);
			file.metaLines.push(here);
		} else {
			const s = section === 'projects' ? file.projects : file.votes;
			if (fields.length !== s.columns.length) {
				throw new PabulibError(
					here,
					`expected ${s.columns.length} fields (${s.columns.join(';')}), found ${fields.length}`
				);
			}
			s.rows.push(fields);
			s.lines.push(here);
		}
	}
	for (const name of SECTIONS) {
		if (!seen.has(name)) throw new PabulibError(0, `The file has no ${name.toUpperCase()} section`);
	}
	if (!file.projects.columns.length)
		throw new PabulibError(0, 'The PROJECTS section has no header');
	if (!file.votes.columns.length) throw new PabulibError(0, 'The VOTES section has no header');
	validate(file);
	return file;
}

function readHeader(file: PabulibFile, section: SectionName, fields: string[], line: number): void {
	const dup = fields.find((f, i) => fields.indexOf(f) !== i);
	if (dup !== undefined) throw new PabulibError(line, `the column "${dup}" appears twice`);
	if (fields.some((f) => f === '')) throw new PabulibError(line, 'a column name is empty');
	if (section === 'meta') {
		if (fields.length !== 2 || fields[0] !== 'key' || fields[1] !== 'value') {
			throw new PabulibError(line, 'the META header must be "key;value"');
		}
		return;
	}
	const required = section === 'projects' ? ['project_id', 'cost'] : ['voter_id', 'vote'];
	for (const r of required) {
		if (!fields.includes(r)) {
			throw new PabulibError(line, `the ${section.toUpperCase()} header has no "${r}" column`);
		}
	}
	if (section === 'projects') file.projects.columns = fields;
	else file.votes.columns = fields;
}

/** The value of a META key, or undefined. */
export function metaValue(file: PabulibFile, key: string): string | undefined {
	for (const [k, v] of file.meta) if (k === key) return v;
	return undefined;
}

function metaLine(file: PabulibFile, key: string): number {
	const i = file.meta.findIndex(([k]) => k === key);
	return i < 0 ? 0 : file.metaLines[i];
}

/** The vote type, lower-cased. */
export function voteType(file: PabulibFile): string {
	return (metaValue(file, 'vote_type') ?? '').toLowerCase();
}

/** Most ids a trie is built for (by total length): beyond that, ids are only looked up by string. */
const TRIE_CHARS = 4096;

/**
 * Reads the project ids of comma-separated votes ("3,17,4") as project indices. An id the trie
 * knows exactly is found without cutting the vote into strings; anything else is cut out, trimmed
 * and looked up by string. The trie is over ASCII characters: `next[node * 128 + ch]` is the
 * child's node + 1 (0: none; node 0 is the root), `term[node]` the project index whose id ends
 * there (-1: none); only the root for very long id lists. As in a Map built from the list, a
 * repeated id names its last project.
 */
export class VoteReader {
	/** Where the id last read ends: the index of the comma after it, or the vote's length. */
	end = 0;
	readonly #next: Int32Array;
	readonly #term: Int32Array;
	readonly #index: ReadonlyMap<string, number>;

	constructor(ids: readonly string[]) {
		this.#index = new Map(ids.map((id, p) => [id, p]));
		let chars = 0;
		for (const id of ids) chars += id.length;
		if (chars > TRIE_CHARS) {
			this.#next = new Int32Array(128);
			this.#term = new Int32Array(1).fill(-1);
			return;
		}
		const next = new Int32Array((chars + 1) * 128);
		const term = new Int32Array(chars + 1).fill(-1);
		let nodes = 1;
		ids.forEach((id, p) => {
			let node = 0;
			for (let i = 0; i < id.length; i++) {
				const ch = id.charCodeAt(i);
				if (ch >= 128) return;
				const k = node * 128 + ch;
				if (next[k] === 0) next[k] = ++nodes;
				node = next[k] - 1;
			}
			if (node > 0) term[node] = p;
		});
		this.#next = next;
		this.#term = term;
	}

	/**
	 * The project named by the id that starts at `from` in `vote` and runs to the next comma (its
	 * end is then in `end`).
	 * @returns the project index, or -1 when no project has that id
	 */
	read(vote: string, from: number): number {
		const next = this.#next;
		const n = vote.length;
		let node = 0;
		let i = from;
		for (; i < n; i++) {
			const ch = vote.charCodeAt(i);
			if (ch === 44) break;
			if (node >= 0) node = ch < 128 ? next[node * 128 + ch] - 1 : -1;
		}
		this.end = i;
		const p = node > 0 ? this.#term[node] : -1;
		return p >= 0 ? p : (this.#index.get(vote.slice(from, i).trim()) ?? -1);
	}
}

/**
 * Checks one comma-separated vote: every id names a project, none twice.
 * @returns how many projects it names
 */
function checkVote(
	vote: string,
	reader: VoteReader,
	stamp: Int32Array,
	voteNo: number,
	line: number
): number {
	const n = vote.length;
	if (n === 0) return 0;
	let count = 0;
	let from = 0;
	for (;;) {
		const p = reader.read(vote, from);
		const i = reader.end;
		if (p < 0) {
			const id = vote.slice(from, i).trim();
			if (id === '') throw new PabulibError(line, `the vote "${vote}" has an empty project id`);
			throw new PabulibError(line, `the vote names project "${id}", which is not in PROJECTS`);
		}
		if (stamp[p] === voteNo) {
			throw new PabulibError(line, `the vote names project "${vote.slice(from, i).trim()}" twice`);
		}
		stamp[p] = voteNo;
		count++;
		if (i >= n) return count;
		from = i + 1;
	}
}

/** Checks what a count relies on: budget, vote type, ids, costs and votes that name real projects. */
function validate(file: PabulibFile): void {
	const metaKeys = new Set<string>();
	file.meta.forEach(([k], i) => {
		if (metaKeys.has(k))
			throw new PabulibError(file.metaLines[i], `the META key "${k}" appears twice`);
		metaKeys.add(k);
	});
	const budget = metaValue(file, 'budget');
	if (budget === undefined) throw new PabulibError(0, 'The META section has no budget');
	if (!DECIMAL.test(budget)) {
		throw new PabulibError(metaLine(file, 'budget'), `the budget "${budget}" is not a number`);
	}
	const type = voteType(file);
	if (!type) throw new PabulibError(0, 'The META section has no vote_type');
	if (!VOTE_TYPES.includes(type)) {
		throw new PabulibError(
			metaLine(file, 'vote_type'),
			`unknown vote_type "${type}" (expected one of ${VOTE_TYPES.join(', ')})`
		);
	}

	const pr = file.projects;
	const idCol = pr.columns.indexOf('project_id');
	const costCol = pr.columns.indexOf('cost');
	const ids = new Set<string>();
	pr.rows.forEach((row, i) => {
		const id = row[idCol];
		if (id === '') throw new PabulibError(pr.lines[i], 'a project has no project_id');
		if (ids.has(id)) throw new PabulibError(pr.lines[i], `the project_id "${id}" appears twice`);
		ids.add(id);
		if (!DECIMAL.test(row[costCol])) {
			throw new PabulibError(
				pr.lines[i],
				`the cost "${row[costCol]}" of project ${id} is not a number`
			);
		}
	});

	const vs = file.votes;
	const voterCol = vs.columns.indexOf('voter_id');
	const voteCol = vs.columns.indexOf('vote');
	const pointsCol = vs.columns.indexOf('points');
	const scored = type === 'cumulative' || type === 'scoring';
	if (scored && pointsCol < 0) {
		throw new PabulibError(0, `A ${type} file needs a "points" column in VOTES`);
	}
	const reader = new VoteReader(pr.rows.map((row) => row[idCol]));
	// Identical vote strings are common (city-wide votes repeat the popular choices): check each
	// distinct one once, remembering how many projects it names.
	const checked = new Map<string, number>();
	const stamp = new Int32Array(pr.rows.length).fill(-1);
	const voters = new Set<string>();
	for (let i = 0; i < vs.rows.length; i++) {
		const row = vs.rows[i];
		const line = vs.lines[i];
		const voter = row[voterCol];
		if (voter === '') throw new PabulibError(line, 'a vote has no voter_id');
		if (voters.has(voter)) throw new PabulibError(line, `the voter_id "${voter}" appears twice`);
		voters.add(voter);
		const vote = row[voteCol];
		let length = checked.get(vote);
		if (length === undefined) {
			length = checkVote(vote, reader, stamp, i, line);
			if (type === 'choose-1' && length > 1) {
				throw new PabulibError(line, 'a choose-1 vote names more than one project');
			}
			checked.set(vote, length);
		}
		if (scored) {
			const points = row[pointsCol] === '' ? 0 : row[pointsCol].split(',').length;
			if (points !== length) {
				throw new PabulibError(
					line,
					`the vote names ${length} projects but gives ${points} points`
				);
			}
		}
	}

	const counts: [string, number, string][] = [
		['num_projects', pr.rows.length, 'projects'],
		['num_votes', vs.rows.length, 'votes']
	];
	for (const [key, actual, what] of counts) {
		const declared = metaValue(file, key);
		if (declared === undefined) continue;
		if (!/^\d+$/.test(declared) || Number(declared) !== actual) {
			throw new PabulibError(
				metaLine(file, key),
				`${key} says ${declared} but the file has ${actual} ${what} (is it cut short?)`
			);
		}
	}
}

/** Quotes a field when it contains the separator, a quote or a line break. */
function quote(field: string): string {
	if (!/[;"\r\n]/.test(field)) return field;
	return `"${field.replaceAll('"', '""')}"`;
}

/** A number (a cost, a longitude such as -122.31) or Pabulib's lone "-" for no value. */
const NUMBER_OR_SIGN = /^[+-]?(?:\d+(?:[.,]\d+)?)?$/;

/** Whether a spreadsheet would run the field as a formula, apostrophes in front aside. */
function formulaLike(field: string): boolean {
	const core = field.replace(/^'+/, '');
	return FORMULA_START.test(core) && !NUMBER_OR_SIGN.test(core);
}

/**
 * A field as written: an apostrophe in front of one a spreadsheet would run as a formula
 * (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`, as in the CSV exports). A field that already
 * starts with apostrophes before such text gets one more, so that `restoreField` can always take
 * exactly one off: reading back gives the text as it was, and a recount the same digest.
 */
export function neutraliseField(field: string): string {
	return (FORMULA_START.test(field) || field.startsWith("'")) && formulaLike(field)
		? `'${field}`
		: field;
}

/** A field as read: the apostrophe `neutraliseField` put in front, taken off. */
export function restoreField(field: string): string {
	return field.startsWith("'") && formulaLike(field) ? field.slice(1) : field;
}

/** What the writer puts in the file for a field. */
function cell(field: string): string {
	return quote(neutraliseField(field));
}

/**
 * Writes a parsed file back as `.pb` text: sections in order, one line per row, LF line ends
 * unless `crlf` is set, a final line end, fields quoted only where they must be.
 */
export function writePabulib(file: PabulibFile, options: { crlf?: boolean } = {}): string {
	const eol = options.crlf ? '\r\n' : '\n';
	const out: string[] = ['META', 'key;value'];
	for (const [k, v] of file.meta) out.push(`${cell(k)};${cell(v)}`);
	out.push('PROJECTS', file.projects.columns.map(cell).join(';'));
	for (const row of file.projects.rows) out.push(row.map(cell).join(';'));
	out.push('VOTES', file.votes.columns.map(cell).join(';'));
	for (const row of file.votes.rows) out.push(row.map(cell).join(';'));
	return out.join(eol) + eol;
}
