import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/session';
import { councilName } from '$lib/server/settings';
import { councillorRefused, isAdminRoute, isStaffRoute } from '$lib/server/guard';
import { seedIfEmpty } from '$lib/server/seed';

/** Opens the database (applying migrations) and seeds the demo council before the first request. */
export const init: ServerInit = async () => {
	const db = getDb();
	if (env.SEED_DEMO !== 'false') await seedIfEmpty(db, { log: true });
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Kit checks the origin of form posts only. Every state-changing request, JSON included, must
 * come from our own pages; headers that browsers honour go on every response.
 */
const security: Handle = async ({ event, resolve }) => {
	if (UNSAFE.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		if (origin !== event.url.origin) error(403, 'Cross-site requests are not allowed');
	}
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:')
		h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	return response;
};

const auth: Handle = async ({ event, resolve }) => {
	const db = getDb();
	event.locals.councilName = councilName(db, env.COUNCIL_NAME);
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const { session, user } = validateSessionToken(db, token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	// One guard for every staff page, action and endpoint (a layout load would not cover actions).
	if (isStaffRoute(event.route.id)) {
		if (!event.locals.user) {
			if (event.request.method === 'GET')
				redirect(
					303,
					`/staff/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`
				);
			error(401, 'Sign in to continue');
		}
		if (isAdminRoute(event.route.id) && event.locals.user.role !== 'admin')
			error(403, 'Only admins can see this page');
		if (councillorRefused(event.locals.user.role, event.route.id, event.request.method))
			error(
				403,
				'Councillors can read these pages and ask scrutiny questions; they cannot change them'
			);
	}
	return resolve(event);
};

export const handle = sequence(security, i18n, auth);

export const handleError: HandleServerError = ({ error: e, status, message }) => {
	const reference = crypto.randomUUID().slice(0, 8);
	if (status >= 500) console.error(`[${reference}]`, e);
	return {
		message: status >= 500 ? 'Sorry, something went wrong on our side.' : message,
		reference: status >= 500 ? reference : undefined
	};
};
