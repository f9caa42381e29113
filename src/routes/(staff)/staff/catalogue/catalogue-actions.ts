import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import { ConflictError } from '$lib/server/catalogue';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actor } from '$lib/server/audit';

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
		if (e instanceof ConflictError)
			return fail(400, { values: parsed.values, errors: { [e.field]: e.message } });
		throw e;
	}
	redirect(303, listHref);
}
