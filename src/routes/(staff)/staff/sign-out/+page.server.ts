import { redirect } from '@sveltejs/kit';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { deleteSessionCookie, invalidateSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/staff');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		const db = getDb();
		if (locals.session && locals.user) {
			// Ends the session on the server, not just in this browser.
			invalidateSession(db, locals.session.id);
			audit.record(
				db,
				{ id: locals.user.id, email: locals.user.email },
				{ action: 'session.sign-out', entityType: 'account', entityId: locals.user.id }
			);
		}
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/staff/sign-in');
	}
};
