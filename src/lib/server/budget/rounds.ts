/**
 * Live rounds in a meeting: the facilitator opens a round for the people counted in the room,
 * the projector shows a room code and a QR code, phones join with it and vote (channel `room`),
 * turnout updates live, and the round's results appear on the projector only when the
 * facilitator reveals them. A round takes no more ballots than its attendance, and staff can
 * void a round's ballots (recorded on the round, audit-logged, shown in reconciliation).
 *
 * Joining gives the phone a pass, not the code: a signed token naming the round and the phone's
 * participant, so the cookie cannot be made up from a code and is worth nothing in another
 * browser. The vote's eligibility still applies in the room (ballots.ts `entryFor`).
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { takesBallots, voteState } from '../../vote/state';
import { CODE_ALPHABET } from '../../participation/codes';
import { seat, type Seat } from '../../vote/rooms';
import * as audit from '../audit';
import { CODE_ENTRY_BUCKET, secureRandomIndex } from '../codes';
import { afterCommit, write, type DB } from '../db/open';
import { ballot, user, voteRound } from '../db/schema';
import { check, consume } from '../rate-limit';
import { sign, verify } from '../signing';
import * as screens from './round-fanout';
import { Refusal } from '../command-refusal';
import { getVote, listProposals } from './votes';

export const ROOM_COOKIE = 'cc_room';
/** Lasts the meeting: twelve hours at most, in seconds. */
export const ROOM_COOKIE_MAX_AGE = 12 * 60 * 60;
export const ROOM_CODE_LENGTH = 6;

export type Round = typeof voteRound.$inferSelect;

/**
 * Why a round command or a room code is refused. `notFound`: a round that is not this vote's
 * (or no longer exists), a 404 for the page that asked. `rate`: too many wrong room codes from
 * one address (`params.seconds` until the next try). `unknown`: no round has this room code.
 */
export type RoundReason = 'notFound' | 'rate' | 'unknown';

export function generateRoomCode(randomIndex = secureRandomIndex): string {
	let code = '';
	for (let i = 0; i < ROOM_CODE_LENGTH; i++)
		code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
	return code;
}

/** What a person typed from the projector: upper case, no spaces or dashes. */
export function normaliseRoomCode(input: string): string {
	return input.toUpperCase().replace(/[\s\-‐-―.]/g, '');
}

export function openRound(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	input: { title: string; attendance: number; usersServiceId?: string | null },
	now = new Date()
): { id: number; code: string } {
	const { title, attendance } = input;
	const usersServiceId = input.usersServiceId ?? null;
	return write(db, (tx) => {
		const v = getVote(tx, voteId);
		if (!v) throw new Refusal('_', 'That vote no longer exists');
		if (!takesBallots(voteState(v, now)))
			throw new Refusal('_', 'The vote is not open: open it (and check its schedule) first');
		if (
			usersServiceId !== null &&
			!listProposals(tx, voteId).some((p) => p.serviceId === usersServiceId)
		)
			throw new Refusal('usersServiceId', "Choose one of this vote's services");
		let code = generateRoomCode();
		while (tx.select({ id: voteRound.id }).from(voteRound).where(eq(voteRound.code, code)).get())
			code = generateRoomCode();
		const row = tx
			.insert(voteRound)
			.values({
				voteId,
				title,
				code,
				status: 'open',
				openedAt: now,
				createdBy: actor.id,
				attendance,
				usersServiceId
			})
			.returning({ id: voteRound.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.round.open',
				entityType: 'vote',
				entityId: voteId,
				after: { roundId: row.id, title, attendance, usersServiceId }
			},
			now
		);
		return { id: row.id, code };
	});
}

/** The round, if it is this vote's; else a refusal for `notFound`. */
function roundOf(tx: DB, voteId: number, roundId: number): Round {
	const r = getRound(tx, voteId, roundId);
	if (!r)
		throw new Refusal<RoundReason>('roundId', 'That round is not part of this vote', {
			reason: 'notFound'
		});
	return r;
}

function changeRound(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	roundId: number,
	change: 'close' | 'reveal',
	now: Date
): void {
	write(db, (tx) => {
		const r = roundOf(tx, voteId, roundId);
		if (change === 'close') {
			if (r.status === 'closed') return;
			tx.update(voteRound)
				.set({ status: 'closed', closedAt: now })
				.where(eq(voteRound.id, roundId))
				.run();
		} else {
			if (r.revealedAt) return;
			// Revealing ends voting in the round: results on the wall must not move under people.
			tx.update(voteRound)
				.set({ status: 'closed', closedAt: r.closedAt ?? now, revealedAt: now })
				.where(eq(voteRound.id, roundId))
				.run();
		}
		audit.record(
			tx,
			actor,
			{ action: `vote.round.${change}`, entityType: 'vote', entityId: voteId, after: { roundId } },
			now
		);
		announce(tx, roundId);
	});
}

