import { messageLookup, type MessageModule } from './lookup';

// Only the error messages: every message whose key has `err_` in it (err_code_required,
// charter_err_sign_name, lab_err_text...).
const errors = messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/*err_*.js', { eager: true })
);

/**
 * A form error in the reader's language. Resident errors arrive as message keys
 * (`err_code_required`) so that the same schema answers in English and Welsh; such keys must
 * contain `err_`. Anything else (staff errors, which are plain English, or text already
 * translated on the server) passes through unchanged.
 */
export const translate = errors.lookup;

/**
 * A page's form errors translated for the shared form components, which show text as given
 * (so a page whose errors are already text does not load these messages).
 */
export function translateErrors(
	errorsByField: Record<string, string> | null | undefined
): Record<string, string> | undefined {
	if (!errorsByField) return undefined;
	return Object.fromEntries(
		Object.entries(errorsByField).map(([field, e]) => [field, translate(e)])
	);
}

/** The error keys `translate` knows (for tests). */
export const errorKeys = errors.keys;
