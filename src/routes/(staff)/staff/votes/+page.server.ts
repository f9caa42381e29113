import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ votes: votes.listVotes(getDb()) });
