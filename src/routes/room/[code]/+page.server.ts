import * as results from '$lib/server/budget/results';
import * as rounds from '$lib/server/budget/rounds';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { qrDataUri } from '$lib/server/qr';
import type { PageServerLoad } from './$types';
import { roundForCode } from './find-round.server';

/**
 * The projector for a room round: the room code and a QR code, live turnout, and the round's own
 * results once the facilitator reveals them. Public: it shows nothing the room does not see.
 */
export const load: PageServerLoad = async ({ params, url, getClientAddress, locals }) => {
	const db = getDb();
	const round = roundForCode(db, params.code, getClientAddress(), locals);
	const vote = votes.getVote(db, round.voteId)!;
	const joinUrl = `${url.origin}/vote/room?c=${round.code}`;
	const revealed = !!round.revealedAt;
	const count = revealed ? results.countRound(db, vote.id, round.id) : null;
	return {
		round: { code: round.code, title: round.title, status: round.status, revealed },
		voteTitle: vote.title,
		turnout: rounds.roundTurnout(db, round.id),
		joinUrl,
		qr: await qrDataUri(joinUrl),
		results: count
			? [...count.proposals]
					.sort((a, b) => a.rank - b.rank)
					.map((p) => ({
						id: p.id,
						title: p.title,
						rank: p.rank,
						decision: p.decision,
						wants: p.tallies.overall.wants,
						dontWants: p.tallies.overall.dontWants,
						support: p.tallies.overall.support,
						opposition: p.tallies.overall.opposition
					}))
			: null
	};
};
