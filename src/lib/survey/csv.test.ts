import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, csvLine, neutralise } from './csv';

describe('neutralise', () => {
	it.each([
		['=SUM(A1:A2)', "'=SUM(A1:A2)"],
		['+44 1234', "'+44 1234"],
		['-1', "'-1"],
		['@cmd', "'@cmd"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['plain', 'plain'],
		['a=b', 'a=b'],
		['', '']
	])('%j -> %j', (input, expected) => {
		expect(neutralise(input)).toBe(expected);
	});
});

describe('csvCell', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
	});

	it('neutralises before quoting', () => {
		expect(csvCell('=1,2')).toBe('"\'=1,2"');
	});

	it('writes numbers as numbers, even negative ones', () => {
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(4.25)).toBe('4.25');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('leaves empty values empty and writes booleans as yes / no', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(true)).toBe('yes');
		expect(csvCell(false)).toBe('no');
	});
});

describe('csvFile', () => {
	it('joins lines with CRLF after a byte order mark', () => {
		expect(
			csvFile([
				['a', 1],
				['b', '=x']
			])
		).toBe("\uFEFFa,1\r\nb,'=x\r\n");
		expect(csvLine(['x', null, 'y'])).toBe('x,,y');
	});
});
