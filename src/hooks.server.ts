import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	expiredSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/session';
import { councilName } from '$lib/server/settings';
import { guardRequest, isStaffArea } from '$lib/server/guard';
import { refuse } from '$lib/server/refusal';
import { crossSiteMessage, formProblem, sameOrigin } from '$lib/server/request-checks';
import * as housekeeping from '$lib/server/housekeeping';
import * as retention from '$lib/server/retention';
import { seedIfEmpty } from '$lib/server/seed';

/**
 * Opens the database (applying migrations), seeds the demo council before the first request,
 * and sweeps now and every hour: lapsed sessions and stale rate-limit rows, and sensitive survey
 * answers past the date residents were told (retention.ts).
 */
export const init: ServerInit = async () => {
	const db = getDb();
	if (config.seedDemo()) await seedIfEmpty(db, { log: true });
	const sweep = () => {
		housekeeping.sweep(getDb());
		retention.sweepSurveys(getDb(), { id: null, email: 'retention' });
	};
	sweep();
	setInterval(sweep, housekeeping.SWEEP_EVERY_MS).unref();
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

/** Headers that browsers honour, on every response: pages, redirects, refusals, files. */
function secure(response: Response, event: RequestEvent): Response {
	let out = response;
	try {
		out.headers.set('X-Content-Type-Options', 'nosniff');
	} catch {
		// Headers of a Response.redirect() or a fetched response cannot change: copy them.
		out = new Response(response.body, response);
	}
	const h = out.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('X-Frame-Options', 'DENY');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:')
		h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Staff pages show personal data and change with every action: never from a cache.
	if (isStaffArea(event.route.id)) h.set('Cache-Control', 'no-store');
	return out;
}

/**
 * Every state-changing request, form or not, must come from our own pages (svelte.config.js
 * leaves this check to us, so a refusal is a page that says what to do), and a form must be
 * readable before an action sees it: a body that cannot be parsed is a 400, never a 500.
 */
const security: Handle = async ({ event, resolve }) => {
	if (UNSAFE.has(event.request.method)) {
		const origin = event.request.headers.get('origin');
		if (!sameOrigin(origin, event.url.origin))
			return secure(refuse(event, 403, crossSiteMessage(origin, event.url.origin)), event);
		// Every route that takes posts is a page with form actions.
		if (event.route.id) {
			const problem = await formProblem(event.request);
			if (problem) return secure(refuse(event, problem.status, problem.message), event);
		}
	}
	return secure(await resolve(event), event);
};

const auth: Handle = async ({ event, resolve }) => {
	const db = getDb();
	event.locals.councilName = councilName(db, config.councilName());
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	const https = event.url.protocol === 'https:';
	let stale = false;
	if (token) {
		const { session, user } = validateSessionToken(db, token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, https);
			event.locals.user = user;
			event.locals.session = session;
		} else stale = true;
	}
	const verdict = guardRequest(event.route.id, event.locals.user, event.request.method, event.url);
	if ('ok' in verdict) {
		if (stale) deleteSessionCookie(event.cookies, https);
		return resolve(event);
	}
	// Answered here rather than thrown, so that the security hook's headers go on it too.
	const response =
		'redirect' in verdict
			? new Response(null, { status: 303, headers: { Location: verdict.redirect } })
			: refuse(event, verdict.status, verdict.message);
	if (stale) response.headers.append('Set-Cookie', expiredSessionCookie(event.cookies, https));
	return response;
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
