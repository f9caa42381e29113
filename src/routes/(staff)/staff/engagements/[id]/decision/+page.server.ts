import { fail, redirect } from '@sveltejs/kit';
import { CallInSchema, StartDraftSchema } from '$lib/decision/schemas';
import { parseForm } from '$lib/forms/parse';
import { isRefusal } from '$lib/server/command-refusal';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import * as scrutiny from '$lib/server/decision/scrutiny';
import { editing, engagementIdOf, recordPath, settle } from './record.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const record = records.getRecord(db, engagementIdOf(params.id));
	const items = record ? scrutiny.listScrutiny(db, record.id) : [];
	return {
		problems: record ? records.draftProblems(db, record, new Date()) : [],
		scrutiny: {
			items: items.length,
			unanswered: items.filter((i) => i.kind === 'question' && i.answers.length === 0).length
		}
	};
};

export const actions: Actions = {
	start: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(StartDraftSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'start', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.startDraft(at, parsed.data.from),
			parsed.values,
			recordPath(id),
			'start'
		);
	},
	publish: async ({ locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		let number: number;
		try {
			number = records.publish(at);
		} catch (e) {
			// The draft is incomplete: the page lists what stops it, each linked to its section.
			if (!isRefusal(e, 'incomplete')) throw e;
			return fail(400, {
				action: 'publish',
				problems: records.whatStopsPublishing(at.db, id, at.now)
			});
		}
		redirect(303, `${recordPath(id)}?published=${number}`);
	},
	callIn: async ({ request, locals, params }) => {
		const at = editing(locals, params.id);
		const id = at.engagementId;
		const parsed = parseForm(CallInSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'callIn', values: parsed.values, errors: parsed.errors });
		return settle(
			() => records.moveCallIn(at, parsed.data.to, parsed.data.note),
			parsed.values,
			recordPath(id),
			'callIn'
		);
	}
};
