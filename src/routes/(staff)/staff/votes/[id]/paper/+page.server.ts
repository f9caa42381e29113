import { fail, redirect } from '@sveltejs/kit';
import { emptyBallot } from '$lib/vote/ballot';
import { PaperSerialSchema } from '$lib/vote/schemas';
import { formValues, parseForm, type FieldErrors } from '$lib/forms/parse';
import { paperLayout } from '$lib/vote/paper-form';
import * as ballots from '$lib/server/budget/ballots';
import * as paper from '$lib/server/budget/paper';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { user } from '$lib/server/db/schema';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { readEnteredBallot } from '../entry.server';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const voteId = Number(params.id);
	const staff = new Map(
		db
			.select({ id: user.id, email: user.email })
			.from(user)
			.all()
			.map((u) => [u.id, u.email])
	);
	const entries = paper.listPaper(db, voteId).map((p) => ({
		serial: p.serial,
		status: p.status,
		differences: p.differences,
		keyings: p.keyings.map((k) => ({ stage: k.stage, by: staff.get(k.enteredBy) ?? '?', at: k.at }))
	}));
	const proposals = votes.listProposals(db, voteId);
	const choices = ballots.profileChoices(db);
	return {
		proposals,
		choices,
		// The paper's numbered questions, in the order they are printed.
		layout: paperLayout({ proposals, segments: choices.segments }),
		entries,
		summary: paper.paperSummary(db, voteId),
		serial: (url.searchParams.get('serial') ?? '').slice(0, 20),
		keyed: url.searchParams.get('keyed')
			? {
					serial: url.searchParams.get('keyed')!.slice(0, 20),
					status: url.searchParams.get('status') ?? ''
				}
			: null
	};
};

export const actions: Actions = {
	/** One keying of one paper ballot: the same fields as an online ballot, plus its number. */
	default: async ({ request, locals, params }) => {
		const staffUser = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const db = getDb();
		const vote = votes.getVote(db, Number(params.id));
		if (!vote) return fail(404, { values: {}, errors: { _: 'Vote not found' } as FieldErrors });
		const formData = await request.formData();
		const values = formValues(formData);
		const head = parseForm(PaperSerialSchema, formData);
		const body = readEnteredBallot(db, vote, values, head.ok ? head.data.code : undefined, {
			overLimit: 'check it with the paper, or tick “Spoilt”',
			spoiledCode: 'This code has been spoiled: tick "spoilt" for this ballot'
		});
		const errors: FieldErrors = { ...(head.ok ? {} : head.errors), ...body.errors };
		const spoilt = head.ok && head.data.spoilt;
		// A spoilt paper is recorded without its marks (they may break the rules).
		if (spoilt)
			for (const k of Object.keys(errors)) if (k !== 'serial' && k !== 'code') delete errors[k];
		if (!head.ok || Object.keys(errors).length) return fail(400, { values, errors });
		try {
			const result = paper.keyPaperBallot(
				db,
				{ ...actorOf(staffUser), id: staffUser.id },
				vote.id,
				{
					serial: head.data.serial,
					codeId: body.codeId,
					spoilt,
					checkedServiceId: head.data.checked ?? null,
					content: body.content && !spoilt ? body.content : emptyBallot()
				}
			);
			redirect(
				303,
				`/staff/votes/${vote.id}/paper?keyed=${encodeURIComponent(head.data.serial)}&status=${result.status}`
			);
		} catch (e) {
			return refused(e, { values });
		}
	}
};
