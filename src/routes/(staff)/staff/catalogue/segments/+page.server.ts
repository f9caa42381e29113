import { SegmentSchema } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ segments: catalogue.listSegments(getDb()) });

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			SegmentSchema,
			(actor, data) => catalogue.saveSegment(getDb(), actor, data),
			'/staff/catalogue/segments'
		)
};
