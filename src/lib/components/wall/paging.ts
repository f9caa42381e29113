/**
 * The arithmetic of a projector wall's pages. The board is a set of newspaper columns as tall
 * as the board; what does not fit runs on into more columns to the right, a board's width
 * (plus one column gap) further on for each page. Measuring is the browser's job; these say
 * what the measurements mean.
 */

/** The text sizes a screen may ask for, as a multiple of the wall's own. */
export const SCALE_MIN = 0.6;
export const SCALE_MAX = 2;
export const SCALE_STEP = 0.1;

/** The page a card starting `offsetLeft` pixels into the columns is on. */
export function pageOf(offsetLeft: number, pitch: number): number {
	if (!(pitch > 0)) return 0;
	// Offsets are whole pixels and the pitch is not, so the first card of the tenth page may
	// sit a pixel or two short of it: allow for that (far less than a column's width).
	return Math.max(0, Math.floor((offsetLeft + pitch * 0.02) / pitch));
}

/** How many pages cards at these offsets need: always at least one. */
export function pageCount(offsets: readonly number[], pitch: number): number {
	return offsets.reduce((count, offset) => Math.max(count, pageOf(offset, pitch) + 1), 1);
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, count: number): number {
	return count > 1 ? (page + 1) % count : 0;
}

/** The page before `page`, round to the last from the first. */
export function previousPage(page: number, count: number): number {
	return count > 1 ? (page - 1 + count) % count : 0;
}

/** A text size from the address (`?scale=1.2`) or a saved choice, or null if it is not one. */
export function readScale(value: string | null | undefined): number | null {
	if (value === null || value === undefined || value.trim() === '') return null;
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) return null;
	return Math.round(Math.min(SCALE_MAX, Math.max(SCALE_MIN, n)) * 10) / 10;
}

/** The text size one step smaller or larger, within bounds. */
export function stepScale(scale: number, direction: -1 | 1): number {
	const next = Math.round((scale + direction * SCALE_STEP) * 10) / 10;
	return Math.min(SCALE_MAX, Math.max(SCALE_MIN, next));
}
