import { error } from '@sveltejs/kit';
import * as rounds from '$lib/server/budget/rounds';
import { isRefusal } from '$lib/server/command-refusal';
import type { DB } from '$lib/server/db';

/**
 * The round a `/room/[code]` address names. Unknown codes are 404s, and an address trying many
 * of them is refused (429) like wrong participation codes are (rounds.lookUpCode); not a
 * signed-in facilitator's projector.
 */
export function roundForCode(
	db: DB,
	code: string,
	clientAddress: string,
	locals: App.Locals
): rounds.Round {
	try {
		return rounds.lookUpCode(db, code, clientAddress, { staff: !!locals.user });
	} catch (e) {
		if (isRefusal(e, 'rate'))
			error(429, 'Too many wrong room codes from this address. Wait a minute and try again.');
		if (isRefusal(e, 'unknown')) error(404, 'Round not found');
		throw e;
	}
}
