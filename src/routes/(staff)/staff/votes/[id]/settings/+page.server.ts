import { fail, redirect } from '@sveltejs/kit';
import { VoteFormSchema } from '$lib/vote/schemas';
import { parseForm } from '$lib/forms/parse';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { fromLocalInput, toLocalInput } from '$lib/survey/dates';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = async ({ locals, parent }) => {
	requireRole(locals, 'admin', 'commissioner');
	const { vote } = await parent();
	return {
		initial: {
			title: vote.title,
			titleCy: vote.titleCy ?? '',
			description: vote.description,
			descriptionCy: vote.descriptionCy ?? '',
			opensAt: vote.opensAt ? toLocalInput(vote.opensAt) : '',
			closesAt: vote.closesAt ? toLocalInput(vote.closesAt) : '',
			eligibility: vote.eligibility
		}
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(VoteFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const d = parsed.data;
		try {
			votes.updateVoteDetails(getDb(), actorOf(user), Number(params.id), {
				...d,
				opensAt: d.opensAt ? fromLocalInput(d.opensAt) : null,
				closesAt: d.closesAt ? fromLocalInput(d.closesAt) : null
			});
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/votes/${params.id}`);
	}
};
