// What every decision-record page and action shares: the engagement in the address, who may
// change the record, and a refusal turned into the form's errors.
import { error, fail, redirect } from '@sveltejs/kit';
import type { FieldErrors, FormValues } from '$lib/forms/parse';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import type * as records from '$lib/server/decision/records';
import type { Result } from '$lib/server/decision/records';
import { actorOf, requireRole } from '$lib/server/guard';

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
 * A change's result as the action answers: on to `next` when done; otherwise the form again
 * with the input and each message beside its field (nothing was written).
 */
export function settle(result: Result<unknown>, values: FormValues, next: string, action?: string) {
	if (!result.ok) return fail(400, { action, values, errors: result.errors as FieldErrors });
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
