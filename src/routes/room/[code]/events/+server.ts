import { turnoutResponse } from '$lib/server/budget/turnout';
import { getDb } from '$lib/server/db';
import { openStream, roundLimits } from '$lib/server/live-streams';
import type { RequestHandler } from './$types';
import { roundForCode } from '../find-round.server';

/** Live turnout for the projector, within the limits on live streams (429 beyond them). */
export const GET: RequestHandler = ({ params, getClientAddress, locals }) => {
	const db = getDb();
	const address = getClientAddress();
	const round = roundForCode(db, params.code, address, locals);
	return openStream(address, `round:${round.id}`, roundLimits(), (release) =>
		turnoutResponse(db, round.id, { onClose: release })
	);
};
