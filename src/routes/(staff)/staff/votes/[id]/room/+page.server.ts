import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import {
	AttendanceSchema,
	OpenRoundSchema,
	RoundRefSchema,
	VoidRoundSchema
} from '$lib/vote/rooms';
import * as rounds from '$lib/server/budget/rounds';
import { listProposals } from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { isRefusal } from '$lib/server/command-refusal';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ params }) => {
	const proposals = listProposals(getDb(), Number(params.id));
	const services = [...new Map(proposals.map((p) => [p.serviceId, p.serviceName]))];
	return {
		rounds: rounds.listRounds(getDb(), Number(params.id)),
		services: services.map(([id, name]) => ({ id, name }))
	};
};

/**
 * One round action: parse the form, run the change, and answer. A round of another vote is a
 * 404 (nothing changes); a change the vote's state does not allow is the form's error.
 */
function roundAction<S extends z.ZodType>(
	action: string,
	schema: S,
	change: (event: RequestEvent, data: z.output<S>) => string | void
) {
	return async (event: RequestEvent) => {
		requireRole(event.locals, 'admin', 'commissioner', 'facilitator');
		const parsed = parseForm(schema, await event.request.formData());
		if (!parsed.ok) return fail(400, { action, values: parsed.values, errors: parsed.errors });
		let next: string | void;
		try {
			next = change(event, parsed.data);
		} catch (e) {
			if (isRefusal(e, 'notFound')) error(404, 'Round not found');
			return refused(e, { action, values: parsed.values });
		}
		redirect(303, `/staff/votes/${event.params.id}/room${next ?? ''}`);
	};
}

const actor = (event: RequestEvent) => actorOf(event.locals.user!);
const voteId = (event: RequestEvent) => Number(event.params.id);

export const actions: Actions = {
	open: roundAction('open', OpenRoundSchema, (event, data) => {
		const opened = rounds.openRound(getDb(), actor(event), voteId(event), data);
		return `?opened=${opened.code}`;
	}),
	attendance: roundAction('attendance', AttendanceSchema, (event, data) => {
		rounds.setAttendance(getDb(), actor(event), voteId(event), data.roundId, data.attendance);
	}),
	close: roundAction('close', RoundRefSchema, (event, data) => {
		rounds.closeRound(getDb(), actor(event), voteId(event), data.roundId);
	}),
	reveal: roundAction('reveal', RoundRefSchema, (event, data) => {
		rounds.revealRound(getDb(), actor(event), voteId(event), data.roundId);
	}),
	void: roundAction('void', VoidRoundSchema, (event, data) => {
		const n = rounds.voidRound(getDb(), actor(event), voteId(event), data.roundId, data.reason);
		return `?voided=${n}`;
	})
};
