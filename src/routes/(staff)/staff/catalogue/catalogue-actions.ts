import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actor } from '$lib/server/audit';
import { refused } from '$lib/server/refusal';

/**
 * The one shape every catalogue form shares: admins and commissioners only, parse with zod,
 * save, show a clash (an id already taken) beside its field, then go back to the list.
 */
export async function saveCatalogueItem<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	save: (actor: Actor, data: z.output<S>) => void,
	listHref: string
) {
	const user = requireRole(event.locals, 'admin', 'commissioner');
	const parsed = parseForm(schema, await event.request.formData());
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	try {
		save(actorOf(user), parsed.data);
	} catch (e) {
		return refused(e, { values: parsed.values });
	}
	redirect(303, listHref);
}