export function closeRound(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	roundId: number,
	now = new Date()
) {
	changeRound(db, actor, voteId, roundId, 'close', now);
}

export function revealRound(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	roundId: number,
	now = new Date()
) {
	changeRound(db, actor, voteId, roundId, 'reveal', now);
}

/**
 * Changes a round's head count (people arrived or left). Lowering it below the ballots already
 * cast takes none away: it only stops more coming in.
 */
export function setAttendance(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	roundId: number,
	attendance: number,
	now = new Date()
): void {
	write(db, (tx) => {
		const r = roundOf(tx, voteId, roundId);
		if (r.status !== 'open') throw new Refusal('attendance', 'That round has closed');
		tx.update(voteRound).set({ attendance }).where(eq(voteRound.id, roundId)).run();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.round.attendance',
				entityType: 'vote',
				entityId: voteId,
				before: { roundId, attendance: r.attendance },
				after: { roundId, attendance }
			},
			now
		);
	});
}

/**
 * Voids a round's ballots (it was stuffed, or run wrongly): the round closes, every ballot whose
 * current version was cast in it stops counting (it stays, marked, since ballots are never
 * deleted), and the void is recorded on the round with who, when, why and how many, and in the
 * audit log. A voided voter may vote again elsewhere; that new ballot counts. Only while the
 * vote is open: a closed vote's official count is final.
 * @returns how many ballots were voided
 */
export function voidRound(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	roundId: number,
	reason: string,
	now = new Date()
): number {
	return write(db, (tx) => {
		const r = roundOf(tx, voteId, roundId);
		const v = getVote(tx, voteId)!;
		if (v.status === 'closed')
			throw new Refusal('_', 'The vote has closed: its count is final and cannot change');
		if (r.voidedAt) throw new Refusal('_', 'That round has already been voided');
		const voided = tx
			.update(ballot)
			.set({ voidedAt: now })
			.where(and(eq(ballot.roundId, roundId), isNull(ballot.voidedAt)))
			.run().changes;
		tx.update(voteRound)
			.set({
				status: 'closed',
				closedAt: r.closedAt ?? now,
				voidedAt: now,
				voidedBy: actor.id,
				voidReason: reason,
				voidedBallots: voided
			})
			.where(eq(voteRound.id, roundId))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.round.void',
				entityType: 'vote',
				entityId: voteId,
				after: { roundId, title: r.title, ballots: voided, reason }
			},
			now
		);
		announce(tx, roundId);
		return voided;
	});
}

export function findRound(db: DB, code: string): Round | undefined {
	const c = normaliseRoomCode(code);
	if (c.length !== ROOM_CODE_LENGTH) return undefined;
	return db.select().from(voteRound).where(eq(voteRound.code, c)).get();
}

/**
 * A room code typed in or put in an address, from `address`: wherever a room code is accepted
 * (joining, the projector, its live stream), wrong ones count against the address like wrong
 * participation codes (ten at once, then one a minute), and an address over the limit is refused
 * before the code is looked up, so it learns nothing either way. Right codes cost nothing: a
 * projector reconnecting, or a room of phones behind one address, is never slowed by them.
 * Signed-in staff (the facilitator's projector, on the venue's address too) are not limited.
 *
 * Returns the round, or throws a `Refusal` for `rate` (with `params.seconds`, the wait) or
 * `unknown`. Call it outside any write transaction: the wrong guess it counts must stay counted.
 */
export function lookUpCode(
	db: DB,
	code: string,
	address: string,
	options: { staff?: boolean } = {},
	now = new Date()
): Round {
	const key = `room:ip:${address}`;
	if (!options.staff) {
		const verdict = check(db, key, CODE_ENTRY_BUCKET, now);
		if (!verdict.allowed)
			throw new Refusal<RoundReason>(
				'room',
				'Too many wrong room codes from this address. Wait a minute and try again.',
				{ reason: 'rate', params: { seconds: verdict.retryAfterSeconds } }
			);
	}
	const round = findRound(db, code);
	if (round) return round;
	// The wrong guess is counted in its own transaction, committed before the refusal is thrown:
	// a refusal must not take the spent token back, or guessing would cost nothing.
	if (!options.staff) consume(db, key, CODE_ENTRY_BUCKET, now);
	throw new Refusal<RoundReason>('room', 'No round has this room code', { reason: 'unknown' });
}

const PASS = 'room-pass';

/** The pass a phone gets for joining a round: the round and the phone's participant, signed. */
export function passFor(db: DB, roundId: number, participantId: number): string {
	return sign(db, PASS, `${roundId}.${participantId}`);
}

