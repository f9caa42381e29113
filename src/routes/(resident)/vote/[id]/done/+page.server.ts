import { error } from '@sveltejs/kit';
import * as ballots from '$lib/server/budget/ballots';
import type { PageServerLoad } from './$types';
import { votingContext } from '../voting.server';

export const load: PageServerLoad = (event) => {
	const ctx = votingContext(event);
	const ref = ballots.normaliseReceipt(event.url.searchParams.get('ref') ?? '').slice(0, 20);
	const found = ref ? ballots.findReceipt(ctx.db, ctx.vote.id, ref) : undefined;
	if (!found) error(404, 'Receipt not found');
	return {
		receipt: ballots.formatReceipt(ref),
		changed: found.version > 1,
		current: found.current,
		channel: found.channel
	};
};
