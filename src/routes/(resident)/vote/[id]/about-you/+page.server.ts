import { fail, redirect } from '@sveltejs/kit';
import { emptyBallot, parseProfile } from '$lib/budget/ballot';
import { formValues } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import * as ballots from '$lib/server/budget/ballots';
import type { Actions, PageServerLoad } from './$types';
import { draftOf, requireVoting, votingContext } from '../voting.server';

export const load: PageServerLoad = (event) => {
	const ctx = votingContext(event);
	requireVoting(ctx);
	const content = draftOf(ctx);
	// The marks come first: a browser that skipped them is sent back.
	if (!content) redirect(303, localizeHref(`/vote/${ctx.vote.id}/ballot`));
	return { content };
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const ctx = votingContext(event, true);
		const entry = requireVoting(ctx);
		const parsed = parseProfile(values, ballots.ballotContext(ctx.db, ctx.vote));
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const before = draftOf(ctx) ?? emptyBallot();
		ballots.saveDraft(ctx.db, ctx.vote.id, entry.draftKey!, { ...before, profile: parsed.profile });
		redirect(303, localizeHref(`/vote/${ctx.vote.id}/check`));
	}
};
