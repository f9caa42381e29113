/**
 * Dates, times and numbers in the page's language: the one place the app turns them into
 * words. English pages use en-GB and Welsh pages cy-GB ("30 Mehefin 2026 am 17:00"); times
 * are always the council's (UK) time, whatever the server's or the reader's zone.
 *
 * Pure: the caller passes the language (`getLocale()` in a page, 'en' on staff pages).
 */

export type Lang = 'en' | 'cy';

export const COUNCIL_TIME_ZONE = 'Europe/London';

/** The BCP 47 tag Intl needs for a page language. */
export function intlTag(lang: Lang | string): 'en-GB' | 'cy-GB' {
	return lang === 'cy' ? 'cy-GB' : 'en-GB';
}

// Intl constructors are slow and a results page formats hundreds of figures: keep each one.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: Lang | string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${intlTag(lang)}|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat(intlTag(lang), { ...options, timeZone: COUNCIL_TIME_ZONE });
		cache.set(key, f);
	}
	return f;
}

function numberFormat(lang: Lang | string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n|${intlTag(lang)}|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat(intlTag(lang), options);
		cache.set(key, f);
	}
	return f;
}

/** A YYYY-MM-DD calendar day is read at noon UTC, so no time zone can move it to another day. */
function toDate(value: Date | string): Date {
	if (value instanceof Date) return value;
	return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

export type DateStyle = 'long' | 'medium' | 'short';

/**
 * "30 June 2026" / "30 Mehefin 2026" (`long`), "30 Jun 2026" (`medium`), "30/06/2026"
 * (`short`). Takes a Date, an ISO date-time or a YYYY-MM-DD day; text that is not a date is
 * given back as it is.
 */
export function formatDate(value: Date | string, lang: Lang | string, style: DateStyle = 'long') {
	const date = toDate(value);
	if (Number.isNaN(date.getTime())) return String(value);
	return dateFormat(lang, { dateStyle: style }).format(date);
}

/** "30 June 2026 at 17:00" / "30 Mehefin 2026 am 17:00"; `medium` gives "30 Jun 2026, 17:00". */
export function formatDateTime(date: Date, lang: Lang | string, style: DateStyle = 'long') {
	return dateFormat(lang, { dateStyle: style, timeStyle: 'short' }).format(date);
}

/** "17:00": the time of day in the council's zone. */
export function formatTime(date: Date, lang: Lang | string): string {
	return dateFormat(lang, { timeStyle: 'short' }).format(date);
}

/** A count or measure with the language's separators: 1,450. `digits` fixes the decimals. */
export function formatNumber(n: number, lang: Lang | string, digits?: number): string {
	return numberFormat(
		lang,
		digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }
	).format(n);
}

/** Pence as pounds: £1,250, or £1,250.50 when there are pence. */
export function formatMoney(pence: number, lang: Lang | string): string {
	return numberFormat(lang, {
		style: 'currency',
		currency: 'GBP',
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2
	}).format(pence / 100);
}

/** A share (0..1) as a whole percentage: 0.456 -> "46%". */
export function formatPercent(share: number, lang: Lang | string): string {
	return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
