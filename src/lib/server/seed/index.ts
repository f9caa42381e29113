import { count } from 'drizzle-orm';
import { write, type DB } from '../db/open';
import { engagement, user } from '../db/schema';
import { hashPassword } from '../password';
import { seedCatalogue } from './catalogue';
import { setSetting } from '../settings';
import { COUNCIL_NAME, DEMO_PASSWORD, ENGAGEMENTS, STAFF } from './council';

import { seedDecisionRecord } from '../decision/seed';
import { TOOLS } from '../tools';
import type { SeedContext } from './types';

export type { SeedContext, ToolSeed } from './types';

/** A fixed "now" for the demo, so the seed is the same whatever day it runs. */
export const SEED_NOW = new Date('2026-11-01T10:00:00Z');

/**
 * Seeds Harbourside Borough Council when the database has no staff accounts. Deterministic:
 * the same rows (bar the argon2 salts) every time. `SEED_DEMO=false` switches it off.
 */
export async function seedIfEmpty(
	db: DB,
	options: { log?: boolean; now?: Date } = {}
): Promise<boolean> {
	if (db.select({ n: count() }).from(user).get()!.n > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const now = options.now ?? SEED_NOW;
	write(db, (tx) => {
		// Another process may have seeded between the check and the lock.
		if (tx.select({ n: count() }).from(user).get()!.n > 0) return;
		setSetting(tx, 'councilName', COUNCIL_NAME);
		setSetting(tx, 'privacyEmail', 'dataprotection@harbourside.example');
		setSetting(tx, 'accessibilityEmail', 'haveyoursay@harbourside.example');
		seedCatalogue(tx);
		const staffIds = {} as SeedContext['staffIds'];
		for (const s of STAFF) {
			staffIds[s.role] = tx
				.insert(user)
				.values({ ...s, passwordHash, createdAt: now })
				.returning({ id: user.id })
				.get().id;
		}
		const engagementIds = ENGAGEMENTS.map(
			(e) =>
				tx
					.insert(engagement)
					.values({ ...e, createdAt: now, updatedAt: now })
					.returning({ id: engagement.id })
					.get().id
		);
		const ctx: SeedContext = { now, engagementIds, staffIds };
		// The tools in pipeline order; the decision record stands on all of them.
		for (const tool of TOOLS) tool.seedDemo(tx, ctx);
		seedDecisionRecord(tx, ctx);
	});
	if (options.log) {
		console.log(`Seeded the demo council, ${COUNCIL_NAME}. Staff sign-in at /staff/sign-in:`);
		for (const s of STAFF)
			console.log(`  ${s.email.padEnd(36)} password: ${DEMO_PASSWORD}  (${s.role})`);
	}
	return true;
}
