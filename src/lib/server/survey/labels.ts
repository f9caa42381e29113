/**
 * The survey's words in one language: Paraglide messages behind the pure presenter, and the
 * service names from the catalogue.
 */
import { m } from '../../paraglide/messages';
import type { Locale, PresentContext, Translator } from '../../survey/present';
import type { AnswerError } from '../../survey/schemas';
import type { DB } from '../db/open';
import { service } from '../db/schema';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;

/** Message key -> text in `locale`; an unknown key comes back as it is. */
export function translator(locale: Locale): Translator {
	const messages = m as unknown as Record<string, MessageFn | undefined>;
	return (key, params) => messages[key]?.(params ?? {}, { locale }) ?? key;
}

export function presentContext(db: DB, locale: Locale): PresentContext {
	const names = new Map(
		db
			.select({ id: service.id, name: service.name, nameCy: service.nameCy })
			.from(service)
			.all()
			.map((s) => [s.id, (locale === 'cy' && s.nameCy) || s.name])
	);
	return { locale, t: translator(locale), serviceName: (id) => names.get(id) ?? id };
}

/** The page schema's refusals (message keys) in the resident's language. */
export function residentErrors(
	errors: Record<string, AnswerError>,
	locale: Locale
): Record<string, string> {
	const t = translator(locale);
	return Object.fromEntries(
		Object.entries(errors).map(([field, { key, params }]) => [field, t(key, params)])
	);
}
