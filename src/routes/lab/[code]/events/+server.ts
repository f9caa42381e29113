import { getDb } from '$lib/server/db';
import { liveResponse } from '$lib/server/lab/stream';
import { labLimits, openStream } from '$lib/server/live-streams';
import { labForCode } from '../find-lab.server';
import type { RequestHandler } from './$types';

/**
 * The lab's live board as server-sent events (projector, phones, facilitator's console), within
 * the limits on live streams per address and per lab (429 beyond them).
 */
export const GET: RequestHandler = ({ params, getClientAddress }) => {
	const db = getDb();
	const address = getClientAddress();
	const lab = labForCode(db, params.code, address);
	return openStream(address, `lab:${lab.id}`, labLimits(), (release) =>
		liveResponse(db, lab.id, { onClose: release })
	);
};
