import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CODE_ENTRY_BUCKET } from '$lib/server/codes';
import { rateLimit } from '$lib/server/db/schema';
import { getLab } from '$lib/server/lab/board';
import { libraryLab } from '$lib/test/lab-db';
import { labForCode } from './find-lab.server';

const ADDRESS = '203.0.113.7';
const KEY = `lab-code:ip:${ADDRESS}`;

/** The HTTP status `labForCode` answers with for this code. */
function statusFor(db: ReturnType<typeof libraryLab>['db'], code: string): number {
	try {
		labForCode(db, code, ADDRESS);
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	return 200;
}

describe('a session code in the address', () => {
	it('spends one try of the address on each unknown code, and keeps it spent when it refuses', () => {
		const { db, labId } = libraryLab();
		const known = getLab(db, labId)!.joinCode;
		const unknown = known === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
		const tokens = () => db.select().from(rateLimit).where(eq(rateLimit.key, KEY)).get()?.tokens;
		expect(statusFor(db, known)).toBe(200);
		expect(tokens()).toBeUndefined();
		for (let i = 0; i < CODE_ENTRY_BUCKET.capacity; i++) expect(statusFor(db, unknown)).toBe(404);
		expect(tokens()).toBe(0);
		// Refused for trying too many: the tries spent stay spent, so the next is refused too.
		expect(statusFor(db, unknown)).toBe(429);
		expect(tokens()).toBe(0);
		expect(statusFor(db, unknown)).toBe(429);
		// A right code still opens the session.
		expect(statusFor(db, known)).toBe(200);
	});
});
