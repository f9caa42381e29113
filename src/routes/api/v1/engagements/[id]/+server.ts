import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { withToken } from '$lib/server/api-response';
import { engagementSummary } from '$lib/server/engagement-summary';
import type { RequestHandler } from './$types';

/** GET /api/v1/engagements/:id: the engagement and what each of its tools has. */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	return withToken(db, event, () => {
		const id = Number(event.params.id);
		const summary =
			Number.isInteger(id) && id > 0 ? engagementSummary(db, id, new Date()) : undefined;
		return summary ?? json({ error: 'Engagement not found' }, { status: 404 });
	});
};
