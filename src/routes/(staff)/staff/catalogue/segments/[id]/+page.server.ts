import { error } from '@sveltejs/kit';
import { SegmentSchema } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const segment = catalogue.listSegments(getDb()).find((s) => s.id === params.id);
	if (!segment) error(404, 'Segment not found');
	return { segment };
};

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			SegmentSchema.omit({ id: true }),
			(actor, data) =>
				catalogue.saveSegment(getDb(), actor, { ...data, id: event.params.id }, event.params.id),
			'/staff/catalogue/segments'
		)
};
