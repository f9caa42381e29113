import { error } from '@sveltejs/kit';
import { publicVersions } from '$lib/charter/public';
import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const loaded = charters.getCharterBySlug(getDb(), params.slug);
	const number = Number(params.number);
	// Only versions every party signed are public; a withdrawn or half-signed text is not.
	const listed = loaded ? publicVersions(loaded.state).find((v) => v.number === number) : undefined;
	if (!loaded || !listed) error(404, 'Version not found');
	const version = loaded.state.versions.find((v) => v.number === number)!;
	return { slug: loaded.slug, version: listed, content: version.content };
};