/**
 * The open round of this vote that a phone's pass admits it to, if any: the pass must be ours,
 * for this participant (a pass copied into another browser admits nobody) and for an open,
 * unvoided round of this vote.
 */
export function admittedRound(
	db: DB,
	voteId: number,
	pass: string | undefined,
	participantId: number | undefined
): Round | undefined {
	if (!pass || participantId === undefined) return undefined;
	const [round, participant] = (verify(db, PASS, pass) ?? '').split('.').map(Number);
	if (participant !== participantId || !Number.isSafeInteger(round)) return undefined;
	const r = getRound(db, voteId, round);
	return r && r.status === 'open' && !r.voidedAt ? r : undefined;
}

/**
 * Whether the round has a seat for a ballot (see `seat`): counted inside the caller's
 * transaction, so two phones racing for the last seat cannot both have it.
 * @param alreadyIn whether the voter's current, counted ballot is in this round
 */
export function seatIn(tx: DB, roundId: number, alreadyIn: boolean): Seat {
	const r = tx
		.select({
			status: voteRound.status,
			attendance: voteRound.attendance,
			voidedAt: voteRound.voidedAt
		})
		.from(voteRound)
		.where(eq(voteRound.id, roundId))
		.get();
	if (!r) return 'closed';
	return seat(r, roundTurnout(tx, roundId), alreadyIn);
}

export function getRound(db: DB, voteId: number, roundId: number): Round | undefined {
	return db
		.select()
		.from(voteRound)
		.where(and(eq(voteRound.id, roundId), eq(voteRound.voteId, voteId)))
		.get();
}

/** A vote's rounds, newest first, with their turnout and who voided them. */
export function listRounds(db: DB, voteId: number) {
	const rounds = db
		.select({ round: voteRound, voidedByEmail: user.email })
		.from(voteRound)
		.leftJoin(user, eq(user.id, voteRound.voidedBy))
		.where(eq(voteRound.voteId, voteId))
		.orderBy(desc(voteRound.id))
		.all();
	return rounds.map((r) => ({
		...r.round,
		voidedByEmail: r.voidedByEmail,
		turnout: roundTurnout(db, r.round.id)
	}));
}

/** Ballots that count whose latest version was cast in this round (none once voided). */
export function roundTurnout(db: DB, roundId: number): number {
	return db
		.select({ n: count() })
		.from(ballot)
		.where(and(eq(ballot.roundId, roundId), isNull(ballot.voidedAt)))
		.get()!.n;
}

/** The voided rounds of a vote, for reconciliation: what was voided, by whom, when and why. */
export function listVoids(db: DB, voteId: number) {
	return listRounds(db, voteId)
		.filter((r) => r.voidedAt)
		.map((r) => ({
			roundId: r.id,
			title: r.title,
			voidedAt: r.voidedAt!,
			voidedBy: r.voidedByEmail,
			reason: r.voidReason ?? '',
			ballots: r.voidedBallots ?? 0
		}));
}

/** How many voids a vote has had (a count's cache must notice a void). */
export function voidCount(db: DB, voteId: number): number {
	return db
		.select({ n: count() })
		.from(voteRound)
		.where(and(eq(voteRound.voteId, voteId), sql`${voteRound.voidedAt} is not null`))
		.get()!.n;
}

/** Rounds still open for a vote (closed by closing the vote too). */
export function closeOpenRounds(tx: DB, voteId: number, now: Date): void {
	const closed = tx
		.update(voteRound)
		.set({ status: 'closed', closedAt: now })
		.where(
			and(eq(voteRound.voteId, voteId), eq(voteRound.status, 'open'), isNull(voteRound.closedAt))
		)
		.returning({ id: voteRound.id })
		.all();
	announce(tx, ...closed.map((r) => r.id));
}

/** What a round's projector shows now; undefined if there is no such round. */
export function screenOf(db: DB, roundId: number): screens.RoundScreen | undefined {
	const r = db
		.select({ status: voteRound.status, revealedAt: voteRound.revealedAt })
		.from(voteRound)
		.where(eq(voteRound.id, roundId))
		.get();
	return r && { turnout: roundTurnout(db, roundId), status: r.status, revealed: !!r.revealedAt };
}

/**
 * Tells the projectors of these rounds what they show, once the caller's write commits (never
 * if it rolls back). Call inside the write that changed them: the screen is read there, as it
 * will be committed. A round nobody is watching costs nothing.
 */
export function announce(tx: DB, ...roundIds: (number | null | undefined)[]): void {
	for (const id of new Set(roundIds)) {
		if (!id || screens.listenerCount(id) === 0) continue;
		const screen = screenOf(tx, id);
		if (screen) afterCommit(tx, () => screens.publish(id, screen));
	}
}
