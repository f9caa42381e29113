import { AGE_BANDS } from '../../catalogue/schemas';
import type { DB } from '../db/open';
import { area, areaPopulation, segment, service } from '../db/schema';
import { AREAS, SEGMENTS, SERVICES } from './council';

/** The demo council's catalogue: its services, its wards with their populations, its segments. */
export function seedCatalogue(db: DB): void {
	for (const s of SERVICES) db.insert(service).values(s).run();
	for (const a of AREAS) {
		db.insert(area).values({ id: a.id, name: a.name, nameCy: a.nameCy }).run();
		for (const band of AGE_BANDS)
			db.insert(areaPopulation)
				.values({ areaId: a.id, ageBand: band, count: a.population[band] })
				.run();
	}
	for (const s of SEGMENTS) db.insert(segment).values(s).run();
}
