import type { Cookies } from '@sveltejs/kit';
import { and, eq, ne } from 'drizzle-orm';
import type { DB } from './db/open';
import { session, user } from './db/schema';
import { generateToken, hashToken } from './tokens';

export const SESSION_COOKIE = 'cc_session';
/** A session lapses after this long without use... */
export const IDLE_MS = 2 * 60 * 60 * 1000;
/** ...and ends this long after sign-in, however busy (the absolute cap). */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export type Role = 'admin' | 'commissioner' | 'facilitator' | 'councillor';
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
}
export interface Session {
	id: string;
	userId: number;
	createdAt: Date;
	expiresAt: Date;
}

export function createSession(
	db: DB,
	userId: number,
	now = new Date()
): { token: string; session: Session } {
	const token = generateToken();
	const row: Session = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: new Date(Math.min(now.getTime() + IDLE_MS, now.getTime() + ABSOLUTE_MS))
	};
	db.insert(session).values(row).run();
	return { token, session: row };
}

/**
 * Looks a token up, ends it if it has lapsed or its account is disabled, and slides the idle
 * expiry forward (never past the absolute cap) when it is more than half used.
 */
export function validateSessionToken(
	db: DB,
	token: string,
	now = new Date()
): { session: Session; user: SessionUser } | { session: null; user: null } {
	const id = hashToken(token);
	const row = db
		.select({ session, user })
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.where(eq(session.id, id))
		.get();
	if (!row) return { session: null, user: null };
	const s = row.session;
	const cap = s.createdAt.getTime() + ABSOLUTE_MS;
	if (now.getTime() >= s.expiresAt.getTime() || now.getTime() >= cap || row.user.disabled) {
		db.delete(session).where(eq(session.id, id)).run();
		return { session: null, user: null };
	}
	if (s.expiresAt.getTime() - now.getTime() < IDLE_MS / 2) {
		s.expiresAt = new Date(Math.min(now.getTime() + IDLE_MS, cap));
		db.update(session).set({ expiresAt: s.expiresAt }).where(eq(session.id, id)).run();
	}
	const { id: userId, email, name, role } = row.user;
	return { session: s, user: { id: userId, email, name, role } };
}

export function invalidateSession(db: DB, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of an account, except `keep` (a session id) if given. */
export function invalidateUserSessions(db: DB, userId: number, keep?: string): void {
	db.delete(session)
		.where(and(eq(session.userId, userId), keep === undefined ? undefined : ne(session.id, keep)))
		.run();
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** The Set-Cookie header that deletes the session cookie, for a response built by hand. */
export function expiredSessionCookie(cookies: Cookies, secure: boolean): string {
	return cookies.serialize(SESSION_COOKIE, '', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 0
	});
}
