import { fail, redirect } from '@sveltejs/kit';
import { reviewBoard } from '$lib/charter/review';
import { ReviewEntrySchema } from '$lib/charter/schemas';
import { publishedVersion } from '$lib/charter/state';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';
import { charterOf } from '../../charter-of';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const loaded = charterOf(getDb(), params.id);
	const inForce = publishedVersion(loaded.state);
	return {
		charter: {
			id: loaded.id,
			slug: loaded.slug,
			title: loaded.state.content.title,
			status: loaded.state.status
		},
		versionNumber: inForce?.number ?? null,
		board: inForce ? reviewBoard(inForce.content, loaded.state.reviews) : null,
		target: url.searchParams.get('target') ?? ''
	};
};

export const actions: Actions = {
	// The forum reviews together; any staff member may write up what it agreed.
	record: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const loaded = charterOf(getDb(), params.id);
		const formData = await request.formData();
		// One select names the item as "commitment:<id>" or "outcome:<id>".
		const target = String(formData.get('target') ?? '');
		const split = target.indexOf(':');
		formData.set('targetKind', split > 0 ? target.slice(0, split) : '');
		formData.set('targetId', split > 0 ? target.slice(split + 1) : '');
		const parsed = parseForm(ReviewEntrySchema, formData);
		if (!parsed.ok) {
			const errors: FieldErrors = {};
			for (const [key, message] of Object.entries(parsed.errors))
				errors[key === 'targetKind' || key === 'targetId' ? 'target' : key] ??= message;
			return fail(400, { values: parsed.values, errors });
		}
		try {
			charters.recordReview(getDb(), actorOf(user), loaded.id, parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/charters/${loaded.id}/review?recorded`);
	}
};
