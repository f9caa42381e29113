import { fail, redirect } from '@sveltejs/kit';
import { SignInSchema } from '$lib/accounts/schemas';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import * as audit from '$lib/server/audit';
import { isRefusal } from '$lib/server/command-refusal';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { refused } from '$lib/server/refusal';
import { setSessionCookie } from '$lib/server/session';
import { DEVICE_COOKIE, setDeviceCookie, signIn, type SignedIn } from '$lib/server/sign-in';
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
		let result: SignedIn;
		try {
			result = await signIn(db, {
				email: parsed.data.email,
				password: parsed.data.password,
				ip: getClientAddress(),
				deviceCookie: cookies.get(DEVICE_COOKIE)
			});
		} catch (e) {
			if (!isRefusal(e, 'rate')) return refused(e, { values });
			setHeaders({ 'Retry-After': String(e.params.seconds) });
			return fail(429, { values, errors: { [e.field]: e.message } as FieldErrors });
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
