import { describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../test/db';
import * as accounts from './accounts';
import {
	ABSOLUTE_MS,
	IDLE_MS,
	createSession,
	invalidateSession,
	validateSessionToken
} from './session';
import { hashToken } from './tokens';
import { session } from './db/schema';

const T0 = new Date('2026-11-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('sessions', () => {
	it('store only the SHA-256 of a token of at least 128 bits', () => {
		const db = testDb();
		const u = staffUser(db);
		const { token } = createSession(db, u.id, T0);
		// base32: 5 bits a character.
		expect(token.length * 5).toBeGreaterThanOrEqual(128);
		const rows = db.select().from(session).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).not.toContain(token);
	});

	it.each([
		{ name: 'is valid just before the idle timeout', after: IDLE_MS - 1, valid: true },
		{ name: 'lapses at the idle timeout', after: IDLE_MS, valid: false }
	])('$name', ({ after, valid }) => {
		const db = testDb();
		const { token } = createSession(db, staffUser(db).id, T0);
		expect(validateSessionToken(db, token, at(after)).session !== null).toBe(valid);
	});

	it('slides with use but never past the absolute cap of 12 hours', () => {
		const db = testDb();
		const { token } = createSession(db, staffUser(db).id, T0);
		// Busy all day: used every 50 minutes.
		let t = 0;
		while (t + 50 * 60_000 < ABSOLUTE_MS) {
			t += 50 * 60_000;
			const { session: s } = validateSessionToken(db, token, at(t));
			expect(s, `still valid after ${t / 60_000} minutes`).not.toBeNull();
			expect(s!.expiresAt.getTime()).toBeLessThanOrEqual(T0.getTime() + ABSOLUTE_MS);
		}
		expect(validateSessionToken(db, token, at(ABSOLUTE_MS)).session).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('ends on sign-out, on the server', () => {
		const db = testDb();
		const { token, session: s } = createSession(db, staffUser(db).id, T0);
		invalidateSession(db, s.id);
		expect(validateSessionToken(db, token, at(1000)).session).toBeNull();
	});

	it('all end when the account is disabled', () => {
		const db = testDb();
		const admin = staffUser(db, 'admin');
		const u = staffUser(db, 'facilitator');
		const a = createSession(db, u.id, T0);
		const b = createSession(db, u.id, T0);
		accounts.updateAccount(db, { id: admin.id, email: admin.email }, u.id, {
			role: 'facilitator',
			disabled: true
		});
		expect(validateSessionToken(db, a.token, at(1000)).session).toBeNull();
		expect(validateSessionToken(db, b.token, at(1000)).session).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('an admin cannot disable themselves', () => {
		const db = testDb();
		const admin = staffUser(db, 'admin');
		expect(() =>
			accounts.updateAccount(db, { id: admin.id, email: admin.email }, admin.id, {
				role: 'admin',
				disabled: true
			})
		).toThrow(/cannot disable your own account/);
	});
});
