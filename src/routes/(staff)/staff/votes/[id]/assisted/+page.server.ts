import { fail, redirect } from '@sveltejs/kit';
import { AssistedFormSchema } from '$lib/vote/schemas';
import { formValues, parseForm, type FieldErrors } from '$lib/forms/parse';
import { paperLayout } from '$lib/vote/paper-form';
import * as assisted from '$lib/server/budget/assisted';
import * as ballots from '$lib/server/budget/ballots';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { readEnteredBallot } from '../entry.server';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const voteId = Number(params.id);
	const proposals = votes.listProposals(db, voteId);
	const choices = ballots.profileChoices(db);
	const receipt = ballots.normaliseReceipt(url.searchParams.get('recorded') ?? '').slice(0, 20);
	return {
		proposals,
		choices,
		layout: paperLayout({ proposals, segments: choices.segments }),
		recorded: receipt ? ballots.formatReceipt(receipt) : null
	};
};

export const actions: Actions = {
	/** A ballot entered with the voter present: counted at once, like a settled paper ballot. */
	default: async ({ request, locals, params }) => {
		const staffUser = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const db = getDb();
		const vote = votes.getVote(db, Number(params.id));
		if (!vote) return fail(404, { values: {}, errors: { _: 'Vote not found' } as FieldErrors });
		const formData = await request.formData();
		const values = formValues(formData);
		const head = parseForm(AssistedFormSchema, formData);
		const body = readEnteredBallot(db, vote, values, head.ok ? head.data.code : undefined, {
			overLimit: 'go through the marks with the voter again',
			spoiledCode: 'This code has been spoiled: it cannot vote'
		});
		const errors: FieldErrors = { ...(head.ok ? {} : head.errors), ...body.errors };
		if (!head.ok || !body.content || Object.keys(errors).length)
			return fail(400, { values, errors });
		let receipt: string;
		try {
			receipt = assisted.castAssisted(db, { ...actorOf(staffUser), id: staffUser.id }, vote.id, {
				helper: head.data.helper,
				identityChecked: head.data.identity,
				codeId: body.codeId,
				checkedServiceId: head.data.checked ?? null,
				content: body.content
			}).receipt;
		} catch (e) {
			return refused(e, { values });
		}
		redirect(303, `/staff/votes/${vote.id}/assisted?recorded=${receipt}`);
	}
};
