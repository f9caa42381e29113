import { error } from '@sveltejs/kit';
import { AreaFormSchema, areaFromForm } from '$lib/catalogue/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { saveCatalogueItem } from '../../catalogue-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const area = catalogue.listAreas(getDb()).find((a) => a.id === params.id);
	if (!area) error(404, 'Area not found');
	return {
		area,
		values: {
			id: area.id,
			name: area.name,
			nameCy: area.nameCy,
			...Object.fromEntries(
				Object.entries(area.population).map(([b, n]) => [`pop_${b}`, String(n)])
			)
		}
	};
};

export const actions: Actions = {
	default: (event) =>
		saveCatalogueItem(
			event,
			AreaFormSchema,
			(actor, data) =>
				catalogue.saveArea(
					getDb(),
					actor,
					{ ...areaFromForm(data), id: event.params.id },
					event.params.id
				),
			'/staff/catalogue/areas'
		)
};
