import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { withToken } from '$lib/server/api-response';
import type { RequestHandler } from './$types';

/** GET /api/v1/engagements: every engagement with its service and stage. */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	return withToken(db, event, () => ({
		engagements: catalogue.listEngagements(db).map((e) => ({
			id: e.id,
			title: e.title,
			stage: e.stage,
			service: { id: e.serviceId, name: e.serviceName },
			href: `/api/v1/engagements/${e.id}`
		}))
	}));
};
