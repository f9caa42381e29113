import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents } from './board';
import { boardCsv, boardExportRows } from './board-export';
import type { Dot } from './dots';
import type { ItemRef } from './ideas';
import { arbitraryAction, ARBITRARY_IDEA_IDS, idea, ideas, log } from '../test/ideas';

const item = (type: 'idea' | 'theme', id: string): ItemRef => ({ type, id });
const dots = (participantId: string, target: ItemRef, n: number): Dot[] =>
	Array.from({ length: n }, () => ({ participantId, item: target }));

// i3 merged into i1; i5 hidden; theme t1 holds i2, which is shortlisted.
const BOARD = applyEvents(
	ideas(5),
	log(
		{ type: 'merge', sourceId: 'i3', targetId: 'i1' },
		{ type: 'hide', ideaId: 'i5', reason: 'Off topic' },
		{ type: 'createTheme', themeId: 't1', name: 'Transport' },
		{ type: 'moveToTheme', ideaId: 'i2', themeId: 't1' },
		{ type: 'shortlist', item: { type: 'idea', id: 'i2' } }
	)
);
const DOTS = [
	...dots('p1', item('idea', 'i1'), 1),
	...dots('p2', item('idea', 'i3'), 2),
	...dots('p1', item('idea', 'i5'), 2),
	...dots('p3', item('theme', 't1'), 1)
];
const ROWS = boardExportRows(BOARD, DOTS, [{ id: 'p1', role: 'carer' }]);

describe('boardExportRows', () => {
	it('lists every idea, then every theme', () => {
		expect(ROWS.map((r) => `${r.type}:${r.id}`)).toEqual([
			'idea:i1',
			'idea:i2',
			'idea:i3',
			'idea:i4',
			'idea:i5',
			'theme:t1'
		]);
	});

	it.each([
		// i1: 1 placed on it; counted 1 + 2 from its duplicate i3 = 3, the most, so rank 1
		{ id: 'i1', status: 'visible', placed: 1, counted: 3, rank: 1, extra: {} },
		{
			id: 'i2',
			status: 'visible',
			placed: 0,
			counted: 0,
			rank: 3,
			extra: { theme: 'Transport', shortlisted: true }
		},
		{
			id: 'i3',
			status: 'merged',
			placed: 2,
			counted: null,
			rank: null,
			extra: { mergedInto: 'i1' }
		},
		{
			id: 'i5',
			status: 'hidden',
			placed: 2,
			counted: null,
			rank: null,
			extra: { hiddenReason: 'Off topic' }
		},
		// t1: 1 dot, second after i1 (i2 and i4 have none)
		{ id: 't1', status: 'theme', placed: 1, counted: 1, rank: 2, extra: { text: 'Transport' } }
	])(
		'$id is $status with $placed placed and $counted counted',
		({ id, status, placed, counted, rank, extra }) => {
			const row = ROWS.find((r) => r.id === id)!;
			expect(row).toMatchObject({
				status,
				dotsPlaced: placed,
				dotsCounted: counted,
				rank,
				...extra
			});
		}
	);

	it('keeps hidden and merged ideas whatever the moderation log says', () => {
		const aLog = fc.array(arbitraryAction(), { maxLength: 25 }).map((actions) => log(...actions));
		fc.assert(
			fc.property(aLog, (events) => {
				const board = applyEvents(ideas(ARBITRARY_IDEA_IDS.length), events);
				const rows = boardExportRows(board, [], []).filter((r) => r.type === 'idea');
				expect(rows.map((r) => r.id)).toEqual(ARBITRARY_IDEA_IDS);
				for (const row of rows) {
					expect(row.hiddenReason !== null).toBe(row.status === 'hidden');
				}
			})
		);
	});
});

describe('boardCsv', () => {
	const tricky = applyEvents(
		[
			idea('i1', { text: 'Buses, not taxis: "shared" ones', role: 'serviceUser', postedAt: 0 }),
			idea('i2', { text: '=HYPERLINK("http://evil")', postedAt: 1000 }),
			idea('i3', { text: 'Two\nlines', postedAt: 2000 })
		],
		[]
	);
	const csv = boardCsv(boardExportRows(tricky, [], []));
	const lines = csv.split('\r\n');

	it('has a header, one line per row (a quoted field may span lines) and a final line end', () => {
		expect([lines.length, csv.endsWith('\r\n')]).toEqual([5, true]);
	});

	it('names the columns in plain English', () => {
		// Every text cell is quoted, as in every export (src/lib/csv).
		expect(lines[0]).toBe(
			[
				'Type',
				'Id',
				'Text',
				'Kind',
				'Could contribute',
				'Prompt id',
				'Poster role',
				'Posted or created (UTC)',
				'Theme',
				'Status',
				'Hidden because',
				'Merged into',
				'Dots placed on it',
				'Dots counted',
				'Dots from service users',
				'Dots from carers',
				'Dots from staff',
				'Dots from managers',
				'Dots from others',
				'Dots from people who gave no role',
				'Rank',
				'Shortlisted'
			]
				.map((h) => `"${h}"`)
				.join(',')
		);
	});

	it('quotes commas and quotes', () => {
		expect(lines[1]).toBe(
			'"idea","i1","Buses, not taxis: ""shared"" ones","Saves money",,"q1","Service user",' +
				'"1970-01-01T00:00:00.000Z",,"visible",,,0,0,0,0,0,0,0,0,1,"no"'
		);
	});

	it('defuses a formula typed as an idea', () => {
		expect(lines[2].split(',')[2]).toBe(`"'=HYPERLINK(""http://evil"")"`);
	});

	it('keeps a line break inside quotes', () => {
		// split on CRLF only, so the quoted LF stays inside the third row
		expect(lines[3].startsWith('"idea","i3","Two\nlines",')).toBe(true);
	});
});
