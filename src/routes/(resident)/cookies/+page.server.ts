import { COOKIES } from '$lib/server/cookies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ cookies: COOKIES });
