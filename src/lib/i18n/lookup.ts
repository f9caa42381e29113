type MessageFn = (params?: Record<string, unknown>) => string;

/** One compiled message module: exports the message under its key. */
export type MessageModule = Record<string, MessageFn>;

/** Text for a message key (or the text itself, when it is not a key), with its parameters. */
export type Lookup = (keyOrText: string, params?: Record<string, unknown>) => string;

/**
 * A lookup by key among some compiled messages: the modules an `import.meta.glob` of
 * src/lib/paraglide/messages gives, one message each, named by its key. Only the messages
 * globbed are bundled: a lookup through the whole `m` namespace would put every message of
 * every tool, in both languages, into the page (about 37 kB of compressed JavaScript).
 */
export function messageLookup(modules: Record<string, MessageModule>): {
	lookup: Lookup;
	keys: ReadonlySet<string>;
} {
	const messages = new Map<string, MessageFn>(
		Object.entries(modules).map(([path, mod]) => {
			const key = path.slice(path.lastIndexOf('/') + 1, -'.js'.length);
			return [key, mod[key]];
		})
	);
	return {
		lookup: (keyOrText, params) => messages.get(keyOrText)?.(params) ?? keyOrText,
		keys: new Set(messages.keys())
	};
}
