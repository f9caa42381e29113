/**
 * Values the server hands out and must recognise again without storing them (a staff browser's
 * device cookie, a phone's pass into a room round): `payload.mac`, with an HMAC-SHA256 under a
 * secret kept in the settings table. Each use names its purpose, so a value signed for one use
 * is never accepted for another.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { DB } from './db/open';
import { setting } from './db/schema';
import { generateToken } from './tokens';

/** The settings key; the secret was first made for device cookies, hence its name. */
const SECRET_KEY = 'deviceSecret';

function secret(db: DB): string {
	const row = db.select().from(setting).where(eq(setting.key, SECRET_KEY)).get();
	if (row) return row.value;
	db.insert(setting)
		.values({ key: SECRET_KEY, value: generateToken() + generateToken(), updatedAt: new Date() })
		.onConflictDoNothing()
		.run();
	return db.select().from(setting).where(eq(setting.key, SECRET_KEY)).get()!.value;
}

const utf8 = new TextEncoder();

function mac(db: DB, purpose: string, payload: string): string {
	return encodeHexLowerCase(
		hmac(SHA256, utf8.encode(secret(db)), utf8.encode(`${purpose}\n${payload}`))
	);
}

/** `payload` with its signature for `purpose`. The payload must not contain the last dot. */
export function sign(db: DB, purpose: string, payload: string): string {
	return `${payload}.${mac(db, purpose, payload)}`;
}

/** The payload of a value signed for `purpose`, or null if it was not (or was altered). */
export function verify(db: DB, purpose: string, value: string | undefined): string | null {
	if (!value) return null;
	const at = value.lastIndexOf('.');
	if (at < 1) return null;
	const payload = value.slice(0, at);
	const given = utf8.encode(value.slice(at + 1));
	const expected = utf8.encode(mac(db, purpose, payload));
	// constantTimeEqual answers false for different lengths without comparing.
	return constantTimeEqual(given, expected) ? payload : null;
}
