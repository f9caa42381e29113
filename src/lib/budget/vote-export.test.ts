import { describe, expect, it } from 'vitest';
import { csvCell, tallyCells, toCsv } from './vote-export';

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
