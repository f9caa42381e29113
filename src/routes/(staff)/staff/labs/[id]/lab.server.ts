import { error } from '@sveltejs/kit';
import type { DB } from '$lib/server/db';
import * as board from '$lib/server/lab/board';

/** The lab id in a staff address, or a 404. */
export function labIdOf(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id < 1) error(404, 'Lab not found');
	return id;
}

/** The lab's board as it stands, or a 404. */
export function loadedLab(db: DB, param: string): board.LoadedBoard {
	const loaded = board.loadBoard(db, labIdOf(param));
	if (!loaded) error(404, 'Lab not found');
	return loaded;
}
