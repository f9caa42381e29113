import { fail } from '@sveltejs/kit';
import { RecommendationSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import * as records from '$lib/server/decision/records';
import { editing, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(RecommendationSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.saveRecommendation(at, parsed.data),
			parsed.values,
			`${recordPath(id)}/recommendation`
		);
	}
};
