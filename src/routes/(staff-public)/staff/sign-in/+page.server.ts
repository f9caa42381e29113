import { fail, redirect } from '@sveltejs/kit';
import { SignInSchema } from '$lib/accounts/schemas';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import * as audit from '$lib/server/audit';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { setSessionCookie } from '$lib/server/session';
import { DEVICE_COOKIE, setDeviceCookie, signIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: never send someone signing in to another site. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/staff') && !next.startsWith('//') ? next : '/staff';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { demo: config.seedDemo() };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const db = getDb();
		const parsed = parseForm(SignInSchema, await request.formData());
		const values = { email: parsed.values.email };
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const result = await signIn(db, {
			email: parsed.data.email,
			password: parsed.data.password,
			ip: getClientAddress(),
			deviceCookie: cookies.get(DEVICE_COOKIE)
		});
		if (!result.ok && result.reason === 'rate') {
			setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, {
				values,
				errors: {
					_: `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
				} as FieldErrors
			});
		}
		if (!result.ok) {
			return fail(400, {
				values,
				errors: { email: 'Enter a correct email address and password' } as FieldErrors
			});
		}
		const secure = url.protocol === 'https:';
		setSessionCookie(cookies, result.token, result.session.expiresAt, secure);
		setDeviceCookie(cookies, result.deviceCookie, secure);
		audit.record(
			db,
			{ id: result.user.id, email: result.user.email },
			{ action: 'session.sign-in', entityType: 'account', entityId: result.user.id }
		);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
