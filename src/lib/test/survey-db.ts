/** A small council in an in-memory database, for the survey's server tests. */
import type { Actor } from '../server/audit';
import type { DB } from '../server/db/open';
import { engagement, user } from '../server/db/schema';
import { seedCatalogue } from '../server/seed/catalogue';
import { testDb } from './db';

export const TEST_NOW = new Date('2026-06-01T10:00:00Z');

export interface TestCouncil {
	db: DB;
	actor: Actor;
	engagementId: number;
}

export function testCouncil(): TestCouncil {
	const db = testDb();
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
	seedCatalogue(db);
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
