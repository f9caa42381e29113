import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ charters: charters.listCharters(getDb()) });
