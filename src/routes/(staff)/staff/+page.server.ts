import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ engagements: catalogue.listEngagements(getDb()) });
