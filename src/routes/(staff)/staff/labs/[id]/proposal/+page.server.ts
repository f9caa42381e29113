import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import { proposalSchema } from '$lib/lab/schemas';
import { parseItemKey } from '$lib/lab/view';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/guard';
import * as proposals from '$lib/server/lab/proposals';
import { refused } from '$lib/server/refusal';
import { loadedLab } from '../lab.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = getDb();
	const loaded = loadedLab(db, params.id);
	const item = parseItemKey(url.searchParams.get('item') ?? '');
	if (!item) error(404, 'Choose a shortlisted idea or theme');
	const entry = proposals
		.shortlistOf(loaded, proposals.listLabProposals(db, loaded.lab.id))
		.find((e) => e.item.type === item.type && e.item.id === item.id);
	if (!entry) error(404, 'That is not on the shortlist');
	return {
		lab: { id: loaded.lab.id, title: loaded.lab.title, serviceId: loaded.lab.serviceId },
		entry,
		votes: proposals.listDraftVotes(db, loaded.lab.engagementId, locals.user!, loaded.lab.id),
		services: catalogue.listServices(db)
	};
};

const voteSchema = z.object({
	voteId: z.coerce
		.number({ error: 'Choose a vote.' })
		.int('Choose a vote.')
		.positive('Choose a vote.')
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const db = getDb();
		const loaded = loadedLab(db, params.id);
		const formData = await request.formData();
		const parsed = parseForm(proposalSchema, formData);
		const which = parseForm(voteSchema, formData);
		if (!parsed.ok || !which.ok)
			return fail(400, {
				values: parsed.values,
				errors: { ...(parsed.ok ? {} : parsed.errors), ...(which.ok ? {} : which.errors) }
			});
		let made: number;
		try {
			made = proposals.createProposal(db, user, loaded.lab.id, {
				...parsed.data,
				voteId: which.data.voteId
			});
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/labs/${loaded.lab.id}/shortlist?made=${made}#proposals`);
	}
};
