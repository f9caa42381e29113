import { error } from '@sveltejs/kit';
import { getEngagement } from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { downloadNow } from '$lib/server/exports/http';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/**
 * GET .../report/open-data.zip: anonymised tables, the vote to recount, the rules, a README.
 * Built in a worker like the report page's export job; this request waits for the file.
 */
export const GET: RequestHandler = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
	const id = Number(params.id);
	if (!getEngagement(getDb(), id)) error(404, 'Engagement not found');
	return downloadNow(user, { kind: 'open-data', format: 'zip', entityId: id }, locals.councilName);
};
