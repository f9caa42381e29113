import { ServiceSchema } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ services: catalogue.listServices(getDb()) });

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			ServiceSchema,
			(actor, data) => catalogue.saveService(getDb(), actor, data),
			'/staff/catalogue/services'
		)
};
