import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaValue, parsePabulib, PabulibError, writePabulib, type PabulibFile } from './pabulib';

const DIR = new URL('../../../tests/fixtures/refdata/pabulib/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.pb'));

/** A small valid file, built line by line so each test can break one line. */
const LINES = [
	'META',
	'key;value',
	'description;Test',
	'num_projects;2',
	'num_votes;3',
	'budget;100',
	'vote_type;approval',
	'PROJECTS',
	'project_id;cost;name',
	'p1;60;"First; with a semicolon"',
	'p2;50;"Say ""hello"""',
	'VOTES',
	'voter_id;vote',
	'v1;p1,p2',
	'v2;p2',
	'v3;'
];
const text = (lines: string[], eol = '\n') => lines.join(eol) + eol;
const withLine = (i: number, line: string) => LINES.map((l, k) => (k === i ? line : l));
const without = (f: PabulibFile) => ({
	meta: f.meta,
	projects: f.projects.rows,
	votes: f.votes.rows
});

describe('parsePabulib', () => {
	it('reads sections, quoted fields and an empty vote', () => {
		const f = parsePabulib(text(LINES));
		expect(metaValue(f, 'budget')).toBe('100');
		expect(f.projects.rows).toEqual([
			['p1', '60', 'First; with a semicolon'],
			['p2', '50', 'Say "hello"']
		]);
		expect(f.votes.rows.map((r) => r[1])).toEqual(['p1,p2', 'p2', '']);
		expect(f.votes.lines).toEqual([14, 15, 16]);
	});

	it.each([
		{ name: 'CRLF line ends', input: text(LINES, '\r\n') },
		{ name: 'a byte order mark', input: '\ufeff' + text(LINES) },
		{ name: 'blank lines', input: text(LINES).replace('PROJECTS\n', '\nPROJECTS\n\n   \n') },
		{ name: 'spaces after separators', input: text(withLine(14, 'v2; p2')) },
		{ name: 'no final line end', input: text(LINES).trimEnd() },
		{ name: 'lower-case section titles', input: text(LINES).replace('VOTES', 'votes') }
	])('accepts $name', ({ input }) => {
		expect(without(parsePabulib(input))).toEqual(without(parsePabulib(text(LINES))));
	});

	it('reads a quoted field that runs over two lines, and counts lines on', () => {
		const f = parsePabulib(text(withLine(9, 'p1;60;"First\nline two"')));
		expect(f.projects.rows[0][2]).toBe('First\nline two');
		expect(f.votes.lines[0]).toBe(15);
	});

	it.each([
		{ name: 'no META title', lines: LINES.slice(1), line: 1, message: /must start with a META/ },
		{ name: 'a wrong META header', lines: withLine(1, 'k;v'), line: 2, message: /"key;value"/ },
		{
			name: 'a META line without a value',
			lines: withLine(2, 'description'),
			line: 3,
			message: /key and a value/
		},
		{
			name: 'a non-numeric budget',
			lines: withLine(5, 'budget;lots'),
			line: 6,
			message: /budget "lots" is not a number/
		},
		{
			name: 'an unknown vote type',
			lines: withLine(6, 'vote_type;ranked'),
			line: 7,
			message: /unknown vote_type "ranked"/
		},
		{
			name: 'a project header without cost',
			lines: withLine(8, 'project_id;price;name'),
			line: 9,
			message: /no "cost" column/
		},
		{
			name: 'a row with too many fields',
			lines: withLine(10, 'p2;50;x;y'),
			line: 11,
			message: /expected 3 fields .* found 4/
		},
		{
			name: 'a repeated project id',
			lines: withLine(10, 'p1;50;x'),
			line: 11,
			message: /project_id "p1" appears twice/
		},
		{
			name: 'a cost that is not a number',
			lines: withLine(10, 'p2;-5;x'),
			line: 11,
			message: /cost "-5" of project p2/
		},
		{
			name: 'a vote for an unknown project',
			lines: withLine(13, 'v1;p1,p9'),
			line: 14,
			message: /project "p9", which is not in PROJECTS/
		},
		{
			name: 'a project named twice in a vote',
			lines: withLine(13, 'v1;p2,p2'),
			line: 14,
			message: /names project "p2" twice/
		},
		{
			name: 'a vote for a prefix of a project id',
			lines: withLine(13, 'v1;p1,p'),
			line: 14,
			message: /project "p", which is not in PROJECTS/
		},
		{
			name: 'a vote for a longer id than a project has',
			lines: withLine(13, 'v1;p12'),
			line: 14,
			message: /project "p12", which is not in PROJECTS/
		},
		{
			name: 'a project named twice in a vote, once with spaces',
			lines: withLine(13, 'v1;p2, p2 '),
			line: 14,
			message: /names project "p2" twice/
		},
		{
			name: 'an empty project id in a vote',
			lines: withLine(13, 'v1;p1,,p2'),
			line: 14,
			message: /the vote "p1,,p2" has an empty project id/
		},
		{
			name: 'a repeated voter id',
			lines: withLine(14, 'v1;p2'),
			line: 15,
			message: /voter_id "v1" appears twice/
		},
		{
			name: 'an unclosed quote',
			lines: withLine(10, 'p2;50;"open'),
			line: 11,
			message: /never closed/
		},
		{
			name: 'sections out of order',
			lines: [...LINES.slice(0, 7), ...LINES.slice(11), ...LINES.slice(7, 11)],
			line: 8,
			message: /VOTES section comes before PROJECTS/
		},
		{
			name: 'fewer votes than num_votes says (a cut-short file)',
			lines: LINES.slice(0, 15),
			line: 5,
			message: /num_votes says 3 but the file has 2 votes/
		}
	])('names the line of $name', ({ lines, line, message }) => {
		const parse = () => parsePabulib(text(lines));
		expect(parse).toThrow(PabulibError);
		expect(parse).toThrow(message);
		try {
			parse();
		} catch (e) {
			expect((e as PabulibError).line).toBe(line);
		}
	});

	it('says when a whole section is missing', () => {
		expect(() => parsePabulib(text(LINES.slice(0, 11)))).toThrow(/no VOTES section/);
	});
});

describe('writePabulib', () => {
	it('quotes only what must be quoted', () => {
		const out = writePabulib(parsePabulib(text(LINES)));
		expect(out).toContain('p1;60;"First; with a semicolon"\n');
		expect(out).toContain('p2;50;"Say ""hello"""\n');
		expect(out).toContain('v3;\n');
	});

	it('writes CRLF when asked', () => {
		expect(writePabulib(parsePabulib(text(LINES)), { crlf: true })).toBe(text(LINES, '\r\n'));
	});

	it('writes the sample back byte for byte', () => {
		expect(writePabulib(parsePabulib(text(LINES)))).toBe(text(LINES));
	});
});

describe('every reference file', () => {
	it('has 20 files to read', () => {
		expect(FILES.length).toBe(20);
	});

	it.each(FILES)('%s reads and round-trips', (file) => {
		const raw = readFileSync(new URL(file, DIR), 'utf8');
		const first = parsePabulib(raw);
		expect(first.votes.rows.length).toBe(Number(metaValue(first, 'num_votes')));
		const again = parsePabulib(writePabulib(first));
		expect(without(again)).toEqual(without(first));
		// Files without spaces to trim come back identical, line ends aside.
		const normalised = raw.replace(/\r\n/g, '\n').replace(/\n?$/, '\n');
		expect(writePabulib(first)).toBe(normalised);
	});
});
