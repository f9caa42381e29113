import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, neutralise } from './csv';

describe('csv', () => {
	it.each([
		{ value: '=HYPERLINK("http://x")', cell: '"\'=HYPERLINK(""http://x"")"' },
		{ value: '+44 1234', cell: '"\'+44 1234"' },
		{ value: '-1+1', cell: '"\'-1+1"' },
		{ value: '@SUM(A1)', cell: '"\'@SUM(A1)"' },
		{ value: '\tx', cell: '"\'\tx"' },
		{ value: 'plain, with comma', cell: '"plain, with comma"' },
		{ value: -5, cell: '-5' },
		{ value: null, cell: '' },
		{ value: true, cell: 'yes' }
	])('$value -> $cell', ({ value, cell }) => {
		expect(csvCell(value)).toBe(cell);
	});

	it('writes a BOM and CRLF lines', () => {
		expect(
			csvFile([
				['a', 1],
				['b', 2]
			])
		).toBe('\uFEFF"a",1\r\n"b",2\r\n');
	});

	it('never leaves a text cell starting with a formula character', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(/^[=+\-@\t\r]/.test(neutralise(s))).toBe(false);
			})
		);
	});
});
