import { AreaFormSchema, areaFromForm } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ areas: catalogue.listAreas(getDb()) });

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			AreaFormSchema,
			(actor, data) => catalogue.saveArea(getDb(), actor, areaFromForm(data)),
			'/staff/catalogue/areas'
		)
};
