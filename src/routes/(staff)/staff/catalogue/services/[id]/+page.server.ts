import { error } from '@sveltejs/kit';
import { ServiceSchema } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const service = catalogue.getService(getDb(), params.id);
	if (!service) error(404, 'Service not found');
	return { service };
};

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			ServiceSchema.omit({ id: true }),
			(actor, data) =>
				catalogue.saveService(getDb(), actor, { ...data, id: event.params.id }, event.params.id),
			'/staff/catalogue/services'
		)
};
