type MessageFn = (params?: Record<string, unknown>) => string;

// Only the error messages: every message whose key has `err_` in it (err_code_required,
// charter_err_sign_name, lab_err_text...), one compiled module each. A lookup by key through
// the whole `m` namespace bundled every message of every tool, in both languages, into each
// page that showed an error (about 37 KB of compressed JavaScript on a phone).
const modules = import.meta.glob<Record<string, MessageFn>>('../paraglide/messages/*err_*.js', {
	eager: true
});

const messages = new Map<string, MessageFn>(
	Object.entries(modules).map(([path, mod]) => {
		const key = path.slice(path.lastIndexOf('/') + 1, -'.js'.length);
		return [key, mod[key]];
	})
);

/**
 * A form error in the reader's language. Resident errors arrive as message keys
 * (`err_code_required`) so that the same schema answers in English and Welsh; such keys must
 * contain `err_`. Anything else (staff errors, which are plain English, or text already
 * translated on the server) passes through unchanged.
 */
export function translate(keyOrText: string, params?: Record<string, unknown>): string {
	const fn = messages.get(keyOrText);
	return fn ? fn(params) : keyOrText;
}

/**
 * A page's form errors translated for the shared form components, which show text as given
 * (so a page whose errors are already text does not load these messages).
 */
export function translateErrors(
	errors: Record<string, string> | null | undefined
): Record<string, string> | undefined {
	if (!errors) return undefined;
	return Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, translate(e)]));
}

/** The error keys `translate` knows (for tests). */
export const errorKeys: ReadonlySet<string> = new Set(messages.keys());
