import { error } from '@sveltejs/kit';
import { diffVersions } from '$lib/charter/diff';
import { publicCharter, publicVersions } from '$lib/charter/public';
import * as charters from '$lib/server/charter/charters';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const loaded = charters.getCharterBySlug(getDb(), params.slug);
	const view = loaded ? publicCharter(loaded.state) : null;
	if (!loaded || !view) error(404, 'Charter not found');
	const { state } = loaded;
	const signed = publicVersions(state);
	const versionOf = (n: number) => state.versions.find((v) => v.number === n)!;
	return {
		slug: loaded.slug,
		content: view.content,
		versions: signed.map((v, i) => {
			const version = versionOf(v.number);
			// Newest first: the one after this in the list is the signed version it replaced.
			const previous = signed[i + 1] ? versionOf(signed[i + 1].number) : null;
			return {
				...v,
				parties: version.content.parties.map((p) => ({ id: p.id, organisation: p.organisation })),
				previous: previous
					? {
							number: previous.number,
							content: previous.content,
							changes: diffVersions(previous, version).changes
						}
					: null,
				content: version.content
			};
		})
	};
};
