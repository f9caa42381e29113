import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { KioskFormSchema } from '$lib/budget/vote-schemas';
import { parseForm, type FieldErrors, type FormValues } from '$lib/forms/parse';
import * as kiosks from '$lib/server/budget/kiosks';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { deleteSessionCookie, invalidateSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	kiosks: kiosks.listKiosks(getDb(), Number(params.id))
});

export const actions: Actions = {
	/**
	 * Turns this device into a kiosk for the vote. The staff session on it ends first: a shared
	 * screen must never leave a resident one click from the staff pages.
	 */
	start: async ({ request, locals, params, cookies, url }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(KioskFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const db = getDb();
		const { token } = kiosks.startKiosk(db, actorOf(user), Number(params.id), parsed.data.label);
		const secure = url.protocol === 'https:';
		if (locals.session) invalidateSession(db, locals.session.id);
		deleteSessionCookie(cookies, secure);
		cookies.set(kiosks.KIOSK_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'strict',
			secure,
			maxAge: kiosks.KIOSK_COOKIE_MAX_AGE
		});
		redirect(303, `/vote/${params.id}`);
	},
	end: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(
			z.object({ kioskId: z.coerce.number().int().min(1) }),
			await request.formData()
		);
		if (!parsed.ok)
			return fail(400, {
				values: {} as FormValues,
				errors: { _: 'Choose a kiosk' } as FieldErrors
			});
		kiosks.endKiosk(getDb(), actorOf(user), Number(params.id), parsed.data.kioskId);
		redirect(303, `/staff/votes/${params.id}/kiosk`);
	}
};
