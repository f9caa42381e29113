import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import * as rounds from '$lib/server/budget/rounds';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import { consume } from '$lib/server/rate-limit';
import type { Actions, PageServerLoad } from './$types';

const RoomCodeSchema = z.object({
	room: z
		.string({ error: 'err_vote_room_required' })
		.max(32, { error: 'err_vote_room_unknown' })
		.transform(rounds.normaliseRoomCode)
		.refine((c) => c.length > 0, { error: 'err_vote_room_required' })
});

/** The QR code on the projector links here with the code filled in. */
export const load: PageServerLoad = ({ url }) => ({
	prefill: (url.searchParams.get('c') ?? '').slice(0, 32)
});

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const db = getDb();
		const verdict = consume(db, `room:ip:${getClientAddress()}`, codes.CODE_ENTRY_BUCKET);
		if (!verdict.ok) {
			setHeaders({ 'Retry-After': String(verdict.retryAfterSeconds) });
			return fail(429, {
				values: {} as Record<string, string>,
				errors: { room: 'err_rate_limited' } as FieldErrors,
				retryMinutes: Math.ceil(verdict.retryAfterSeconds / 60)
			});
		}
		const parsed = parseForm(RoomCodeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const round = rounds.findRound(db, parsed.data.room);
		if (!round || round.status !== 'open')
			return fail(400, {
				values: parsed.values,
				errors: { room: 'err_vote_room_unknown' } as FieldErrors
			});
		const secure = url.protocol === 'https:';
		codes.participantFor(db, cookies, secure, true);
		cookies.set(rounds.ROOM_COOKIE, round.code, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure,
			maxAge: rounds.ROOM_COOKIE_MAX_AGE
		});
		redirect(303, localizeHref(`/vote/${round.voteId}/ballot`));
	}
};
