import { messageLookup, type MessageModule } from './lookup';

// Lines a page chooses by key (the notices' lines in $lib/notices and $lib/server/cookies, the
// easy-read rules in $lib/vote/easy-read), one family for each page (marked pure, so a page
// bundles only the family it uses).

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

/** A rule of the vote in easy read (`easy_rule_`), from its message key. */
export const easyRuleText = /* @__PURE__ */ messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/easy_rule_*.js', { eager: true })
);
