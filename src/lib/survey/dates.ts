/**
 * Dates as the council means them: opening and closing times are typed in UK local time
 * (`<input type="datetime-local">` has no time zone) and shown in UK local time, whatever
 * the server's own zone. Showing a date in words is `$lib/i18n/format`'s job.
 */

import { COUNCIL_TIME_ZONE } from '../i18n/format';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: COUNCIL_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** The wall-clock fields of `date` in the council's zone. */
function wallClock(date: Date): Record<string, number> {
	const out: Record<string, number> = {};
	for (const p of parts.formatToParts(date))
		if (p.type !== 'literal') out[p.type] = Number(p.value);
	return out;
}

/** Minutes the council's zone is ahead of UTC at `date` (0 in winter, 60 in summer). */
function offsetMinutes(date: Date): number {
	const w = wallClock(date);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a `datetime-local` value names in the council's zone. In the hour the clocks
 * go forward, a time that does not exist is read as if the clocks had not changed yet;
 * in the hour they go back, the first of the two moments is taken.
 */
export function fromLocalInput(value: string): Date {
	const m = LOCAL.exec(value);
	if (!m) throw new RangeError(`Not a local date and time: ${value}`);
	const [, y, mo, d, h, mi, s] = m;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
	// The offsets in force a day either side: the only two this instant can have.
	const before = offsetMinutes(new Date(wall - 86_400_000));
	const after = offsetMinutes(new Date(wall + 86_400_000));
	const fits = [before, after]
		.map((offset) => wall - offset * 60_000)
		.filter((t) => {
			const w = wallClock(new Date(t));
			return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === wall;
		});
	return new Date(fits.length > 0 ? Math.min(...fits) : wall - before * 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (to the minute) for `date` in the council's zone. */
export function toLocalInput(date: Date): string {
	const w = wallClock(date);
	return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Midnight UTC of the day `date` falls on: how responses are dated, so times cannot link them. */
export function dayOf(date: Date): Date {
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
