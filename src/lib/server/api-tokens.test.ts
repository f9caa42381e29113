import { describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../test/db';
import { API_BUCKET, authenticate, issueToken, listTokens, revokeToken } from './api-tokens';
import { apiToken } from './db/schema';

const T0 = new Date('2026-11-01T09:00:00Z');

function setUp() {
	const db = testDb();
	const admin = staffUser(db, 'admin');
	return { db, actor: { id: admin.id, email: admin.email } };
}

describe('API tokens', () => {
	it('work until revoked, then stop at once', () => {
		const { db, actor } = setUp();
		const { id, token } = issueToken(db, actor, 'Dashboard', T0);
		expect(authenticate(db, `Bearer ${token}`, T0)).toEqual({ allowed: true, tokenId: id });
		expect(revokeToken(db, actor, id, T0)).toBe(true);
		expect(authenticate(db, `Bearer ${token}`, T0)).toMatchObject({ allowed: false, status: 401 });
		expect(listTokens(db)[0].revokedAt).toEqual(T0);
	});

	it('are stored only as hashes', () => {
		const { db, actor } = setUp();
		const { token } = issueToken(db, actor, 'Dashboard', T0);
		expect(JSON.stringify(db.select().from(apiToken).all())).not.toContain(token);
	});

	it.each([null, '', 'Basic abc', 'Bearer', 'Bearer not-a-token'])('refuse %s', (header) => {
		const { db } = setUp();
		expect(authenticate(db, header, T0)).toMatchObject({ allowed: false, status: 401 });
	});

	it('are rate-limited per token', () => {
		const { db, actor } = setUp();
		const { token } = issueToken(db, actor, 'Dashboard', T0);
		const other = issueToken(db, actor, 'Other', T0).token;
		for (let i = 0; i < API_BUCKET.capacity; i++)
			expect(authenticate(db, `Bearer ${token}`, T0).allowed).toBe(true);
		expect(authenticate(db, `Bearer ${token}`, T0)).toMatchObject({
			allowed: false,
			status: 429,
			retryAfterSeconds: 1
		});
		expect(authenticate(db, `Bearer ${other}`, T0).allowed).toBe(true);
	});
});
