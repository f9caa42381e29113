// Small presentation helpers shared by the ballot pages (English and Welsh).
import { getLocale } from '$lib/paraglide/runtime';

type Localised = { title: string; titleCy?: string | null };

/** The Welsh title on Welsh pages when there is one, else the English. */
export function titleOf(x: Localised): string {
	return (getLocale() === 'cy' && x.titleCy) || x.title;
}

export function localised(en: string, cy: string | null | undefined): string {
	return (getLocale() === 'cy' && cy) || en;
}

/** Pence as pounds, in the page's language: £1,250 or £1,250.50. */
export function money(pence: number): string {
	return new Intl.NumberFormat(getLocale() === 'cy' ? 'cy-GB' : 'en-GB', {
		style: 'currency',
		currency: 'GBP',
		minimumFractionDigits: pence % 100 === 0 ? 0 : 2
	}).format(pence / 100);
}

export function dateTime(date: Date): string {
	return new Intl.DateTimeFormat(getLocale() === 'cy' ? 'cy-GB' : 'en-GB', {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/London'
	}).format(date);
}

export function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** A list in the page's language: "a, b and c" / "a, b ac c". */
export function list(items: readonly string[]): string {
	return new Intl.ListFormat(getLocale() === 'cy' ? 'cy' : 'en-GB', {
		style: 'long',
		type: 'conjunction'
	}).format(items);
}
