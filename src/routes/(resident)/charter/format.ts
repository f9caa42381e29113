// Dates on the charter's resident pages, in the reader's language and UK time.

/** "12 March 2026" (or "12 Mawrth 2026"): a date-time or a YYYY-MM-DD date. */
export function formatDate(value: string, locale: string): string {
	// A bare date is a calendar day: read at noon UTC so no time zone moves it.
	const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
	if (Number.isNaN(date.getTime())) return value;
	return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
		dateStyle: 'long',
		timeZone: 'Europe/London'
	}).format(date);
}
