import { getDb } from '$lib/server/db';
import * as board from '$lib/server/lab/board';
import { qrDataUri } from '$lib/server/qr';
import { labForCode } from '../find-lab.server';
import type { PageServerLoad } from './$types';

const SCALE_MIN = 0.6;
const SCALE_MAX = 2;

export const load: PageServerLoad = async ({ params, url, getClientAddress }) => {
	const db = getDb();
	const lab = labForCode(db, params.code, getClientAddress(), (c) => `/lab/${c}/screen`);
	const joinUrl = `${url.origin}/lab/${lab.joinCode}`;
	// Without JavaScript the text size comes from the address (?scale=1.2), set by the buttons.
	const asked = Number(url.searchParams.get('scale'));
	const scale =
		Number.isFinite(asked) && asked > 0 ? Math.min(SCALE_MAX, Math.max(SCALE_MIN, asked)) : 1;
	return {
		view: board.loadView(db, lab.id)!,
		qr: await qrDataUri(joinUrl),
		joinAddress: `${url.host}/lab`,
		scale,
		scaleInUrl: url.searchParams.has('scale')
	};
};
