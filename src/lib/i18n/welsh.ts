/**
 * Council text in two languages: what staff typed in English and (when they have) in Welsh.
 * Welsh pages show the Welsh; where there is none yet they show the English, marked
 * `lang="en"` so that a screen reader reads it with an English voice and the browser
 * hyphenates and spell-checks it as English. Staff see the missing Welsh listed as gaps.
 */
import type { Lang } from './format';

/** Text to show, and `lang: 'en'` when it is English on a Welsh page (for the element's lang). */
export interface Shown {
	text: string;
	lang?: 'en';
}

function blank(text: string | null | undefined): boolean {
	return text === null || text === undefined || text.trim() === '';
}

/** The Welsh on Welsh pages when there is some, else the English (marked as English on them). */
export function inLanguage(en: string, cy: string | null | undefined, lang: Lang | string): Shown {
	if (lang !== 'cy') return { text: en };
	if (!blank(cy)) return { text: cy! };
	return blank(en) ? { text: en } : { text: en, lang: 'en' };
}

/** One piece of resident-facing text: what staff call it, its English and its Welsh. */
export interface WelshField {
	/** What the field is, in staff words: "Proposal 2: title". */
	label: string;
	en: string;
	cy: string | null | undefined;
	/** Where staff fill it in, when that is another page. */
	href?: string;
}

/** The fields that have English but no Welsh, in the order given. */
export function welshGaps<F extends WelshField>(fields: readonly F[]): F[] {
	return fields.filter((f) => !blank(f.en) && blank(f.cy));
}
