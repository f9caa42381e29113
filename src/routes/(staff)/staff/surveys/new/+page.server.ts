import { error, fail, redirect } from '@sveltejs/kit';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as surveys from '$lib/server/survey/surveys';
import { refused } from '$lib/server/refusal';
import { parseDetails } from '../staff';
import type { Actions, PageServerLoad } from './$types';

function engagementOf(url: URL) {
	const id = Number(url.searchParams.get('engagement'));
	const engagement =
		Number.isInteger(id) && id > 0 ? catalogue.getEngagement(getDb(), id) : undefined;
	if (!engagement) error(404, 'Start a survey from its engagement’s page');
	return engagement;
}

export const load: PageServerLoad = ({ url, locals }) => {
	requireRole(locals, 'admin', 'commissioner');
	const engagement = engagementOf(url);
	return {
		engagement: { id: engagement.id, title: engagement.title },
		services: catalogue.listServices(getDb()),
		defaults: { serviceIds: [engagement.serviceId], access: 'open' }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const engagement = engagementOf(url);
		const parsed = parseDetails(await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'create', values: parsed.values, errors: parsed.errors });
		let id: number;
		try {
			id = surveys.createSurvey(getDb(), actorOf(user), engagement.id, parsed.details);
		} catch (e) {
			return refused(e, { action: 'create', values: parsed.values });
		}
		redirect(303, `/staff/surveys/${id}`);
	}
};
