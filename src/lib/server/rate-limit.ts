import { eq } from 'drizzle-orm';
import { write, type DB } from './db/open';
import { rateLimit } from './db/schema';

export interface Bucket {
	/** How many attempts may come at once. */
	capacity: number;
	/** One attempt is given back every this many milliseconds. */
	refillMs: number;
}

/** Whether an attempt may go ahead: a guard's answer, not a refusal (each caller says no in
 * its own way, a 429 with Retry-After or a Refusal thrown after the spend has committed). */
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one token from the bucket `key` (a token bucket kept in SQLite, so limits survive a
 * restart and hold across processes). Refused attempts take nothing.
 */
export function consume(db: DB, key: string, bucket: Bucket, now = new Date()): Verdict {
	return write(db, (tx) => {
		const { tokens: left, updatedAt, verdict } = level(tx, key, bucket, now);
		if (!verdict.allowed) return verdict;
		const tokens = left - 1;
		tx.insert(rateLimit)
			.values({ key, tokens, updatedAt })
			.onConflictDoUpdate({ target: rateLimit.key, set: { tokens, updatedAt } })
			.run();
		return { allowed: true };
	});
}

/** What is in the bucket now, refills counted, and whether an attempt would be allowed. */
function level(db: DB, key: string, bucket: Bucket, now: Date) {
	const row = db.select().from(rateLimit).where(eq(rateLimit.key, key)).get();
	const elapsed = row ? now.getTime() - row.updatedAt.getTime() : 0;
	const refilled = row ? Math.floor(elapsed / bucket.refillMs) : bucket.capacity;
	const tokens = Math.min(bucket.capacity, (row?.tokens ?? 0) + refilled);
	// Keep the unspent part of the current refill period, so refills are not lost by rounding.
	const updatedAt =
		row && tokens < bucket.capacity
			? new Date(row.updatedAt.getTime() + refilled * bucket.refillMs)
			: now;
	const wait = bucket.refillMs - (now.getTime() - updatedAt.getTime());
	const verdict: Verdict =
		tokens < 1
			? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) }
			: { allowed: true };
	return { tokens, updatedAt, verdict };
}

/**
 * Whether the bucket `key` would allow an attempt now, taking nothing. For limits on wrong
 * guesses only: check first (an address over the limit learns nothing, right or wrong), and
 * `consume` only when the guess was wrong.
 */
export function check(db: DB, key: string, bucket: Bucket, now = new Date()): Verdict {
	return level(db, key, bucket, now).verdict;
}

/** Forget a bucket (after a successful sign-in, the account's failures no longer count). */
export function reset(db: DB, key: string): void {
	db.delete(rateLimit).where(eq(rateLimit.key, key)).run();
}
