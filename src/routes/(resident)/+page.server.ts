import { getDb } from '$lib/server/db';
import { listOpenActivities } from '$lib/server/activities';
import { listDecided } from '$lib/server/decision/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	activities: listOpenActivities(getDb(), new Date()),
	decided: listDecided(getDb())
});
