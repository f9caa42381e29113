import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import * as rounds from '$lib/server/budget/rounds';
import { isRefusal, type RefusalParams } from '$lib/server/command-refusal';
import { refused } from '$lib/server/refusal';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const RoomCodeSchema = z.object({
	room: z
		.string({ error: 'err_vote_room_required' })
		.max(32, { error: 'err_vote_room_unknown' })
		.transform(rounds.normaliseRoomCode)
		.refine((c) => c.length > 0, { error: 'err_vote_room_required' })
});

/** The words for a room code refused, in the resident's language. */
const SAY: Record<rounds.RoundReason, (p: RefusalParams) => string> = {
	unknown: () => m.err_vote_room_unknown(),
	rate: (p) => m.err_rate_limited({ minutes: Math.ceil(Number(p.seconds) / 60) }),
	notFound: () => m.err_vote_room_unknown()
};

/** The QR code on the projector links here with the code filled in. */
export const load: PageServerLoad = ({ url }) => ({
	prefill: (url.searchParams.get('c') ?? '').slice(0, 32)
});

export const actions: Actions = {
	/**
	 * Joins the round whose code was typed: the phone gets a pass for this round and this browser
	 * (never the code itself), then votes under the vote's own eligibility (ballots.ts).
	 */
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const db = getDb();
		const parsed = parseForm(RoomCodeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let round: rounds.Round | undefined;
		try {
			round = rounds.lookUpCode(db, parsed.data.room, getClientAddress());
		} catch (e) {
			// Too many wrong codes: 429, with the wait (the page says it in minutes).
			if (!isRefusal(e, 'rate')) return refused(e, { values: parsed.values }, { say: SAY });
			const seconds = Number(e.params.seconds);
			setHeaders({ 'Retry-After': String(seconds) });
			return fail(429, {
				values: {} as Record<string, string>,
				errors: { room: 'err_rate_limited' } as FieldErrors,
				retryMinutes: Math.ceil(seconds / 60)
			});
		}
		if (round.status !== 'open' || round.voidedAt)
			return fail(400, {
				values: parsed.values,
				errors: { room: 'err_vote_room_unknown' } as FieldErrors
			});
		const secure = url.protocol === 'https:';
		const participant = codes.participantFor(db, cookies, secure, true)!;
		// Lasts the meeting: a browser session, or twelve hours at most.
		cookies.set(rounds.ROOM_COOKIE, rounds.passFor(db, round.id, participant.id), {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure,
			maxAge: rounds.ROOM_COOKIE_MAX_AGE
		});
		redirect(303, localizeHref(`/vote/${round.voteId}/ballot`));
	}
};
