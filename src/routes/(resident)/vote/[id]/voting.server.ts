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
import { earlierAnswers, type EarlierAnswers } from '$lib/participation/reentry';

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
	const participant = kioskId
		? undefined
		: codes.participantFor(db, event.cookies, event.url.protocol === 'https:', create, now);
	// The room pass is for this browser's participant only (rounds.ts).
	const round = kioskId
		? undefined
		: rounds.admittedRound(db, vote.id, event.cookies.get(rounds.ROOM_COOKIE), participant?.id);
	const entry = ballots.entryFor(
		db,
		vote,
		{ participant, kioskId, roundId: round?.id ?? null },
		now
	);
	const current =
		(withCurrent || round) && entry.allowed && entry.voter && !kioskId
			? ballots.currentBallot(db, vote.id, entry.voter.key)
			: undefined;
	// Every seat in the round is taken, and this browser's ballot is not one of them.
	const roomFull = !!round && rounds.seatIn(db, round.id, current?.roundId === round.id) === 'full';
	// A kiosk for checked users of a service (kiosks.ts): which service, if this one is.
	const kioskUsers = kioskId ? (kiosk?.usersServiceId ?? null) : null;
	return { db, vote, state, kioskId, kioskUsers, round, roomFull, participant, entry, current };
}

export type VotingContext = ReturnType<typeof votingContext>;

/**
 * The ballot as far as this browser has filled it in: its draft only. A ballot already cast
 * is never filled in from here: its marks come back only through `showEarlierBallot`, after the
 * voter asks (participation/reentry.ts).
 */
export function draftOf(ctx: VotingContext) {
	const key = ctx.entry.allowed ? ctx.entry.draftKey : null;
	return (key && ballots.findDraft(ctx.db, ctx.vote.id, key)) || undefined;
}

/** Whether the ballot already cast under this voter's key may be shown to them when they ask. */
export function earlierBallot(ctx: VotingContext): EarlierAnswers | null {
	if (!ctx.current || !ctx.entry.allowed) return null;
	const codeId = ctx.entry.voter?.codeId ?? null;
	return earlierAnswers(codeId === null ? null : (codes.unitOf(ctx.db, codeId) ?? 'household'));
}

/**
 * The voter asked to see the ballot they cast, to change it: it becomes this browser's draft.
 * Refused (false) for a household code, whose earlier ballot is never shown.
 */
export function showEarlierBallot(ctx: VotingContext): boolean {
	const entry = requireVoting(ctx);
	if (earlierBallot(ctx) !== 'askFirst' || !ctx.current || !entry.draftKey) return false;
	ballots.saveDraft(ctx.db, ctx.vote.id, entry.draftKey, ctx.current.content);
	return true;
}

/**
 * Sends the browser back to the vote's front page (which says why) when it cannot vote now:
 * the vote has closed or not opened, it needs a code this browser has not entered, or the room
 * round it joined has taken a ballot from everyone counted in the room.
 */
export function requireVoting(ctx: VotingContext) {
	if (ctx.state !== 'open' || !ctx.entry.allowed || ctx.roomFull)
		redirect(303, localizeHref(`/vote/${ctx.vote.id}`));
	return ctx.entry;
}
