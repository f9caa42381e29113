import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// /cy/vote/3 and /vote/3 are the same route; the locale comes from the prefix.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
