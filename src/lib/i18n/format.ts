/**
 * Dates, times and numbers in the page's language: the one place the app turns them into
 * words. English pages read "30 June 2026 at 17:00", Welsh pages "30 Mehefin 2026 am 17:00";
 * times are always the council's (UK) time, whatever the server's or the reader's zone.
 *
 * Intl does the work in en-GB and the Welsh month names and joining word come from the table
 * below (CLDR's cy-GB, which Node has): many browsers, older phones among them, ship no Welsh
 * locale data and fall back to American English, so a page rendered in Welsh on the server
 * would turn into "June 30, 2026 at 5:00 PM" as it started in the browser. Numbers are the same
 * in both languages (1,450.5; £1,250), so they are en-GB throughout.
 *
 * Pure: the caller passes the language (`getLocale()` in a page, 'en' on staff pages).
 */

export type Lang = 'en' | 'cy';

export const COUNCIL_TIME_ZONE = 'Europe/London';

const MONTHS_CY = [
	'Ionawr',
	'Chwefror',
	'Mawrth',
	'Ebrill',
	'Mai',
	'Mehefin',
	'Gorffennaf',
	'Awst',
	'Medi',
	'Hydref',
	'Tachwedd',
	'Rhagfyr'
];
const MONTHS_CY_SHORT = [
	'Ion',
	'Chwef',
	'Maw',
	'Ebr',
	'Mai',
	'Meh',
	'Gorff',
	'Awst',
	'Medi',
	'Hyd',
	'Tach',
	'Rhag'
];

// Intl constructors are slow and a results page formats hundreds of figures: keep each one.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: COUNCIL_TIME_ZONE });
		cache.set(key, f);
	}
	return f;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n|${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat('en-GB', options);
		cache.set(key, f);
	}
	return f;
}

/** The UK month number (1-12) of `date`, for the Welsh name. */
const monthOf = (date: Date) => Number(dateFormat({ month: 'numeric' }).format(date));

/** en-GB words, with the month and "at" in Welsh on Welsh pages. */
function words(date: Date, lang: Lang | string, options: Intl.DateTimeFormatOptions): string {
	const parts = dateFormat(options).formatToParts(date);
	if (lang !== 'cy') return parts.map((p) => p.value).join('');
	const month = monthOf(date) - 1;
	return parts
		.map((p) => {
			if (p.type === 'month' && options.dateStyle === 'long') return MONTHS_CY[month];
			if (p.type === 'month' && options.dateStyle === 'medium') return MONTHS_CY_SHORT[month];
			if (p.type === 'literal' && p.value === ' at ') return ' am ';
			return p.value;
		})
		.join('');
}

/** A YYYY-MM-DD calendar day is read at noon UTC, so no time zone can move it to another day. */
function toDate(value: Date | string): Date {
	if (value instanceof Date) return value;
	return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

export type DateStyle = 'long' | 'medium' | 'short';

/**
 * "30 June 2026" / "30 Mehefin 2026" (`long`), "30 Jun 2026" / "30 Meh 2026" (`medium`),
 * "30/06/2026" (`short`). Takes a Date, an ISO date-time or a YYYY-MM-DD day; text that is not
 * a date is given back as it is.
 */
export function formatDate(value: Date | string, lang: Lang | string, style: DateStyle = 'long') {
	const date = toDate(value);
	if (Number.isNaN(date.getTime())) return String(value);
	return words(date, lang, { dateStyle: style });
}

/** "30 June 2026 at 17:00" / "30 Mehefin 2026 am 17:00"; `medium` gives "30 Jun 2026, 17:00". */
export function formatDateTime(date: Date, lang: Lang | string, style: DateStyle = 'long') {
	return words(date, lang, { dateStyle: style, timeStyle: 'short' });
}

/** "30 Jun 2026, 17:00:05": to the second, for logs staff read (the audit log). */
export function formatTimestamp(date: Date): string {
	return words(date, 'en', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** "17:00": the time of day in the council's zone. */
export function formatTime(date: Date, lang: Lang | string): string {
	return words(date, lang, { timeStyle: 'short' });
}

/** A count or measure: 1,450. `digits` fixes the decimals. The same in English and Welsh. */
export function formatNumber(n: number, _lang: Lang | string, digits?: number): string {
	return numberFormat(
		digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }
	).format(n);
}

/** Pence as pounds: £1,250, or £1,250.50 when there are pence. */
export function formatMoney(pence: number, _lang: Lang | string): string {
	return numberFormat({
		style: 'currency',
		currency: 'GBP',
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2
	}).format(pence / 100);
}

/** A share (0..1) as a whole percentage: 0.456 -> "46%". */
export function formatPercent(share: number, _lang: Lang | string): string {
	return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(share);
}
