import { asc, eq } from 'drizzle-orm';
import * as audit from './audit';
import { write, type DB } from './db/open';
import { user } from './db/schema';
import { Refusal } from './command-refusal';
import type { Role } from './session';
import { invalidateUserSessions } from './session';

export function listAccounts(db: DB) {
	return db
		.select({
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			disabled: user.disabled,
			createdAt: user.createdAt
		})
		.from(user)
		.orderBy(asc(user.email))
		.all();
}

export function getAccountByEmail(db: DB, email: string) {
	return db.select().from(user).where(eq(user.email, email.toLowerCase())).get();
}

/** Creates a staff account. The password must already be hashed (argon2 is async; transactions are not). */
export function createAccount(
	db: DB,
	actor: audit.Actor,
	input: { email: string; name: string; role: Role; passwordHash: string },
	now = new Date()
): number {
	return write(db, (tx) => {
		if (tx.select({ id: user.id }).from(user).where(eq(user.email, input.email)).get())
			throw new Refusal('email', 'An account with this email address already exists');
		const row = tx
			.insert(user)
			.values({ ...input, email: input.email.toLowerCase(), createdAt: now })
			.returning({ id: user.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'account.create',
				entityType: 'account',
				entityId: row.id,
				after: { email: input.email, name: input.name, role: input.role }
			},
			now
		);
		return row.id;
	});
}

/**
 * Changes an account's role or disables it. Disabling ends every session at once. An admin
 * cannot disable or demote themselves, so a council is never left without an admin by mistake.
 */
export function updateAccount(
	db: DB,
	actor: audit.Actor,
	id: number,
	input: { role: Role; disabled: boolean },
	now = new Date()
): void {
	write(db, (tx) => {
		const before = tx.select().from(user).where(eq(user.id, id)).get();
		if (!before) throw new Refusal('id', 'That account no longer exists');
		if (actor.id === id && (input.disabled || input.role !== 'admin'))
			throw new Refusal(
				'role',
				'You cannot disable your own account or remove your own admin role'
			);
		tx.update(user).set(input).where(eq(user.id, id)).run();
		if (input.disabled) invalidateUserSessions(tx, id);
		audit.record(
			tx,
			actor,
			{
				action: input.disabled && !before.disabled ? 'account.disable' : 'account.update',
				entityType: 'account',
				entityId: id,
				before: { role: before.role, disabled: before.disabled },
				after: input
			},
			now
		);
	});
}

/**
 * Sets an account's password. Whoever knew the old one is signed out: every session of the
 * account ends except `keepSession` (the admin's own, when they change their own password), and
 * every device cookie issued before now stops exempting its browser from the sign-in limit.
 */
export function setPassword(
	db: DB,
	actor: audit.Actor,
	id: number,
	passwordHash: string,
	now = new Date(),
	keepSession?: string
): void {
	write(db, (tx) => {
		tx.update(user).set({ passwordHash, passwordChangedAt: now }).where(eq(user.id, id)).run();
		invalidateUserSessions(tx, id, keepSession);
		audit.record(
			tx,
			actor,
			{ action: 'account.password', entityType: 'account', entityId: id },
			now
		);
	});
}
