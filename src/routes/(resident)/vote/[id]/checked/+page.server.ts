import { error, fail, redirect } from '@sveltejs/kit';
import { KioskPinSchema } from '$lib/vote/schemas';
import { parseForm } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import * as kiosks from '$lib/server/budget/kiosks';
import { isRefusal, type RefusalParams } from '$lib/server/command-refusal';
import { refused } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';
import { requireVoting, votingContext, type VotingEvent } from '../voting.server';

/** The words for a check refused, in the resident's language. */
const SAY: Record<kiosks.KioskReason, (p: RefusalParams) => string> = {
	wrongPin: () => m.err_vote_kiosk_pin_wrong(),
	locked: () => m.err_vote_kiosk_pin_locked(),
	notForUsers: () => m.err_vote_kiosk_pin_locked()
};

/** Only a running kiosk for checked users of a service, while the vote takes ballots. */
function usersKiosk(event: VotingEvent) {
	const ctx = votingContext(event, false, false);
	requireVoting(ctx);
	if (!ctx.kioskId || !ctx.kioskUsers) error(404, 'Not found');
	return { ...ctx, kioskId: ctx.kioskId, kioskUsers: ctx.kioskUsers };
}

export const load: PageServerLoad = (event) => {
	const ctx = usersKiosk(event);
	return { serviceId: ctx.kioskUsers };
};

export const actions: Actions = {
	/**
	 * A member of staff confirms, with the kiosk's PIN, that the next voter uses the service; the
	 * ballot starts afresh for them. Nothing else is written by a wrong PIN but its count.
	 */
	default: async (event) => {
		const ctx = usersKiosk(event);
		const parsed = parseForm(KioskPinSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		try {
			kiosks.checkUser(ctx.db, ctx.kioskId, parsed.data.pin);
		} catch (e) {
			if (isRefusal(e, 'wrongPin')) return refused(e, {}, { say: SAY });
			// Locked, or no longer a kiosk for checked users: staff start a new one (403).
			if (isRefusal(e, 'locked') || isRefusal(e, 'notForUsers'))
				return fail(403, { errors: { pin: SAY[e.reason as kiosks.KioskReason](e.params) } });
			throw e;
		}
		redirect(303, localizeHref(`/vote/${ctx.vote.id}/ballot`));
	}
};
