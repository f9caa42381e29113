import { fail, redirect } from '@sveltejs/kit';
import * as votes from '$lib/server/budget/votes';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { readProposalForm } from '../form.server';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = async ({ locals, parent }) => {
	requireRole(locals, 'admin', 'commissioner');
	const { engagement } = await parent();
	const db = getDb();
	return {
		services: catalogue.listServices(db),
		segments: catalogue.listSegments(db),
		initial: { kind: 'saving', serviceId: engagement.serviceId }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const read = await readProposalForm(request);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		try {
			votes.addProposal(getDb(), user, Number(params.id), read.input);
		} catch (e) {
			return refused(e, { values: read.values });
		}
		redirect(303, `/staff/votes/${params.id}#proposals`);
	}
};
