import { fail } from '@sveltejs/kit';
import { ChangeIdSchema, ChangeSchema, DecisionSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import * as records from '$lib/server/decision/records';
import { editing, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	decision: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(DecisionSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'decision', values: parsed.values, errors: parsed.errors });
		const { callInUntil, ...d } = parsed.data;
		return settle(
			() =>
				records.saveDecision(at, {
					...d,
					callIn: { until: callInUntil, status: 'open', note: '' }
				}),
			parsed.values,
			`${recordPath(id)}/members`,
			'decision'
		);
	},
	addChange: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(ChangeSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'addChange', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.addChange(at, parsed.data),
			parsed.values,
			`${recordPath(id)}/members`,
			'addChange'
		);
	},
	removeChange: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(ChangeIdSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'removeChange', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.removeChange(at, parsed.data.changeId),
			parsed.values,
			`${recordPath(id)}/members`,
			'removeChange'
		);
	}
};
