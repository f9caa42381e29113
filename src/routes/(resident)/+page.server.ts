import { getDb } from '$lib/server/db';
import { listClosedActivities, listOpenActivities } from '$lib/server/activities';
import { listDecided } from '$lib/server/decision/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const db = getDb();
	const now = new Date();
	return {
		activities: listOpenActivities(db, now),
		closed: listClosedActivities(db, now),
		decided: listDecided(db)
	};
};
