import { fail } from '@sveltejs/kit';
import * as results from '$lib/server/budget/results';
import { VoteError } from '$lib/server/budget/votes';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

/** The official count once closed; before that a provisional count, for staff only. */
export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const voteId = Number(params.id);
	return {
		result: results.countVote(db, voteId),
		official: results.officialResult(db, voteId) ?? null,
		segments: catalogue.listSegments(db).map((s) => ({ id: s.id, label: s.label }))
	};
};

export const actions: Actions = {
	recount: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		try {
			const r = results.recount(getDb(), actorOf(user), Number(params.id));
			return {
				recount: { matches: r.matches, digest: r.fresh.digest, official: r.official.digest }
			};
		} catch (e) {
			if (e instanceof VoteError) return fail(400, { errors: { _: e.message } });
			throw e;
		}
	}
};
