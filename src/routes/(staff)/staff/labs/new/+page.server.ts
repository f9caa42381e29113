import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import { createLabSchema } from '$lib/lab/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as labs from '$lib/server/lab/labs';
import type { Actions, PageServerLoad } from './$types';

const engagementSchema = z.object({
	engagementId: z.coerce
		.number({ error: 'Choose an engagement.' })
		.int('Choose an engagement.')
		.positive('Choose an engagement.')
});

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const engagements = catalogue.listEngagements(db);
	const asked = Number(url.searchParams.get('engagement'));
	const engagement = engagements.find((e) => e.id === asked) ?? null;
	return { engagements, services: catalogue.listServices(db), engagement };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const formData = await request.formData();
		const lab = parseForm(createLabSchema, formData);
		const which = parseForm(engagementSchema, formData);
		const values = lab.values;
		if (!lab.ok || !which.ok)
			return fail(400, {
				values,
				errors: { ...(which.ok ? {} : which.errors), ...(lab.ok ? {} : lab.errors) }
			});
		const db = getDb();
		if (!catalogue.getEngagement(db, which.data.engagementId))
			return fail(400, { values, errors: { engagementId: 'Choose an engagement.' } });
		if (!catalogue.getService(db, lab.data.serviceId))
			return fail(400, { values, errors: { serviceId: 'Choose a service.' } });
		const id = labs.createLab(db, actorOf(user), {
			engagementId: which.data.engagementId,
			...lab.data
		});
		redirect(303, `/staff/labs/${id}`);
	}
};
