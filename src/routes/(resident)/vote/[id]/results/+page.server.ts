import * as results from '$lib/server/budget/results';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';
import { publishResult, publishSample } from './published';

/**
 * The official count once the vote is closed, from the count cache, cut down to what the page
 * shows with small cells suppressed (the full count, with every area and channel tally, stays on
 * the server).
 */
export const load: PageServerLoad = async ({ parent, params }) => {
	const { state, proposals } = await parent();
	if (state !== 'closed') return { result: null, sample: null };
	const { result, sample } = results.cachedCount(getDb(), Number(params.id));
	const affects = new Map(proposals.map((p) => [String(p.id), p.affects]));
	return { result: publishResult(result, affects), sample: publishSample(sample) };
};
