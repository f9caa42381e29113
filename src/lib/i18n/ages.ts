import { m } from '$lib/paraglide/messages';

/**
 * "16 to 24", "75 or over": in the page's language, or in `locale` (a printed form in the other
 * language).
 */
export function ageLabel(band: string, locale?: 'en' | 'cy'): string {
	const t = locale ? { locale } : {};
	if (band.endsWith('+')) return m.vote_age_over({ age: band.slice(0, -1) }, t);
	const [from, to] = band.split('-');
	return m.vote_age_range({ from, to }, t);
}
