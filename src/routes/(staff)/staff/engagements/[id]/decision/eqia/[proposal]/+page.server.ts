import { error, fail } from '@sveltejs/kit';
import { ImpactMarksSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import * as records from '$lib/server/decision/records';
import { editing, recordPath, settle } from '../../record.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { version } = await parent();
	const proposal = version?.content.evidence.vote?.proposals.find((p) => p.id === params.proposal);
	if (!proposal) error(404, 'That proposal is not in this record');
	return { proposalId: proposal.id };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(ImpactMarksSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.markImpacts(at, params.proposal, parsed.data.adverse),
			parsed.values,
			`${recordPath(id)}/eqia`
		);
	}
};
