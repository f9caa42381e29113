import { desc, eq } from 'drizzle-orm';
import * as audit from './audit';
import { write, type DB } from './db/open';
import { apiToken } from './db/schema';
import { consume, type Bucket } from './rate-limit';
import { generateToken, hashToken } from './tokens';

/** Sixty requests at once, then one a second, per token. */
export const API_BUCKET: Bucket = { capacity: 60, refillMs: 1_000 };
const PREFIX = 'cc_';

/** Issues a token and returns it in plain text, once. */
export function issueToken(
	db: DB,
	actor: audit.Actor,
	name: string,
	now = new Date()
): { id: number; token: string } {
	const token = PREFIX + generateToken();
	return write(db, (tx) => {
		const row = tx
			.insert(apiToken)
			.values({ name, tokenHash: hashToken(token), createdBy: actor.id, createdAt: now })
			.returning({ id: apiToken.id })
			.get();
		audit.record(
			tx,
			actor,
			{ action: 'api-token.issue', entityType: 'api_token', entityId: row.id, after: { name } },
			now
		);
		return { id: row.id, token };
	});
}

export function revokeToken(db: DB, actor: audit.Actor, id: number, now = new Date()): boolean {
	return write(db, (tx) => {
		const row = tx.select().from(apiToken).where(eq(apiToken.id, id)).get();
		if (!row || row.revokedAt) return false;
		tx.update(apiToken).set({ revokedAt: now }).where(eq(apiToken.id, id)).run();
		audit.record(
			tx,
			actor,
			{
				action: 'api-token.revoke',
				entityType: 'api_token',
				entityId: id,
				before: { name: row.name }
			},
			now
		);
		return true;
	});
}

export function listTokens(db: DB) {
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.orderBy(desc(apiToken.id))
		.all();
}

/**
 * Whether a request may use the API, and if not the HTTP status that says why: 401 without a
 * valid token, 429 when the token is over its limit.
 */
export type ApiAccess =
	| { allowed: true; tokenId: number }
	| { allowed: false; status: 401; message: string }
	| { allowed: false; status: 429; retryAfterSeconds: number };

/**
 * Checks an `Authorization: Bearer ...` header and the token's rate limit: a question each API
 * request asks before its handler runs, answered as its status (not a refusal of a form). A
 * request the limit allows takes a token from the bucket and marks the API token used.
 */
export function authenticate(db: DB, authorization: string | null, now = new Date()): ApiAccess {
	const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
	if (!match)
		return {
			allowed: false,
			status: 401,
			message: 'Send an API token: Authorization: Bearer <token>'
		};
	const row = db
		.select()
		.from(apiToken)
		.where(eq(apiToken.tokenHash, hashToken(match[1])))
		.get();
	if (!row || row.revokedAt)
		return {
			allowed: false,
			status: 401,
			message: 'That API token is not valid or has been revoked'
		};
	const verdict = consume(db, `api:${row.id}`, API_BUCKET, now);
	if (!verdict.allowed)
		return { allowed: false, status: 429, retryAfterSeconds: verdict.retryAfterSeconds };
	db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id)).run();
	return { allowed: true, tokenId: row.id };
}
