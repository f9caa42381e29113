import { describe, expect, it } from 'vitest';
import { PaperSerialSchema } from '../vote/schemas';
import { formNumber, printOptions, printRun } from './print';

const options = (query: string) => printOptions(new URLSearchParams(query));

describe('print options in the address', () => {
	it('default to one unnumbered form in English, standard type', () => {
		expect(options('')).toEqual({
			options: { lang: 'en', large: false, run: null },
			values: { lang: '', large: '', copies: '', first: '' },
			errors: null
		});
	});

	it('read Welsh, large type and a numbered run', () => {
		expect(options('lang=cy&large=1&copies=50&first=101').options).toEqual({
			lang: 'cy',
			large: true,
			run: { first: 101, copies: 50 }
		});
	});

	it('start a run at 1 unless told', () => {
		expect(options('copies=3').options.run).toEqual({ first: 1, copies: 3 });
	});

	it.each([
		['too many copies', 'copies=501', 'copies'],
		['no copies', 'copies=0', 'copies'],
		['a fraction', 'copies=2.5', 'copies'],
		['words', 'copies=ten', 'copies'],
		['a first number out of range', 'copies=2&first=1000000', 'first']
	])('refuse %s beside the field and print one unnumbered form', (_, query, field) => {
		const read = options(`lang=cy&${query}`);
		expect(read.errors?.[field]).toMatch(/whole number from 1 to/);
		expect(read.options).toEqual({ lang: 'cy', large: false, run: null });
	});

	it('take any other language as English', () => {
		expect(options('lang=fr').options.lang).toBe('en');
	});
});

describe('the numbers of a print run', () => {
	it('is one unnumbered form when no run is asked for', () => {
		expect(printRun(null, 'P')).toEqual([null]);
	});

	it('numbers each copy from the first, as the keying page expects them', () => {
		const run = printRun({ first: 9, copies: 3 }, 'P');
		expect(run).toEqual(['P0009', 'P0010', 'P0011']);
		for (const serial of run)
			expect(PaperSerialSchema.parse({ serial, spoilt: '' }).serial).toBe(serial);
	});

	it('keeps large numbers whole', () => {
		expect(formNumber('S', 123456)).toBe('S123456');
	});
});
