import { error } from '@sveltejs/kit';
import type { Actor } from './audit';
import type { Role, SessionUser } from './session';

/** Route ids only admins may reach (checked in hooks, for pages and actions alike). */
export const ADMIN_ROUTES = [
	'/(staff)/staff/accounts',
	'/(staff)/staff/audit',
	'/(staff)/staff/api-tokens'
];

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
