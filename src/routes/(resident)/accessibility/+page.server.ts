import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
import { councilContacts } from '$lib/server/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	email: councilContacts(getDb(), env).accessibility
});
