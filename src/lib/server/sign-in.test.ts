import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { staffUser, testDb } from '../test/db';
import * as accounts from './accounts';
import { user } from './db/schema';
import { hashPassword } from './password';
import { createSession, validateSessionToken } from './session';
import {
	ACCOUNT_BUCKET,
	DEVICE_MAX_AGE_MS,
	deviceCookieValid,
	makeDeviceCookie,
	signIn
} from './sign-in';

const T0 = new Date('2026-11-01T09:00:00Z');

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
		expect(result.ok).toBe(true);
	});

	it.each([
		{ name: 'a wrong password', email: 'ann@council.example', password: 'wrong horse battery' },
		{ name: 'an unknown email', email: 'bob@council.example', password: 'correct horse battery' }
	])('refuses $name with the same answer', async ({ email, password }) => {
		const db = await withAccount();
		expect(await signIn(db, { email, password, ip: '1' }, T0)).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});

	it('refuses a disabled account even with the right password', async () => {
		const db = await withAccount(true);
		const result = await signIn(
			db,
			{ email: 'ann@council.example', password: 'correct horse battery', ip: '1' },
			T0
		);
		expect(result).toEqual({ ok: false, reason: 'invalid' });
	});

	it("forgets an account's failed tries once it signs in", async () => {
		const db = await withAccount();
		const ann = (password: string) =>
			signIn(db, { email: 'ann@council.example', password, ip: 'office' }, T0);
		// One short of the limit, then the right password (which takes the last try too).
		for (let i = 1; i < ACCOUNT_BUCKET.capacity; i++)
			expect(await ann(`mistyped ${i}`)).toEqual({ ok: false, reason: 'invalid' });
		expect((await ann('correct horse battery')).ok).toBe(true);
		// A fresh set of tries: the account limit does not count the failures before it.
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			expect(await ann(`mistyped again ${i}`)).toEqual({ ok: false, reason: 'invalid' });
		expect(await ann('correct horse battery')).toMatchObject({ ok: false, reason: 'rate' });
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
		if (!first.ok) throw new Error('owner could not sign in');
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			await signIn(
				db,
				{ email: 'ann@council.example', password: `guess ${i} is wrong`, ip: `attacker-${i}` },
				when
			);
		const owner = () =>
			signIn(
				db,
				{
					email: 'ann@council.example',
					password: 'correct horse battery',
					ip: 'owner',
					deviceCookie: first.deviceCookie
				},
				when
			);
		return { db, first, owner };
	}

	it('limits guesses at one account from many addresses, but not its owner on a known device', async () => {
		const { db, owner } = await deviceThenLockedOut(T0);
		const blocked = await signIn(
			db,
			{ email: 'ann@council.example', password: 'correct horse battery', ip: 'elsewhere' },
			T0
		);
		expect(blocked).toMatchObject({ ok: false, reason: 'rate' });
		expect((await owner()).ok).toBe(true);
	});

	it('does not accept a forged device cookie', async () => {
		const db = await withAccount();
		for (let i = 0; i < ACCOUNT_BUCKET.capacity; i++)
			await signIn(db, { email: 'ann@council.example', password: 'wrong password', ip: 'x' }, T0);
		const forged = await signIn(
			db,
			{
				email: 'ann@council.example',
				password: 'correct horse battery',
				ip: 'x',
				deviceCookie: '1.abc.def'
			},
			T0
		);
		expect(forged).toMatchObject({ ok: false, reason: 'rate' });
	});

	it('stops trusting a device cookie once it is older than its maximum age', async () => {
		const justInTime = await deviceThenLockedOut(new Date(T0.getTime() + DEVICE_MAX_AGE_MS - 1));
		expect((await justInTime.owner()).ok).toBe(true);
		const late = await deviceThenLockedOut(new Date(T0.getTime() + DEVICE_MAX_AGE_MS));
		expect(await late.owner()).toMatchObject({ ok: false, reason: 'rate' });
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
		expect(await owner()).toMatchObject({ ok: false, reason: 'rate' });
		// A device cookie issued after the change is trusted again.
		const fresh = makeDeviceCookie(db, first.user.id, later);
		const account = db.select().from(user).where(eq(user.id, first.user.id)).get()!;
		expect(deviceCookieValid(db, fresh, account, later)).toBe(true);
		expect(deviceCookieValid(db, first.deviceCookie, account, later)).toBe(false);
	});
});
