import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { RoundFormSchema } from '$lib/budget/vote-schemas';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import * as rounds from '$lib/server/budget/rounds';
import { VoteError } from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	rounds: rounds.listRounds(getDb(), Number(params.id))
});

const RoundRef = z.object({ roundId: z.coerce.number().int().min(1) });

export const actions: Actions = {
	open: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(RoundFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		let code: string;
		try {
			code = rounds.openRound(getDb(), actorOf(user), Number(params.id), parsed.data.title).code;
		} catch (e) {
			if (e instanceof VoteError)
				return fail(400, { values: parsed.values, errors: { _: e.message } as FieldErrors });
			throw e;
		}
		redirect(303, `/staff/votes/${params.id}/room?opened=${code}`);
	},
	close: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(RoundRef, await request.formData());
		if (!parsed.ok) return fail(400, { errors: { _: 'Choose a round' } as FieldErrors });
		rounds.closeRound(getDb(), actorOf(user), Number(params.id), parsed.data.roundId);
		redirect(303, `/staff/votes/${params.id}/room`);
	},
	reveal: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(RoundRef, await request.formData());
		if (!parsed.ok) return fail(400, { errors: { _: 'Choose a round' } as FieldErrors });
		rounds.revealRound(getDb(), actorOf(user), Number(params.id), parsed.data.roundId);
		redirect(303, `/staff/votes/${params.id}/room`);
	}
};
