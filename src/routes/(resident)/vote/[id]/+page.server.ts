import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';
import { showEarlierBallot, votingContext } from './voting.server';

export const actions: Actions = {
	/** The voter confirmed it was they who sent the ballot: its marks fill the ballot to change. */
	showEarlier: (event) => {
		const ctx = votingContext(event, true);
		const shown = showEarlierBallot(ctx);
		redirect(303, localizeHref(`/vote/${ctx.vote.id}${shown ? '/ballot' : ''}`));
	}
};
