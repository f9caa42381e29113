import { fail, redirect } from '@sveltejs/kit';
import { NewCharterSchema } from '$lib/charter/schemas';
import { parseForm } from '$lib/forms/parse';
import * as catalogue from '$lib/server/catalogue';
import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';

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
		const parsed = parseForm(NewCharterSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = charters.createCharter(getDb(), actorOf(user), parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/charters/${id}`);
	}
};
