import { describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../test/db';
import { rateLimit, session } from './db/schema';
import { STALE_BUCKET_MS, sweep } from './housekeeping';
import { consume } from './rate-limit';
import { ABSOLUTE_MS, IDLE_MS, createSession, validateSessionToken } from './session';

const T0 = new Date('2026-11-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const BUCKET = { capacity: 5, refillMs: 60_000 };

describe('sweep', () => {
	it('deletes sessions past their idle expiry and keeps live ones', () => {
		const db = testDb();
		const user = staffUser(db);
		createSession(db, user.id, T0);
		const live = createSession(db, user.id, at(IDLE_MS - 60_000));
		expect(sweep(db, at(IDLE_MS))).toEqual({ sessions: 1, buckets: 0 });
		const left = db.select().from(session).all();
		expect(left.map((s) => s.id)).toEqual([live.session.id]);
		expect(validateSessionToken(db, live.token, at(IDLE_MS)).session).not.toBeNull();
	});

	it('deletes a session past the absolute cap even if its expiry says otherwise', () => {
		const db = testDb();
		const user = staffUser(db);
		const s = createSession(db, user.id, T0);
		// As if it had slid forward: the row says later, the cap says no.
		db.update(session)
			.set({ expiresAt: at(ABSOLUTE_MS + IDLE_MS) })
			.run();
		expect(sweep(db, at(ABSOLUTE_MS)).sessions).toBe(1);
		expect(validateSessionToken(db, s.token, at(ABSOLUTE_MS)).session).toBeNull();
	});

	it('deletes rate-limit buckets untouched for a day, and keeps recent ones', () => {
		const db = testDb();
		consume(db, 'old', BUCKET, T0);
		consume(db, 'recent', BUCKET, at(STALE_BUCKET_MS));
		expect(sweep(db, at(STALE_BUCKET_MS + 1)).buckets).toBe(1);
		expect(db.select({ key: rateLimit.key }).from(rateLimit).all()).toEqual([{ key: 'recent' }]);
	});
});
