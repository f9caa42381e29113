import type { Cookies } from '@sveltejs/kit';
import { Refusal } from './command-refusal';
import * as config from './config';
import type { DB } from './db/open';
import { getAccountByEmail } from './accounts';
import { dummyPasswordHash, verifyPassword } from './password';
import { consume, reset, type Bucket } from './rate-limit';
import { createSession, type Session, type SessionUser } from './session';
import { sign, verify } from './signing';
import { generateToken } from './tokens';

/**
 * Per address: enough for an office behind one NAT, too few for a password spray.
 * SIGN_IN_IP_BURST raises the burst for a large office.
 */
export const IP_BUCKET: Bucket = {
	capacity: config.signInIpBurst(),
	refillMs: 20_000
};
/** Per account: five tries, then one a minute. */
export const ACCOUNT_BUCKET: Bucket = { capacity: 5, refillMs: 60_000 };

export const DEVICE_COOKIE = 'cc_device';
/**
 * How long a device cookie exempts its browser from the account limit. Each sign-in renews it,
 * so only a browser unused for this long (or a copied cookie) loses the exemption.
 */
export const DEVICE_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;

export interface SignedIn {
	user: SessionUser;
	token: string;
	session: Session;
	deviceCookie: string;
}

/**
 * Why a sign-in is refused: `rate` (too many attempts: `params.seconds` says how long to wait,
 * for the Retry-After header) or `invalid` (the email and password do not match an account
 * that may sign in; the same answer for each, so it does not say which accounts exist).
 */
export type SignInReason = 'rate' | 'invalid';

function tooManyAttempts(retryAfterSeconds: number): Refusal<SignInReason> {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	return new Refusal(
		'_',
		`Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
		{ reason: 'rate', params: { seconds: retryAfterSeconds } }
	);
}

/**
 * Checks an email and password under two rate limits, and signs in; refused (a Refusal, reason
 * `rate` or `invalid`) otherwise. The per-account limit stops guessing at one account, but it
 * would also let an attacker lock the real owner out; so a browser that has signed in to the
 * account before (it holds a device cookie, OWASP's "device cookie" pattern) is exempt from the
 * account limit, and only the per-address limit applies to it.
 *
 * Every attempt is counted before the password is checked, each count in its own committed
 * write (`consume`), so a refusal thrown afterwards leaves the count in place: a failed sign-in
 * is never rolled back. Do not call this inside a `write` transaction, which would roll the
 * counts back with the refusal.
 */
export async function signIn(
	db: DB,
	input: { email: string; password: string; ip: string; deviceCookie?: string },
	now = new Date()
): Promise<SignedIn> {
	const ipVerdict = consume(db, `signin:ip:${input.ip}`, IP_BUCKET, now);
	if (!ipVerdict.allowed) throw tooManyAttempts(ipVerdict.retryAfterSeconds);

	const account = getAccountByEmail(db, input.email);
	const trusted =
		account && input.deviceCookie ? deviceCookieValid(db, input.deviceCookie, account, now) : false;
	const accountKey = `signin:account:${input.email.toLowerCase()}`;
	if (!trusted) {
		const verdict = consume(db, accountKey, ACCOUNT_BUCKET, now);
		if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterSeconds);
	}

	const valid = account
		? await verifyPassword(account.passwordHash, input.password)
		: (await verifyPassword(await dummyPasswordHash(), input.password), false);
	// Counted above, committed: thrown after the count, so the count stays.
	if (!account || !valid || account.disabled)
		throw new Refusal<SignInReason>('email', 'Enter a correct email address and password', {
			reason: 'invalid'
		});

	reset(db, accountKey);
	const { token, session } = createSession(db, account.id, now);
	return {
		user: { id: account.id, email: account.email, name: account.name, role: account.role },
		token,
		session,
		deviceCookie: makeDeviceCookie(db, account.id, now)
	};
}

const DEVICE = 'device';

/** Puts a device cookie in the browser, for the sign-in page only, as long as it is valid. */
export function setDeviceCookie(cookies: Cookies, value: string, secure: boolean): void {
	cookies.set(DEVICE_COOKIE, value, {
		path: '/staff/sign-in',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: DEVICE_MAX_AGE_MS / 1000
	});
}

/** A device cookie for this account: the account, when it was issued, and a random part. */
export function makeDeviceCookie(db: DB, userId: number, now = new Date()): string {
	return sign(db, DEVICE, `${userId}.${now.getTime()}.${generateToken()}`);
}

/**
 * Whether a device cookie is this account's, issued less than DEVICE_MAX_AGE_MS ago and not
 * before the account's password last changed (a new password ends every device's exemption).
 */
export function deviceCookieValid(
	db: DB,
	cookie: string,
	account: { id: number; passwordChangedAt: Date | null },
	now = new Date()
): boolean {
	const parts = verify(db, DEVICE, cookie)?.split('.');
	if (!parts || parts.length !== 3 || parts[0] !== String(account.id)) return false;
	const issuedAt = Number(parts[1]);
	if (!Number.isSafeInteger(issuedAt) || issuedAt > now.getTime()) return false;
	if (now.getTime() - issuedAt >= DEVICE_MAX_AGE_MS) return false;
	return !account.passwordChangedAt || issuedAt >= account.passwordChangedAt.getTime();
}
