/**
 * Live rounds in a meeting: the facilitator opens a round, the projector shows a room code and a
 * QR code, phones vote with it (channel `room`), turnout updates live, and the round's results
 * appear on the projector only when the facilitator reveals them.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { takesBallots, voteState } from '../../budget/vote-state';
import { CODE_ALPHABET } from '../../participation/codes';
import * as audit from '../audit';
import { secureRandomIndex } from '../codes';
import { write, type DB } from '../db/open';
import { ballot, voteRound } from '../db/schema';
import { getVote, VoteError } from './votes';

export const ROOM_COOKIE = 'cc_room';
/** Lasts the meeting: twelve hours at most, in seconds. */
export const ROOM_COOKIE_MAX_AGE = 12 * 60 * 60;
export const ROOM_CODE_LENGTH = 6;

export type Round = typeof voteRound.$inferSelect;

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
	title: string,
	now = new Date()
): { id: number; code: string } {
	return write(db, (tx) => {
		const v = getVote(tx, voteId);
		if (!v) throw new VoteError('_', 'That vote no longer exists');
		if (!takesBallots(voteState(v, now)))
			throw new VoteError('_', 'The vote is not open: open it (and check its schedule) first');
		let code = generateRoomCode();
		while (tx.select({ id: voteRound.id }).from(voteRound).where(eq(voteRound.code, code)).get())
			code = generateRoomCode();
		const row = tx
			.insert(voteRound)
			.values({ voteId, title, code, status: 'open', openedAt: now, createdBy: actor.id })
			.returning({ id: voteRound.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.round.open',
				entityType: 'vote',
				entityId: voteId,
				after: { roundId: row.id, title }
			},
			now
		);
		return { id: row.id, code };
	});
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
		const r = tx
			.select()
			.from(voteRound)
			.where(and(eq(voteRound.id, roundId), eq(voteRound.voteId, voteId)))
			.get();
		if (!r) throw new VoteError('_', 'That round no longer exists');
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

export function findRound(db: DB, code: string): Round | undefined {
	const c = normaliseRoomCode(code);
	if (c.length !== ROOM_CODE_LENGTH) return undefined;
	return db.select().from(voteRound).where(eq(voteRound.code, c)).get();
}

/** The open round behind a phone's room cookie, if it belongs to this vote. */
export function openRoundFor(db: DB, voteId: number, code: string | undefined): Round | undefined {
	if (!code) return undefined;
	const r = findRound(db, code);
	return r && r.voteId === voteId && r.status === 'open' ? r : undefined;
}

export function getRound(db: DB, voteId: number, roundId: number): Round | undefined {
	return db
		.select()
		.from(voteRound)
		.where(and(eq(voteRound.id, roundId), eq(voteRound.voteId, voteId)))
		.get();
}

export function listRounds(db: DB, voteId: number) {
	const rounds = db
		.select()
		.from(voteRound)
		.where(eq(voteRound.voteId, voteId))
		.orderBy(desc(voteRound.id))
		.all();
	return rounds.map((r) => ({ ...r, turnout: roundTurnout(db, r.id) }));
}

/** Ballots whose latest version was cast in this round. */
export function roundTurnout(db: DB, roundId: number): number {
	return db.select({ n: count() }).from(ballot).where(eq(ballot.roundId, roundId)).get()!.n;
}

/** Rounds still open for a vote (closed by closing the vote too). */
export function closeOpenRounds(tx: DB, voteId: number, now: Date): void {
	tx.update(voteRound)
		.set({ status: 'closed', closedAt: now })
		.where(
			and(eq(voteRound.voteId, voteId), eq(voteRound.status, 'open'), isNull(voteRound.closedAt))
		)
		.run();
}
