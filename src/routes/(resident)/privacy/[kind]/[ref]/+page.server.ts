import { error } from '@sveltejs/kit';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { findNotice } from '$lib/server/privacy';
import { councilContacts } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const notice = findNotice(db, params.kind, params.ref.slice(0, 64));
	if (!notice) error(404, 'Privacy notice not found');
	return { notice, email: councilContacts(db, config.contactEmails()).privacy };
};
