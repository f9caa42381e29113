import { error } from '@sveltejs/kit';
import { publicCharter } from '$lib/charter/public';
import * as charters from '$lib/server/charter/charters';
import { describeLinks } from '$lib/server/charter/links';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const loaded = charters.getCharterBySlug(db, params.slug);
	const view = loaded ? publicCharter(loaded.state) : null;
	if (!loaded || !view) error(404, 'Charter not found');
	return {
		slug: loaded.slug,
		charter: view,
		links: describeLinks(db, loaded.engagementId, view.content.links, new Date())
	};
};
