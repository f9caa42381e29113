import { error } from '@sveltejs/kit';
import type { Actor } from './audit';
import type { Role, SessionUser } from './session';

/** Route ids only admins may reach (checked in hooks, for pages and actions alike). */
export const ADMIN_ROUTES = [
	'/(staff)/staff/accounts',
	'/(staff)/staff/audit',
	'/(staff)/staff/api-tokens'
];

/**
 * Councillors read across engagements but change nothing, except that they may ask scrutiny
 * questions and comment on a decision record (and sign out). Their other posts are refused by
 * the guard before any action runs, whatever the action itself checks.
 */
export const COUNCILLOR_WRITE_ROUTES = [
	'/(staff)/staff/engagements/[id]/decision/scrutiny',
	'/(staff)/staff/sign-out'
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether this request is a change a councillor may not make. */
export function councillorRefused(role: Role, routeId: string | null, method: string): boolean {
	if (role !== 'councillor' || READS.has(method)) return false;
	return !COUNCILLOR_WRITE_ROUTES.includes(routeId ?? '');
}

export function isStaffRoute(routeId: string | null): boolean {
	return !!routeId && routeId.startsWith('/(staff)/');
}

export function isAdminRoute(routeId: string | null): boolean {
	return !!routeId && ADMIN_ROUTES.some((r) => routeId === r || routeId.startsWith(r + '/'));
}

/** What the one guard decides for a request: let it through, send it to sign in, or refuse it. */
export type GuardVerdict =
	{ ok: true } | { redirect: string } | { status: number; message: string };

/**
 * Staff pages, actions and endpoints need a signed-in user (a page sends them to sign in and
 * back; anything else is refused), and admin pages an admin. Checked once, in hooks, for pages
 * and actions alike (a layout load would not cover actions).
 */
export function guardRequest(
	routeId: string | null,
	user: SessionUser | null,
	method: string,
	url: URL
): GuardVerdict {
	if (!isStaffRoute(routeId)) return { ok: true };
	if (!user) {
		if (method === 'GET')
			return { redirect: `/staff/sign-in?next=${encodeURIComponent(url.pathname + url.search)}` };
		return { status: 401, message: 'Sign in to continue' };
	}
	if (isAdminRoute(routeId) && user.role !== 'admin')
		return { status: 403, message: 'Only admins can see this page' };
	if (councillorRefused(user.role, routeId, method))
		return {
			status: 403,
			message:
				'Councillors can read these pages and ask scrutiny questions; they cannot change them'
		};
	return { ok: true };
}

/** Pages of the staff area, signed in or not (the sign-in page too): never kept in a cache. */
export function isStaffArea(routeId: string | null): boolean {
	return !!routeId && routeId.startsWith('/(staff');
}

/** The signed-in user with one of `roles`, or a 403. Staff routes are already signed-in only. */
export function requireRole(locals: App.Locals, ...roles: Role[]): SessionUser {
	const user = locals.user;
	if (!user) error(401, 'Sign in to continue');
	if (roles.length && !roles.includes(user.role)) error(403, 'Your role does not allow this');
	return user;
}

export function actorOf(user: SessionUser): Actor {
	return { id: user.id, email: user.email };
}
