// The ballot pages' words for money, dates and council text, in the page's language: the shared
// formatting ($lib/i18n/format) and Welsh fallback ($lib/i18n/welsh), bound to this request.
import { formatDateTime, formatMoney, formatPercent } from '$lib/i18n/format';
import { inLanguage, type Shown } from '$lib/i18n/welsh';
import { getLocale } from '$lib/paraglide/runtime';

type Localised = { title: string; titleCy?: string | null };

/** The title to show, with `lang: 'en'` when a Welsh page falls back to the English. */
export function shownTitle(x: Localised): Shown {
	return inLanguage(x.title, x.titleCy, getLocale());
}

export function shown(en: string, cy: string | null | undefined): Shown {
	return inLanguage(en, cy, getLocale());
}

/** The Welsh title on Welsh pages when there is one, else the English. */
export function titleOf(x: Localised): string {
	return shownTitle(x).text;
}

export function localised(en: string, cy: string | null | undefined): string {
	return shown(en, cy).text;
}

/** Pence as pounds, in the page's language: £1,250 or £1,250.50. */
export function money(pence: number): string {
	return formatMoney(pence, getLocale());
}

export function dateTime(date: Date): string {
	return formatDateTime(date, getLocale());
}

export function percent(share: number): string {
	return formatPercent(share, getLocale());
}

/** A list in the page's language: "a, b and c" / "a, b ac c". */
export function list(items: readonly string[]): string {
	return new Intl.ListFormat(getLocale() === 'cy' ? 'cy' : 'en-GB', {
		style: 'long',
		type: 'conjunction'
	}).format(items);
}
