import { fail, redirect } from '@sveltejs/kit';
import { NewVoteSchema } from '$lib/vote/schemas';
import { parseForm } from '$lib/forms/parse';
import * as votes from '$lib/server/budget/votes';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, 'admin', 'commissioner');
	return {
		engagements: catalogue.listEngagements(getDb()),
		engagementId: url.searchParams.get('engagement') ?? ''
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(NewVoteSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = votes.createVote(getDb(), actorOf(user), { ...parsed.data, eligibility: 'codes' });
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/votes/${id}`);
	}
};
