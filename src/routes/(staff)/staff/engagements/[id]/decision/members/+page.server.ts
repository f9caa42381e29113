import { fail } from '@sveltejs/kit';
import { ChangeIdSchema, ChangeSchema, DecisionSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import { editor, engagementIdOf, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	decision: async ({ request, locals, params }) => {
		const actor = editor(locals);
		const id = engagementIdOf(params.id);
		const parsed = parseForm(DecisionSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'decision', values: parsed.values, errors: parsed.errors });
		const { callInUntil, ...d } = parsed.data;
		const result = records.saveDecision(getDb(), actor, id, {
			...d,
			callIn: { until: callInUntil, status: 'open', note: '' }
		});
		return settle(result, parsed.values, `${recordPath(id)}/members`, 'decision');
	},
	addChange: async ({ request, locals, params }) => {
		const actor = editor(locals);
		const id = engagementIdOf(params.id);
		const parsed = parseForm(ChangeSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'addChange', values: parsed.values, errors: parsed.errors });
		const result = records.addChange(getDb(), actor, id, parsed.data);
		return settle(result, parsed.values, `${recordPath(id)}/members`, 'addChange');
	},
	removeChange: async ({ request, locals, params }) => {
		const actor = editor(locals);
		const id = engagementIdOf(params.id);
		const parsed = parseForm(ChangeIdSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'removeChange', values: parsed.values, errors: parsed.errors });
		const result = records.removeChange(getDb(), actor, id, parsed.data.changeId);
		return settle(result, parsed.values, `${recordPath(id)}/members`, 'removeChange');
	}
};
