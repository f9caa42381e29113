/** A small council in an in-memory database, for the survey's server tests. */
import { AGE_BANDS } from '../../catalogue/schemas';
import type { Actor } from '../audit';
import { openDatabase, type DB } from '../db/open';
import { area, areaPopulation, engagement, segment, service, user } from '../db/schema';
import { AREAS, SEGMENTS, SERVICES } from '../seed/council';

export const TEST_NOW = new Date('2026-06-01T10:00:00Z');

export interface TestCouncil {
	db: DB;
	actor: Actor;
	engagementId: number;
}

export function testCouncil(): TestCouncil {
	const db = openDatabase(':memory:');
	const actorId = db
		.insert(user)
		.values({
			email: 'commissioner@test.example',
			name: 'Test Commissioner',
			role: 'commissioner',
			passwordHash: 'x',
			createdAt: TEST_NOW
		})
		.returning({ id: user.id })
		.get().id;
	for (const s of SERVICES) db.insert(service).values(s).run();
	for (const a of AREAS) {
		db.insert(area).values({ id: a.id, name: a.name, nameCy: a.nameCy }).run();
		for (const band of AGE_BANDS)
			db.insert(areaPopulation)
				.values({ areaId: a.id, ageBand: band, count: a.population[band] })
				.run();
	}
	for (const s of SEGMENTS) db.insert(segment).values(s).run();
	const engagementId = db
		.insert(engagement)
		.values({
			title: 'Libraries as community hubs',
			serviceId: 'libraries',
			createdAt: TEST_NOW,
			updatedAt: TEST_NOW
		})
		.returning({ id: engagement.id })
		.get().id;
	return { db, actor: { id: actorId, email: 'commissioner@test.example' }, engagementId };
}
