import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DB } from './db/open';
import { setting } from './db/schema';
import { getAccountByEmail } from './accounts';
import { dummyPasswordHash, verifyPassword } from './password';
import { consume, reset, type Bucket } from './rate-limit';
import { createSession, type Session, type SessionUser } from './session';
import { generateToken } from './tokens';

/**
 * Per address: enough for an office behind one NAT, too few for a password spray.
 * SIGN_IN_IP_BURST raises the burst for a large office.
 */
export const IP_BUCKET: Bucket = {
	capacity: Number(process.env.SIGN_IN_IP_BURST) || 30,
	refillMs: 20_000
};
/** Per account: five tries, then one a minute. */
export const ACCOUNT_BUCKET: Bucket = { capacity: 5, refillMs: 60_000 };

export const DEVICE_COOKIE = 'cc_device';
/** A year, in seconds. */
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export type SignInResult =
	| { ok: true; user: SessionUser; token: string; session: Session; deviceCookie: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate'; retryAfterSeconds: number };

/**
 * Checks an email and password under two rate limits. The per-account limit stops guessing at
 * one account, but it would also let an attacker lock the real owner out; so a browser that
 * has signed in to the account before (it holds a device cookie, OWASP's "device cookie"
 * pattern) is exempt from the account limit, and only the per-address limit applies to it.
 */
export async function signIn(
	db: DB,
	input: { email: string; password: string; ip: string; deviceCookie?: string },
	now = new Date()
): Promise<SignInResult> {
	const ipVerdict = consume(db, `signin:ip:${input.ip}`, IP_BUCKET, now);
	if (!ipVerdict.ok)
		return { ok: false, reason: 'rate', retryAfterSeconds: ipVerdict.retryAfterSeconds };

	const account = getAccountByEmail(db, input.email);
	const trusted =
		account && input.deviceCookie ? deviceCookieValid(db, input.deviceCookie, account.id) : false;
	const accountKey = `signin:account:${input.email.toLowerCase()}`;
	if (!trusted) {
		const verdict = consume(db, accountKey, ACCOUNT_BUCKET, now);
		if (!verdict.ok)
			return { ok: false, reason: 'rate', retryAfterSeconds: verdict.retryAfterSeconds };
	}

	const valid = account
		? await verifyPassword(account.passwordHash, input.password)
		: (await verifyPassword(await dummyPasswordHash(), input.password), false);
	if (!account || !valid || account.disabled) return { ok: false, reason: 'invalid' };

	reset(db, accountKey);
	const { token, session } = createSession(db, account.id, now);
	return {
		ok: true,
		user: { id: account.id, email: account.email, name: account.name, role: account.role },
		token,
		session,
		deviceCookie: makeDeviceCookie(db, account.id)
	};
}

function deviceSecret(db: DB): string {
	const row = db.select().from(setting).where(eq(setting.key, 'deviceSecret')).get();
	if (row) return row.value;
	const secret = generateToken() + generateToken();
	db.insert(setting)
		.values({ key: 'deviceSecret', value: secret, updatedAt: new Date() })
		.onConflictDoNothing()
		.run();
	return db.select().from(setting).where(eq(setting.key, 'deviceSecret')).get()!.value;
}

function sign(db: DB, payload: string): string {
	return createHmac('sha256', deviceSecret(db)).update(payload).digest('hex');
}

export function makeDeviceCookie(db: DB, userId: number): string {
	const payload = `${userId}.${generateToken()}`;
	return `${payload}.${sign(db, payload)}`;
}

export function deviceCookieValid(db: DB, cookie: string, userId: number): boolean {
	const parts = cookie.split('.');
	if (parts.length !== 3 || parts[0] !== String(userId)) return false;
	const expected = Buffer.from(sign(db, `${parts[0]}.${parts[1]}`));
	const given = Buffer.from(parts[2]);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
