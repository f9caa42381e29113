import { getDb } from '$lib/server/db';
import * as board from '$lib/server/lab/board';
import { qrDataUri } from '$lib/server/qr';
import { labForCode } from '../find-lab.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, getClientAddress }) => {
	const db = getDb();
	const lab = labForCode(db, params.code, getClientAddress(), (c) => `/lab/${c}/screen`);
	const joinUrl = `${url.origin}/lab/${lab.joinCode}`;
	return {
		view: board.loadView(db, lab.id)!,
		qr: await qrDataUri(joinUrl),
		joinAddress: `${url.host}/lab`
	};
};
