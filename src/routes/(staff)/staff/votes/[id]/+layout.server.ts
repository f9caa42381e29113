import { error } from '@sveltejs/kit';
import * as votes from '$lib/server/budget/votes';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const db = getDb();
	const vote = votes.getVote(db, Number(params.id));
	if (!vote) error(404, 'Vote not found');
	return {
		vote,
		state: votes.stateOf(vote),
		engagement: catalogue.getEngagement(db, vote.engagementId)!
	};
};
