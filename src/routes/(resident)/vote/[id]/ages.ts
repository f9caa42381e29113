import { m } from '$lib/paraglide/messages';

/** "16 to 24", "75 or over", in the page's language. */
export function ageLabel(band: string): string {
	if (band.endsWith('+')) return m.vote_age_over({ age: band.slice(0, -1) });
	const [from, to] = band.split('-');
	return m.vote_age_range({ from, to });
}
