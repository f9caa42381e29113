import { fail } from '@sveltejs/kit';
import { OptionIdSchema, OptionSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import * as records from '$lib/server/decision/records';
import { editing, recordPath, settle } from '../record.server';
import type { Actions } from './$types';

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(OptionSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'add', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.addOption(at, parsed.data),
			parsed.values,
			`${recordPath(id)}/options`,
			'add'
		);
	},
	remove: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(OptionIdSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'remove', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.removeOption(at, parsed.data.optionId),
			parsed.values,
			`${recordPath(id)}/options`,
			'remove'
		);
	}
};
