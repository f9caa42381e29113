import { getDb } from '$lib/server/db';
import * as labs from '$lib/server/lab/labs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ labs: labs.listLabs(getDb()) });
