import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { KioskFormSchema } from '$lib/vote/schemas';
import { servicesOf } from '$lib/vote/ballot';
import { parseForm, type FieldErrors, type FormValues } from '$lib/forms/parse';
import * as kiosks from '$lib/server/budget/kiosks';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { deleteSessionCookie, invalidateSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const services = servicesOf(votes.listProposals(db, Number(params.id))).map((p) => ({
		id: p.serviceId,
		name: p.serviceName
	}));
	return { kiosks: kiosks.listKiosks(db, Number(params.id)), services };
};

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
		const { label, usersServiceId, pin } = parsed.data;
		let token: string;
		try {
			({ token } = kiosks.startKiosk(
				db,
				actorOf(user),
				Number(params.id),
				label,
				new Date(),
				usersServiceId && pin ? { serviceId: usersServiceId, pin } : undefined
			));
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
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
