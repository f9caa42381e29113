import { json, type RequestEvent } from '@sveltejs/kit';
import { authenticate } from './api-tokens';
import type { DB } from './db/open';

/**
 * Runs an API handler behind a token: 401 without a valid one, 429 with Retry-After when the
 * token is over its limit. Responses are never cached by shared caches.
 */
export function withToken(db: DB, event: RequestEvent, handler: () => unknown): Response {
	// A handler may answer with its own Response (a 404, say) after the token is checked.
	const access = authenticate(db, event.request.headers.get('authorization'));
	if (!access.allowed && access.status === 401)
		return json(
			{ error: access.message },
			{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }
		);
	if (!access.allowed)
		return json(
			{ error: 'Too many requests' },
			{ status: 429, headers: { 'Retry-After': String(access.retryAfterSeconds) } }
		);
	const body = handler();
	if (body instanceof Response) return body;
	return json(body, { headers: { 'Cache-Control': 'private, no-store' } });
}
