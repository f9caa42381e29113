// What every decision-record page and action shares: the engagement in the address, who may
// change the record, and a refusal turned into the form's errors.
import { error, redirect } from '@sveltejs/kit';
import type { FormValues } from '$lib/forms/parse';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import { actorOf, requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';

/** The engagement id in the address, or a 404. */
export function engagementIdOf(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id < 1 || !catalogue.getEngagement(getDb(), id))
		error(404, 'Engagement not found');
	return id;
}

/** Commissioners draft and publish records (admins too); everyone else reads them. */
export function editor(locals: App.Locals) {
	return actorOf(requireRole(locals, 'admin', 'commissioner'));
}

/**
 * Makes a change and answers as the action does: on to `next` when done; refused, the form
 * again with the input and each message beside its field (every field at fault, as a sign-off
 * missing two mitigations has); anything but a refusal is thrown on.
 */
export function settle(change: () => unknown, values: FormValues, next: string, action?: string) {
	try {
		change();
	} catch (e) {
		return refused(e, { action, values });
	}
	redirect(303, next);
}

/** A change to this engagement's record by a commissioner or admin, now. */
export function editing(locals: App.Locals, param: string): records.Editing {
	const actor = editor(locals);
	return { db: getDb(), actor, engagementId: engagementIdOf(param), now: new Date() };
}

/** The record's address. */
export const recordPath = (engagementId: number | string) =>
	`/staff/engagements/${engagementId}/decision`;
