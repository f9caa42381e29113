import { openDatabase, type DB } from '../server/db/open';
import { user } from '../server/db/schema';
import { AREAS, SEGMENTS, SERVICES } from '../server/seed/council';
import { area, segment, service } from '../server/db/schema';

/** A private in-memory database with the real migrations applied. */
export function testDb(): DB {
	return openDatabase(':memory:');
}

/** The demo catalogue (services, areas, segments) without staff or tool content. */
export function withCatalogue(db: DB): DB {
	for (const s of SERVICES) db.insert(service).values(s).run();
	for (const a of AREAS) db.insert(area).values({ id: a.id, name: a.name }).run();
	for (const s of SEGMENTS) db.insert(segment).values(s).run();
	return db;
}

/** A staff account with a placeholder hash (for tests that do not sign in). */
export function staffUser(
	db: DB,
	role: 'admin' | 'commissioner' | 'facilitator' | 'councillor' = 'commissioner',
	email = `${role}@test.example`
) {
	return db
		.insert(user)
		.values({ email, name: role, role, passwordHash: 'x', createdAt: new Date('2026-01-01') })
		.returning()
		.get();
}
