// The charter a staff page is about, or a 404; and a refused change as the pages that list
// its reasons show it.
import { error, fail } from '@sveltejs/kit';
import * as charters from '$lib/server/charter/charters';
import { isRefusal } from '$lib/server/command-refusal';
import type { DB } from '$lib/server/db';

export function charterOf(db: DB, param: string): charters.LoadedCharter {
	const id = Number(param);
	const loaded = Number.isInteger(id) && id > 0 ? charters.getCharter(db, id) : undefined;
	if (!loaded) error(404, 'Charter not found');
	return loaded;
}

/**
 * A refused change for a page that lists every reason (Refusal.svelte): `fail(400, { ...form,
 * reasons })`. Anything but a refusal is thrown on, as `refused` does for the other forms.
 */
export function refusedWithReasons<F extends Record<string, unknown>>(e: unknown, form: F) {
	if (!isRefusal(e)) throw e;
	return fail(400, { ...form, reasons: e.details });
}
