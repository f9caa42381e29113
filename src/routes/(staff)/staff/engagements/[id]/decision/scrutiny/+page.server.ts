import { fail, redirect } from '@sveltejs/kit';
import { ScrutinyAnswerSchema, ScrutinySchema } from '$lib/decision/schemas';
import { fieldErrors, parseForm, type FormValues } from '$lib/forms/parse';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import * as scrutiny from '$lib/server/decision/scrutiny';
import { requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';
import { engagementIdOf, recordPath } from '../record.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const record = records.getRecord(db, engagementIdOf(params.id));
	return { items: record ? scrutiny.listScrutiny(db, record.id) : [] };
};

export const actions: Actions = {
	/** Councillors ask questions and comment: the one change their role makes. */
	ask: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'councillor');
		const id = engagementIdOf(params.id);
		const parsed = parseForm(ScrutinySchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'ask', values: parsed.values, errors: parsed.errors });
		let asked: number;
		try {
			asked = scrutiny.ask(getDb(), user, id, parsed.data);
		} catch (e) {
			return refused(e, { action: 'ask', values: parsed.values });
		}
		redirect(303, `${recordPath(id)}/scrutiny#item-${asked}`);
	},
	answer: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const id = engagementIdOf(params.id);
		const formData = await request.formData();
		// Each answer box is named after its item, so every form's field (and error) is its own.
		const itemId = String(formData.get('itemId') ?? '').slice(0, 20);
		const answer = formData.get(`answer-${itemId}`);
		const values: FormValues = { answer: typeof answer === 'string' ? answer.slice(0, 4000) : '' };
		const parsed = ScrutinyAnswerSchema.safeParse({ itemId, answer: answer ?? undefined });
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			return fail(400, {
				action: 'answer',
				itemId,
				values,
				errors: { [`answer-${itemId}`]: errors.answer ?? 'That question is not on this record.' }
			});
		}
		try {
			scrutiny.answer(getDb(), user, id, parsed.data);
		} catch (e) {
			return refused(e, { action: 'answer', itemId, values });
		}
		redirect(303, `${recordPath(id)}/scrutiny#item-${parsed.data.itemId}`);
	}
};
