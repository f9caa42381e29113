import { fail, redirect } from '@sveltejs/kit';
import { parseBallot, toFormInput, validateContent } from '$lib/budget/ballot';
import { formValues } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import * as ballots from '$lib/server/budget/ballots';
import { getDb, write } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';
import { draftOf, requireVoting, votingContext } from '../voting.server';

export const load: PageServerLoad = (event) => {
	const ctx = votingContext(event);
	requireVoting(ctx);
	const content = draftOf(ctx);
	// Nothing filled in yet (or a post that failed before any page was saved): say so, rather
	// than redirecting, so that a refused submission still shows why it was refused.
	if (!content) return { content: null, fields: {}, problems: null };
	const checked = validateContent(content, ballots.ballotContext(ctx.db, ctx.vote));
	return {
		content,
		fields: toFormInput(content),
		problems: checked.ok ? null : { errors: checked.errors, limits: checked.limits }
	};
};

export const actions: Actions = {
	/**
	 * Casts the ballot exactly as the resident checked it: the page sends every answer, so what
	 * was on the screen is what is counted. The same rules as every other channel apply.
	 */
	default: async (event) => {
		const values = formValues(await event.request.formData());
		// One IMMEDIATE transaction for everything the submission reads and writes: all or
		// nothing, and SQLite takes its locks once rather than for every statement on its own.
		const { voteId, refused, cast } = write(getDb(), (tx) => {
			const ctx = votingContext(event, true, false, new Date(), tx);
			const entry = requireVoting(ctx);
			const context = ballots.ballotContext(tx, ctx.vote);
			const parsed = parseBallot(values, context);
			if (!parsed.ok) return { voteId: ctx.vote.id, refused: parsed, cast: null };
			const cast = ballots.castBallotIn(tx, {
				voteId: ctx.vote.id,
				voter: entry.voter!,
				channel: entry.channel,
				roundId: entry.roundId,
				kioskId: entry.kioskId,
				content: parsed.content,
				draftKey: entry.draftKey,
				context
			});
			return { voteId: ctx.vote.id, refused: null, cast };
		});
		if (refused) return fail(400, { errors: refused.errors, limits: refused.limits });
		if (!cast.ok) {
			if (cast.reason === 'invalid') return fail(400, { errors: cast.errors, limits: cast.limits });
			if (cast.reason === 'codeUsed')
				return fail(409, { errors: { _: 'err_vote_code_used' }, limits: {} });
			// Closed, or the room round filled up meanwhile: the front page says which.
			redirect(303, localizeHref(`/vote/${voteId}`));
		}
		redirect(303, localizeHref(`/vote/${voteId}/done?ref=${cast.receipt}`));
	}
};
