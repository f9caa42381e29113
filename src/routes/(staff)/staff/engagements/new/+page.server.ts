import { fail, redirect } from '@sveltejs/kit';
import { EngagementSchema } from '$lib/catalogue/schemas';
import { parseForm } from '$lib/forms/parse';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, 'admin', 'commissioner');
	return { services: catalogue.listServices(getDb()) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(EngagementSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = catalogue.createEngagement(getDb(), actorOf(user), parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/engagements/${id}`);
	}
};
