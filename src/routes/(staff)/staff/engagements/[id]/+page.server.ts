import { error, fail, redirect } from '@sveltejs/kit';
import { EngagementSchema, StageSchema } from '$lib/catalogue/schemas';
import { engagementFields, serviceFields } from '$lib/catalogue/welsh';
import { parseForm } from '$lib/forms/parse';
import { welshGaps } from '$lib/i18n/welsh';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { engagementSteps } from '$lib/server/steps';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

function engagementId(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id < 1) error(404, 'Engagement not found');
	return id;
}

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const engagement = catalogue.getEngagement(db, engagementId(params.id));
	if (!engagement) error(404, 'Engagement not found');
	return {
		engagement,
		steps: engagementSteps(db, engagement.id, new Date()),
		// On every code letter, in Welsh, beside the English.
		welshGaps: welshGaps([
			...engagementFields(engagement).map((f) => ({ ...f, href: '#edit-engagement' })),
			...serviceFields([catalogue.getService(db, engagement.serviceId)!])
		]),
		services: catalogue.listServices(db)
	};
};

export const actions: Actions = {
	stage: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(StageSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'stage', values: parsed.values, errors: parsed.errors });
		try {
			catalogue.setStage(getDb(), actorOf(user), engagementId(params.id), parsed.data.stage);
		} catch (e) {
			return refused(e, { action: 'stage', values: parsed.values });
		}
		redirect(303, `/staff/engagements/${params.id}`);
	},
	edit: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(EngagementSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'edit', values: parsed.values, errors: parsed.errors });
		try {
			catalogue.updateEngagement(getDb(), actorOf(user), engagementId(params.id), parsed.data);
		} catch (e) {
			return refused(e, { action: 'edit', values: parsed.values });
		}
		redirect(303, `/staff/engagements/${params.id}`);
	}
};
