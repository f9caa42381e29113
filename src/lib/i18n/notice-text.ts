import { messageLookup, type MessageModule } from './lookup';

// The notices' lines, chosen by key in $lib/notices and $lib/server/cookies: the privacy
// notices (privacy_), the accessibility statement's problems (a11y_) and what each cookie is
// for (cookie_).
const notices = messageLookup(
	import.meta.glob<MessageModule>('../paraglide/messages/{privacy,a11y,cookie}_*.js', {
		eager: true
	})
);

/** A line of a notice in the reader's language, from its message key. */
export const noticeText = notices.lookup;

/** The keys `noticeText` knows (for tests). */
export const noticeKeys = notices.keys;
