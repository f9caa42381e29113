import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatMoney,
	formatNumber,
	formatPercent,
	formatTime,
	formatTimestamp
} from './format';

// 30 June 2026, 16:00 UTC is 17:00 in London (summer time).
const summer = new Date('2026-06-30T16:00:00Z');

describe('formatting in the page language', () => {
	it.each([
		['en', '30 June 2026 at 17:00'],
		['cy', '30 Mehefin 2026 am 17:00']
	])('a date and time in %s, in UK time whatever the server zone', (lang, expected) => {
		expect(formatDateTime(summer, lang)).toBe(expected);
	});

	it.each([
		['en', 'long', '30 June 2026'],
		['cy', 'long', '30 Mehefin 2026'],
		['en', 'medium', '30 Jun 2026'],
		['cy', 'medium', '30 Meh 2026'],
		['en', 'short', '30/06/2026']
	] as const)('a date in %s (%s)', (lang, style, expected) => {
		expect(formatDate(summer, lang, style)).toBe(expected);
	});

	it('writes every month as Intl does in cy-GB, without needing Welsh locale data', () => {
		for (let month = 0; month < 12; month++) {
			const day = new Date(Date.UTC(2026, month, 15, 12));
			for (const style of ['long', 'medium'] as const)
				expect(formatDate(day, 'cy', style)).toBe(
					new Intl.DateTimeFormat('cy-GB', { dateStyle: style, timeZone: 'Europe/London' }).format(
						day
					)
				);
		}
	});

	it('reads a bare YYYY-MM-DD as that calendar day, and leaves other text alone', () => {
		expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026');
		expect(formatDate('2026-01-01', 'cy')).toBe('1 Ionawr 2026');
		expect(formatDate('soon', 'en')).toBe('soon');
	});

	it('stamps log entries to the second', () => {
		expect(formatTimestamp(new Date('2026-06-30T16:00:05Z'))).toBe('30 Jun 2026, 17:00:05');
	});

	it('gives the time of day in the council zone', () => {
		expect(formatTime(new Date('2026-01-15T09:30:00Z'), 'en')).toBe('09:30');
		expect(formatTime(summer, 'cy')).toBe('17:00');
	});

	it.each([
		[1450, 'en', undefined, '1,450'],
		[1450, 'cy', undefined, '1,450'],
		[3.25, 'en', 1, '3.3'],
		[3, 'cy', 1, '3.0']
	] as const)('the number %s in %s', (n, lang, digits, expected) => {
		expect(formatNumber(n, lang, digits)).toBe(expected);
	});

	it.each([
		[125000, '£1,250'],
		[125050, '£1,250.50']
	])('%i pence as pounds', (pence, expected) => {
		expect(formatMoney(pence, 'en')).toBe(expected);
		expect(formatMoney(pence, 'cy')).toBe(expected);
	});

	it('shows shares as whole percentages', () => {
		expect(formatPercent(0.456, 'en')).toBe('46%');
		expect(formatPercent(0.5, 'cy')).toBe('50%');
	});
});
