// The charter a staff page is about, or a 404.
import { error } from '@sveltejs/kit';
import * as charters from '$lib/server/charter/charters';
import type { DB } from '$lib/server/db';

export function charterOf(db: DB, param: string): charters.LoadedCharter {
	const id = Number(param);
	const loaded = Number.isInteger(id) && id > 0 ? charters.getCharter(db, id) : undefined;
	if (!loaded) error(404, 'Charter not found');
	return loaded;
}
