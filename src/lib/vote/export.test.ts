import { describe, expect, it } from 'vitest';
import type { Column } from '../csv/table';
import { scenarios } from '../test/votes';
import { count } from '../budget/count';
import type { CountResult } from '../budget/types';
import {
	BREAKDOWN_COLUMNS,
	breakdownRows,
	csvCell,
	findingText,
	fragilityText,
	nameGroup,
	overrideColumns,
	overrideRows,
	proposalColumns,
	tallyCells,
	toCsv,
	type Labels
} from './export';
import { DECISION_LABELS } from './rules';

describe('CSV for commissioners', () => {
	it.each([
		['plain text is quoted', 'Libraries', '"Libraries"'],
		['quotes are doubled', 'the "hub"', '"the ""hub"""'],
		['a formula is neutralised', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
		['so is a leading plus, minus or at', '@SUM(A1)', '"\'@SUM(A1)"'],
		['numbers stay numbers, negatives too', -12.5, '-12.5'],
		['null is empty', null, '']
	])('%s', (_name, value, cell) => {
		expect(csvCell(value as string | number | null)).toBe(cell);
	});

	it('writes a byte order mark and CRLF lines', () => {
		expect(
			toCsv([
				['a', 1],
				['b', 2]
			])
		).toBe('\uFEFF"a",1\r\n"b",2\r\n');
	});

	it('suppresses a cell of fewer than 10 ballots', () => {
		const tally = {
			ballots: 9,
			n: 9,
			wants: 5,
			dontWants: 4,
			noView: 0,
			net: 1,
			support: 0.55,
			opposition: 0.44,
			suppressed: true
		};
		expect(tallyCells(tally)).toEqual([
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			'suppressed (fewer than 10 ballots)'
		]);
		expect(tallyCells({ ...tally, ballots: 10, n: 10, suppressed: false })[0]).toBe(10);
	});
});

/** A scenario file, counted. */
function counted(file: string): CountResult {
	return count(scenarios().find((s) => s.file === file)!.input);
}

const labels = (segments: [string, string][]): Labels => ({
	segments: new Map(segments),
	areas: new Map(),
	services: new Map()
});

/** A table's cells for one row, by key: what the workbook shows and what the CSV writes. */
function cells<T>(columns: Column<T>[], row: T) {
	const sheet = Object.fromEntries(columns.map((c) => [c.key, c.value(row)]));
	const csv = Object.fromEntries(columns.map((c) => [c.key, (c.code ?? c.value)(row)]));
	return { sheet, csv };
}

describe('naming groups for staff', () => {
	const segments = new Map([
		['disabled', 'Disabled residents'],
		['deaf', 'Deaf or hard of hearing']
	]);
	it.each([
		['users', 'declared', 'Service users'],
		['users', 'verified', 'Verified service users'],
		['disabled', 'declared', 'Disabled residents'],
		['users+disabled', 'verified', 'Verified service users + Disabled residents'],
		['deaf+disabled', 'declared', 'Deaf or hard of hearing + Disabled residents'],
		['archived', 'declared', 'archived']
	] as const)('%s (%s membership) is "%s"', (group, membership, name) => {
		expect(nameGroup(group, segments, membership)).toBe(name);
	});

	it("gives a group's figures, and each group's fragility, in a few words", () => {
		const f = counted('day-centres.json').proposals[0].protection[0];
		expect(findingText(f, 'Service users')).toMatch(
			/^Service users: \d+ of \d+ don't want it \(\d+%; other voters \d+%\)$/
		);
		expect(
			fragilityText(
				[
					{ ...f, group: 'users', fragility: 14 },
					{ ...f, group: 'disabled', fragility: null }
				],
				(x) => nameGroup(x.group, segments)
			)
		).toBe('Service users: 14');
	});
});

describe('the proposals table', () => {
	it('names the groups that protect a saving, with fragility, and its place in the override order', () => {
		const r = counted('day-centres.json');
		const l = labels([
			['disabled', 'Disabled residents'],
			['carers', 'Carers']
		]);
		const day = r.proposals.find((p) => p.id === 'day-centres')!;
		const { sheet, csv } = cells(proposalColumns(r, l), day);
		expect(sheet.decision).toBe(DECISION_LABELS.protected);
		expect(csv.decision).toBe('protected');
		expect(sheet.kind).toBe('Saving');
		expect(csv.kind).toBe('saving');
		expect(String(sheet.protected_by).split('; ')).toEqual([
			'Service users',
			'Disabled residents',
			'Service users + Disabled residents',
			'Service users + Carers',
			'Disabled residents + Carers',
			'Service users + Disabled residents + Carers'
		]);
		expect(sheet.fragility).toContain('Service users + Carers: 16');
		expect(sheet.override_order).toBe(1);
		expect(sheet.amount_pounds).toBe(400000);
		const lights = r.proposals.find((p) => p.id === 'street-lights')!;
		expect(cells(proposalColumns(r, l), lights).sheet.override_order).toBeNull();
	});

	it.each([
		[
			'too close to call',
			'confidence-marginal.json',
			'hydro-pool',
			{ marginal_by: 'Service users', fragility: 'Service users: 5' }
		],
		[
			'a flag for review, with its figures',
			'undeclared-divergence.json',
			'youth-bus',
			{ flagged_for_review: expect.stringMatching(/^Aged 16 to 24: \d+ of \d+ don't want it/) }
		],
		[
			'depending on open ballots',
			'assurance-open-ballots.json',
			'dial-a-ride',
			{ depends_on_open_ballots: 'yes' }
		]
	])('shows %s', (_name, file, id, expected) => {
		const r = counted(file);
		const l = labels([['young', 'Aged 16 to 24']]);
		const p = r.proposals.find((x) => x.id === id)!;
		expect(cells(proposalColumns(r, l), p).sheet).toMatchObject(expected);
	});

	it('marks a knock-on change', () => {
		const r = counted('day-centres.json');
		const changed = r.proposals.filter((p) => p.knockOn);
		expect(changed.length).toBeGreaterThan(0);
		for (const p of changed)
			expect(cells(proposalColumns(r, labels([])), p).sheet.knock_on).toBe('yes');
	});

	it('lists the override order weakest first, with each entry named for people', () => {
		const r = counted('override-order.json');
		const rows = overrideRows(r);
		expect(rows.map((o) => [o.position, o.proposal.id])).toEqual([
			[1, 'hydro-pool'],
			[2, 'bus-pass'],
			[3, 'day-centre']
		]);
		const first = cells(overrideColumns(r, labels([])), rows[0]);
		expect(first.sheet).toMatchObject({
			decision: DECISION_LABELS.marginal,
			groups: 'Service users',
			amount_pounds: 120000
		});
		expect(first.csv.decision).toBe('marginal');
	});
});

describe('the breakdown table', () => {
	it('gives users their name for people and channels theirs, and keeps codes for the CSV', () => {
		const r = counted('day-centres.json');
		const rows = breakdownRows(r, labels([]), ['users', 'channel']);
		expect(new Set(rows.map((x) => x.kind))).toEqual(new Set(['users', 'channel']));
		const users = cells(
			BREAKDOWN_COLUMNS,
			rows.find((x) => x.kind === 'users')!
		);
		expect(users.sheet).toMatchObject({
			breakdown: 'Use of the service',
			group: 'Service users'
		});
		expect(users.csv).toMatchObject({ breakdown: 'users', group_id: 'users' });
		const room = cells(
			BREAKDOWN_COLUMNS,
			rows.find((x) => x.id === 'room')!
		);
		expect(room.sheet.group).toBe('In a room');
	});
});
