import { messageLookup, type MessageModule } from './lookup';

// The notices' lines, chosen by key in $lib/notices and $lib/server/cookies, one family for
// each page (marked pure, so a page bundles only the family it uses).

/** A line of a privacy notice (`privacy_`), from its message key. */
export const privacyText = /* @__PURE__ */ messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/privacy_*.js', { eager: true })
);

/** A known problem in the accessibility statement (`a11y_problem_`), from its message key. */
export const problemText = /* @__PURE__ */ messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/a11y_problem_*.js', { eager: true })
);

/** What a cookie is for (`cookie_`), from its message key. */
export const cookieText = /* @__PURE__ */ messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/cookie_*.js', { eager: true })
);
