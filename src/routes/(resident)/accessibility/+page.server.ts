import { formatDate } from '$lib/i18n/format';
import { ACCESSIBILITY_STATEMENT } from '$lib/notices/accessibility';
import { getLocale } from '$lib/paraglide/runtime';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { councilContacts } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	email: councilContacts(getDb(), config.contactEmails()).accessibility,
	// Dated here, so the page loads no date formatting (it is near the 60 kB budget).
	dates: {
		prepared: formatDate(ACCESSIBILITY_STATEMENT.prepared, getLocale()),
		reviewed: formatDate(ACCESSIBILITY_STATEMENT.reviewed, getLocale())
	}
});
