/**
 * Rows that have stopped meaning anything, swept when the server starts and every hour: sessions
 * past their idle or absolute expiry (a lapsed session is refused when used, but one never used
 * again would otherwise stay for ever), and rate-limit buckets untouched for a day.
 */
import { lt, lte, or } from 'drizzle-orm';
import { write, type DB } from './db/open';
import { rateLimit, session } from './db/schema';
import { ABSOLUTE_MS } from './session';

/**
 * A bucket untouched this long is full again, the same as no row: every bucket refills within
 * it (the slowest, code entry with CODE_ENTRY_BURST=1000 at one a minute, in under 17 hours).
 */
export const STALE_BUCKET_MS = 24 * 60 * 60 * 1000;

export const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Deletes lapsed sessions and stale rate-limit rows; says how many of each went. */
export function sweep(db: DB, now = new Date()): { sessions: number; buckets: number } {
	return write(db, (tx) => {
		const sessions = tx
			.delete(session)
			.where(
				or(
					lte(session.expiresAt, now),
					lte(session.createdAt, new Date(now.getTime() - ABSOLUTE_MS))
				)
			)
			.run().changes;
		const buckets = tx
			.delete(rateLimit)
			.where(lt(rateLimit.updatedAt, new Date(now.getTime() - STALE_BUCKET_MS)))
			.run().changes;
		return { sessions, buckets };
	});
}
