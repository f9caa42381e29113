// What every page of a resident's ballot needs from the request: the vote, where it stands, who
// this browser votes as (its code, its anonymous token, a room round or a kiosk) and the draft.
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as ballots from '$lib/server/budget/ballots';
import * as kiosks from '$lib/server/budget/kiosks';
import * as rounds from '$lib/server/budget/rounds';
import * as votes from '$lib/server/budget/votes';
import * as codes from '$lib/server/codes';
import { getDb, type DB } from '$lib/server/db';

export interface VotingEvent {
	params: { id: string };
	cookies: Cookies;
	url: URL;
}

/**
 * The vote and this browser's place in it. `create` makes the anonymous participant (and its
 * cookie) when there is none: only posts do, so that reading a page leaves nothing behind.
 * `db` may be a `write()` transaction, so that a post reads and writes in one transaction.
 */
export function votingContext(
	event: VotingEvent,
	create = false,
	withCurrent = true,
	now = new Date(),
	db: DB = getDb()
) {
	const vote = votes.getVote(db, Number(event.params.id));
	if (!vote || vote.status === 'draft') error(404, 'Vote not found');
	const state = votes.stateOf(vote, now);
	const kiosk = kiosks.kioskByToken(db, event.cookies.get(kiosks.KIOSK_COOKIE));
	const kioskId = kiosk && kiosk.voteId === vote.id ? kiosk.id : null;
	const round = kioskId
		? undefined
		: rounds.openRoundFor(db, vote.id, event.cookies.get(rounds.ROOM_COOKIE));
	const participant = kioskId
		? undefined
		: codes.participantFor(db, event.cookies, event.url.protocol === 'https:', create, now);
	const entry = ballots.entryFor(
		db,
		vote,
		{ participant, kioskId, roundId: round?.id ?? null },
		now
	);
	const current =
		withCurrent && entry.ok && entry.voter && !kioskId
			? ballots.currentBallot(db, vote.id, entry.voter.key)
			: undefined;
	// A kiosk for checked users of a service (kiosks.ts): which service, if this one is.
	const kioskUsers = kioskId ? (kiosk?.usersServiceId ?? null) : null;
	return { db, vote, state, kioskId, kioskUsers, round, participant, entry, current };
}

export type VotingContext = ReturnType<typeof votingContext>;

/** The ballot as far as this browser has filled it in: its draft, else its current ballot. */
export function draftOf(ctx: VotingContext) {
	const key = ctx.entry.ok ? ctx.entry.draftKey : null;
	return (key && ballots.findDraft(ctx.db, ctx.vote.id, key)) || ctx.current?.content;
}

/**
 * Sends the browser back to the vote's front page (which says why) when it cannot vote now:
 * the vote has closed or not opened, or it needs a code this browser has not entered.
 */
export function requireVoting(ctx: VotingContext) {
	if (ctx.state !== 'open' || !ctx.entry.ok) redirect(303, localizeHref(`/vote/${ctx.vote.id}`));
	return ctx.entry;
}
