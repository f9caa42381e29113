import { describe, expect, it } from 'vitest';
import { testDb } from '../test/db';
import { consume, reset } from './rate-limit';

const T0 = new Date('2026-11-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const bucket = { capacity: 3, refillMs: 60_000 };

describe('rate limits', () => {
	it('allow the burst, then refuse with a Retry-After until a token comes back', () => {
		const db = testDb();
		for (let i = 0; i < 3; i++) expect(consume(db, 'k', bucket, at(i)).allowed).toBe(true);
		const refused = consume(db, 'k', bucket, at(10_000));
		expect(refused).toEqual({ allowed: false, retryAfterSeconds: 50 });
		expect(consume(db, 'k', bucket, at(59_999)).allowed).toBe(false);
		expect(consume(db, 'k', bucket, at(60_001)).allowed).toBe(true);
		expect(consume(db, 'k', bucket, at(60_002)).allowed).toBe(false);
	});

	it('keeps separate buckets per key', () => {
		const db = testDb();
		for (let i = 0; i < 3; i++) consume(db, 'a', bucket, T0);
		expect(consume(db, 'a', bucket, T0).allowed).toBe(false);
		expect(consume(db, 'b', bucket, T0).allowed).toBe(true);
	});

	it('never refills above capacity, and reset gives the whole burst back', () => {
		const db = testDb();
		consume(db, 'k', bucket, T0);
		for (let i = 0; i < 3; i++) expect(consume(db, 'k', bucket, at(3_600_000)).allowed).toBe(true);
		expect(consume(db, 'k', bucket, at(3_600_000)).allowed).toBe(false);
		reset(db, 'k');
		expect(consume(db, 'k', bucket, at(3_600_000)).allowed).toBe(true);
	});
});
