import { getDb } from '$lib/server/db';
import { liveResponse } from '$lib/server/lab/stream';
import { labForCode } from '../find-lab.server';
import type { RequestHandler } from './$types';

/** The lab's live board as server-sent events (projector, phones, facilitator's console). */
export const GET: RequestHandler = ({ params, getClientAddress }) => {
	const db = getDb();
	const lab = labForCode(db, params.code, getClientAddress());
	return liveResponse(db, lab.id);
};
