import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { listNotices } from '$lib/server/privacy';
import { councilContacts } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	return {
		notices: listNotices(db).map(({ kind, ref, title, titleCy }) => ({
			kind,
			ref,
			title,
			titleCy
		})),
		email: councilContacts(db, config.contactEmails()).privacy
	};
};
