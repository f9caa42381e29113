import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../test/db';
import * as accounts from './accounts';
import { Refusal } from './command-refusal';
import { rateLimit, session, user } from './db/schema';
import { hashPassword } from './password';
import { createSession, validateSessionToken } from './session';
import {
	ACCOUNT_BUCKET,
	DEVICE_MAX_AGE_MS,
	deviceCookieValid,
	IP_BUCKET,
	makeDeviceCookie,
	signIn
} from './sign-in';

const T0 = new Date('2026-11-01T09:00:00Z');

/** What a sign-in came to: 'signed in', or its refusal's field, reason and params. */
async function outcome(attempt: Promise<unknown>) {
	try {
		await attempt;
		return 'signed in';
	} catch (e) {
		if (!(e instanceof Refusal)) throw e;
		return { field: e.field, reason: e.reason, params: e.params };
	}
}
const INVALID = { field: 'email', reason: 'invalid', params: {} };

async function withAccount(disabled = false) {
	const db = testDb();
	db.insert(user)
		.values({
			email: 'ann@council.example',
			name: 'Ann',
			role: 'commissioner',
			passwordHash: await hashPassword('correct horse battery'),
			disabled,
			createdAt: T0
		})
		.run();
	return db;
}

describe('signIn', () => {
	it('accepts the right password and makes a session', async () => {
		const db = await withAccount();
		const result = await signIn(
			db,
			{ email: 'ANN@council.example', password: 'correct horse battery', ip: '1' },
			T0
		);
		expect(result.user.email).toBe('ann@council.example');
		expect(validateSessionToken(db, result.token, T0).user?.id).toBe(result.user.id);
	});

	it.each([
		{ name: 'a wrong password', email: 'ann@council.example', password: 'wrong horse battery' },
		{ name: 'an unknown email', email: 'bob@council.example', password: 'correct horse battery' }
	])('refuses $name with the same answer', async ({ email, password }) => {
		const db = await withAccount();
		expect(await outcome(signIn(db, { email, password, ip: '1' }, T0))).toEqual(INVALID);
		expect(db.select().from(session).all()).toEqual([]);
	});

	it('refuses a disabled account even with the right password', async () => {
		const db = await withAccount(true);
		const result = signIn(
			db,
			{ email: 'ann@council.example', password: 'correct horse battery', ip: '1' },
			T0
		);
		expect(await outcome(result)).toEqual(INVALID);
	});

	it("forgets an account's failed tries once it signs in", async () => {
		const db = await withAccount();
		const ann = (password: string) =>
			outcome(signIn(db, { email: 'ann@council.example', password, ip: 'office' }, T0));
		// One short of the limit, then the right password (which takes the last try too).
		for (let i = 1; i < ACCOUNT_BUCKET.capacity; i++)
			expect(await ann(`mistyped ${i}`)).toEqual(INVALID);
		expect(await ann('correct horse battery')).toBe('signed in');
		// A fresh set of tries: the account limit does not count the failures before it.
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			expect(await ann(`mistyped again ${i}`)).toEqual(INVALID);
		expect(await ann('correct horse battery')).toMatchObject({ field: '_', reason: 'rate' });
	});

	it('counts every refused sign-in: wrong passwords lock the account, then the address', async () => {
		const db = await withAccount();
		const attempt = (email: string, password: string, ip: string) =>
			outcome(signIn(db, { email, password, ip }, T0));
		// The account: its wrong passwords are counted although each attempt is refused.
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			expect(await attempt('ann@council.example', `wrong ${i}`, 'office')).toEqual(INVALID);
		expect(db.select().from(rateLimit).all()).toContainEqual(
			expect.objectContaining({ key: 'signin:account:ann@council.example', tokens: 0 })
		);
		expect(await attempt('ann@council.example', 'correct horse battery', 'office')).toEqual({
			field: '_',
			reason: 'rate',
			params: { seconds: 60 }
		});
		// The address: wrong guesses at many accounts, each refused and counted, lock it too.
		const spent = ACCOUNT_BUCKET.capacity + 1;
		for (let i = spent; i < IP_BUCKET.capacity; i++)
			expect(await attempt(`nobody-${i}@council.example`, 'guess', 'office')).toEqual(INVALID);
		expect(await attempt('bob@council.example', 'guess', 'office')).toEqual({
			field: '_',
			reason: 'rate',
			params: { seconds: 20 }
		});
		expect(db.select().from(session).all()).toEqual([]);
	});

	/**
	 * Ann signs in from her own browser; then guesses from many addresses lock her account at
	 * `when`. `owner` signs in again from her browser (with its device cookie) at `when`.
	 */
	async function deviceThenLockedOut(when: Date) {
		const db = await withAccount();
		const first = await signIn(
			db,
			{ email: 'ann@council.example', password: 'correct horse battery', ip: 'owner' },
			T0
		);
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			await outcome(
				signIn(
					db,
					{ email: 'ann@council.example', password: `guess ${i} is wrong`, ip: `attacker-${i}` },
					when
				)
			);
		const owner = () =>
			outcome(
				signIn(
					db,
					{
						email: 'ann@council.example',
						password: 'correct horse battery',
						ip: 'owner',
						deviceCookie: first.deviceCookie
					},
					when
				)
			);
		return { db, first, owner };
	}

	it('limits guesses at one account from many addresses, but not its owner on a known device', async () => {
		const { db, owner } = await deviceThenLockedOut(T0);
		const blocked = signIn(
			db,
			{ email: 'ann@council.example', password: 'correct horse battery', ip: 'elsewhere' },
			T0
		);
		expect(await outcome(blocked)).toMatchObject({ reason: 'rate' });
		expect(await owner()).toBe('signed in');
	});

	it('does not accept a forged device cookie', async () => {
		const db = await withAccount();
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			await outcome(
				signIn(db, { email: 'ann@council.example', password: 'wrong password', ip: 'x' }, T0)
			);
		const forged = signIn(
			db,
			{
				email: 'ann@council.example',
				password: 'correct horse battery',
				ip: 'x',
				deviceCookie: '1.abc.def'
			},
			T0
		);
		expect(await outcome(forged)).toMatchObject({ reason: 'rate' });
	});

	it('stops trusting a device cookie once it is older than its maximum age', async () => {
		const justInTime = await deviceThenLockedOut(new Date(T0.getTime() + DEVICE_MAX_AGE_MS - 1));
		expect(await justInTime.owner()).toBe('signed in');
		const late = await deviceThenLockedOut(new Date(T0.getTime() + DEVICE_MAX_AGE_MS));
		expect(await late.owner()).toMatchObject({ reason: 'rate' });
	});

	it('ends the other sessions and device cookies of an account whose password changes', async () => {
		const later = new Date(T0.getTime() + 60_000);
		const { db, first, owner } = await deviceThenLockedOut(later);
		const admin = staffUser(db, 'admin');
		// Ann changes her own password in the session she is using.
		const here = createSession(db, first.user.id, T0);
		accounts.setPassword(
			db,
			{ id: admin.id, email: admin.email },
			first.user.id,
			await hashPassword('a brand new passphrase'),
			later,
			here.session.id
		);
		expect(validateSessionToken(db, first.token, later).session).toBeNull();
		expect(validateSessionToken(db, here.token, later).session).not.toBeNull();
		expect(await owner()).toMatchObject({ reason: 'rate' });
		// A device cookie issued after the change is trusted again.
		const fresh = makeDeviceCookie(db, first.user.id, later);
		const account = db.select().from(user).where(eq(user.id, first.user.id)).get()!;
		expect(deviceCookieValid(db, fresh, account, later)).toBe(true);
		expect(deviceCookieValid(db, first.deviceCookie, account, later)).toBe(false);
	});
});
