import { fail } from '@sveltejs/kit';
import { SummarySchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import { editor, engagementIdOf, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = editor(locals);
		const id = engagementIdOf(params.id);
		const parsed = parseForm(SummarySchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		return settle(
			records.saveSummary(getDb(), actor, id, parsed.data),
			parsed.values,
			recordPath(id)
		);
	},
	rewrite: async ({ locals, params }) => {
		const actor = editor(locals);
		const id = engagementIdOf(params.id);
		return settle(records.rewriteSummary(getDb(), actor, id), {}, `${recordPath(id)}/summary`);
	}
};
