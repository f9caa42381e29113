import { fail, redirect } from '@sveltejs/kit';
import { commentCounts } from '$lib/charter/consultation';
import { AnswerSchema } from '$lib/charter/schemas';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';
import { charterOf } from '../../charter-of';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const loaded = charterOf(getDb(), params.id);
	const { state } = loaded;
	return {
		charter: { id: loaded.id, slug: loaded.slug, title: state.content.title, status: state.status },
		counts: commentCounts(state.comments),
		// Newest first, waiting ones on top: those are the ones to deal with.
		comments: [...state.comments]
			.reverse()
			.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'))
	};
};

export const actions: Actions = {
	// Facilitators answer comments too: they run the sessions residents comment from.
	answer: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const loaded = charterOf(getDb(), params.id);
		const formData = await request.formData();
		const commentId = String(formData.get('commentId') ?? '').slice(0, 64);
		const parsed = parseForm(AnswerSchema, formData);
		// Field errors are keyed by comment, so each message sits beside its own form.
		const keyed = (errors: FieldErrors) =>
			Object.fromEntries(
				Object.entries(errors).map(([k, v]) => [k === '_' ? '_' : `${k}-${commentId}`, v])
			);
		if (!parsed.ok)
			return fail(400, { commentId, values: parsed.values, errors: keyed(parsed.errors) });
		try {
			charters.answerComment(getDb(), actorOf(user), loaded.id, { commentId, ...parsed.data });
		} catch (e) {
			return refused(e, { commentId, values: parsed.values });
		}
		redirect(303, `/staff/charters/${loaded.id}/comments`);
	}
};
