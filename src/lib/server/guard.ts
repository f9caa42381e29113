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
 * questions and comment on a decision record (and sign out). Their other posts are refused in
 * hooks before any action runs, whatever the action itself checks.
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
