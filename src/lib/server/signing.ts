/**
 * Values the server hands out and must recognise again without storing them (a staff browser's
 * device cookie, a phone's pass into a room round): `payload.mac`, with an HMAC-SHA256 under a
 * secret kept in the settings table. Each use names its purpose, so a value signed for one use
 * is never accepted for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
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

function mac(db: DB, purpose: string, payload: string): string {
	return createHmac('sha256', secret(db)).update(`${purpose}\n${payload}`).digest('hex');
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
	const given = Buffer.from(value.slice(at + 1));
	const expected = Buffer.from(mac(db, purpose, payload));
	return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}
