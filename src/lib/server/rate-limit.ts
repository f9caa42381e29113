import { eq } from 'drizzle-orm';
import { write, type DB } from './db/open';
import { rateLimit } from './db/schema';

export interface Bucket {
	/** How many attempts may come at once. */
	capacity: number;
	/** One attempt is given back every this many milliseconds. */
	refillMs: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one token from the bucket `key` (a token bucket kept in SQLite, so limits survive a
 * restart and hold across processes). Refused attempts take nothing.
 */
export function consume(db: DB, key: string, bucket: Bucket, now = new Date()): Verdict {
	return write(db, (tx) => {
		const row = tx.select().from(rateLimit).where(eq(rateLimit.key, key)).get();
		const elapsed = row ? now.getTime() - row.updatedAt.getTime() : 0;
		const refilled = row ? Math.floor(elapsed / bucket.refillMs) : bucket.capacity;
		let tokens = Math.min(bucket.capacity, (row?.tokens ?? 0) + refilled);
		// Keep the unspent part of the current refill period, so refills are not lost by rounding.
		const updatedAt =
			row && tokens < bucket.capacity
				? new Date(row.updatedAt.getTime() + refilled * bucket.refillMs)
				: now;
		if (tokens < 1) {
			const wait = bucket.refillMs - (now.getTime() - updatedAt.getTime());
			return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
		}
		tokens -= 1;
		tx.insert(rateLimit)
			.values({ key, tokens, updatedAt })
			.onConflictDoUpdate({ target: rateLimit.key, set: { tokens, updatedAt } })
			.run();
		return { ok: true };
	});
}

/** Forget a bucket (after a successful sign-in, the account's failures no longer count). */
export function reset(db: DB, key: string): void {
	db.delete(rateLimit).where(eq(rateLimit.key, key)).run();
}
