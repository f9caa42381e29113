import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as codes from '../codes';
import { auditLog, ballot, participant as participantTable, voteRound } from '../db/schema';
import { ballotCount, castBallot, currentBallot, entryFor } from './ballots';
import { closeVote, countVote, reconcile } from './results';
import {
	admittedRound,
	closeRound,
	lookUpCode,
	openRound,
	passFor,
	revealRound,
	roundTurnout,
	setAttendance,
	voidRound
} from './rounds';
import {
	ballotWith,
	later,
	makeVote,
	phone,
	refusalOf,
	roomVote,
	setup,
	T0
} from '../../test/vote-db';
import { getVote, listProposals } from './votes';
import { rateLimit } from '../db/schema';

/** A browser's anonymous participant, as the vote pages make one. */
let browsers = 0;
function participant(db: ReturnType<typeof setup>['db']) {
	return db
		.insert(participantTable)
		.values({ tokenHash: `browser-${++browsers}`, createdAt: T0, lastSeenAt: T0 })
		.returning()
		.get();
}

describe('a room round', () => {
	it('takes no more ballots than the people counted in the room', () => {
		const { db, round, cast } = roomVote(3);
		for (let i = 0; i < 3; i++) expect(cast(phone(i)).version).toBe(1);
		expect(refusalOf(() => cast(phone(3)))).toMatchObject({ field: '_', reason: 'roundFull' });
		// Someone already in the round may still change their ballot.
		expect(cast(phone(1))).toMatchObject({ replaced: true });
		expect(roundTurnout(db, round.id)).toBe(3);
	});

	it('takes more once the facilitator counts more people', () => {
		const { db, actor, voteId, round, cast } = roomVote(1);
		expect(cast(phone(0)).version).toBe(1);
		expect(refusalOf(() => cast(phone(1)))).toMatchObject({ field: '_', reason: 'roundFull' });
		setAttendance(db, actor, voteId, round.id, 2, later(3));
		expect(cast(phone(1)).version).toBe(1);
		const logged = db.select().from(auditLog).where(eq(auditLog.action, 'vote.round.attendance'));
		expect(logged.all()).toHaveLength(1);
	});

	it('takes nothing once closed', () => {
		const { db, actor, voteId, round, cast } = roomVote(5);
		closeRound(db, actor, voteId, round.id, later(3));
		expect(refusalOf(() => cast(phone(0)))).toMatchObject({ field: '_', reason: 'notOpen' });
	});

	it('cannot be closed, revealed, counted or voided from another vote', () => {
		const { db, actor, engagementId, round } = roomVote(5);
		const other = makeVote(db, actor, engagementId, { eligibility: 'open' }).voteId;
		const notFound = { field: 'roundId', reason: 'notFound' };
		for (const change of [closeRound, revealRound])
			expect(refusalOf(() => change(db, actor, other, round.id, later(3)))).toMatchObject(notFound);
		expect(refusalOf(() => setAttendance(db, actor, other, round.id, 9))).toMatchObject(notFound);
		expect(refusalOf(() => voidRound(db, actor, other, round.id, 'not mine'))).toMatchObject(
			notFound
		);
		expect(db.select().from(voteRound).get()).toMatchObject({ status: 'open', attendance: 5 });
	});
});

describe('voiding a round', () => {
	it('takes its ballots out of the count, records who, when, why and how many, and logs it', () => {
		const { db, actor, voteId, round, cast } = roomVote(10);
		for (let i = 0; i < 4; i++) cast(phone(i));
		cast(phone(9), null);
		expect(countVote(db, voteId, later(3)).ballots.total).toBe(5);
		expect(voidRound(db, actor, voteId, round.id, 'The code was posted online', later(4))).toBe(4);
		expect(ballotCount(db, voteId)).toBe(1);
		expect(roundTurnout(db, round.id)).toBe(0);
		// The cached count notices the void.
		expect(countVote(db, voteId, later(5)).ballots.total).toBe(1);
		expect(reconcile(db, voteId).voids).toEqual([
			{
				roundId: round.id,
				title: 'Hall',
				voidedAt: later(4),
				voidedBy: actor.email,
				reason: 'The code was posted online',
				ballots: 4
			}
		]);
		expect(reconcile(db, voteId).ballots).toEqual([{ channel: 'online', assurance: 'open', n: 1 }]);
		const logged = db.select().from(auditLog).where(eq(auditLog.action, 'vote.round.void')).get();
		expect(JSON.parse(logged!.after!)).toMatchObject({ roundId: round.id, ballots: 4 });
		expect(
			refusalOf(() => voidRound(db, actor, voteId, round.id, 'again', later(6)))
		).toMatchObject({ field: '_', message: 'That round has already been voided' });
	});

	it('lets a voided voter vote again, and their new ballot counts', () => {
		const { db, actor, voteId, round, cast } = roomVote(10);
		cast(phone(0));
		voidRound(db, actor, voteId, round.id, 'Wrong proposals on screen', later(3));
		expect(currentBallot(db, voteId, phone(0).key)).toBeUndefined();
		expect(refusalOf(() => cast(phone(0), round.id, 4))).toMatchObject({ reason: 'notOpen' });
		expect(cast(phone(0), null, 4)).toMatchObject({ version: 2 });
		expect(ballotCount(db, voteId)).toBe(1);
	});

	it('is refused once the vote has closed: the official count is final', () => {
		const { db, actor, voteId, round, cast } = roomVote(10);
		cast(phone(0));
		closeVote(db, actor, voteId, later(3));
		expect(() => voidRound(db, actor, voteId, round.id, 'Too late', later(4))).toThrow(
			/count is final/
		);
		expect(ballotCount(db, voteId)).toBe(1);
	});
});

describe('a phone in the room', () => {
	it('is admitted by a pass for its own participant only, never by the room code', () => {
		const { db, voteId, round } = roomVote(10);
		const pass = passFor(db, round.id, 7);
		expect(admittedRound(db, voteId, pass, 7)?.id).toBe(round.id);
		// The same cookie in a fresh browser (another participant) admits nobody.
		expect(admittedRound(db, voteId, pass, 8)).toBeUndefined();
		expect(admittedRound(db, voteId, round.code, 7)).toBeUndefined();
		expect(admittedRound(db, voteId, `${round.id}.8.${'0'.repeat(64)}`, 8)).toBeUndefined();
		expect(admittedRound(db, voteId + 1, pass, 7)).toBeUndefined();
	});

	it('is admitted no more once the round closes', () => {
		const { db, actor, voteId, round } = roomVote(10);
		const pass = passFor(db, round.id, 7);
		closeRound(db, actor, voteId, round.id, later(3));
		expect(admittedRound(db, voteId, pass, 7)).toBeUndefined();
	});
});

describe('room codes typed in', () => {
	it('count wrong guesses per address, and refuse an address over the limit, right or wrong', () => {
		const { db, round } = roomVote(10);
		for (let i = 0; i < 20; i++)
			expect(lookUpCode(db, round.code, 'room-wifi', {}, later(2)).id).toBe(round.id);
		for (let i = 0; i < codes.CODE_ENTRY_BUCKET.capacity; i++)
			expect(refusalOf(() => lookUpCode(db, 'ZZZZZZ', 'guesser', {}, later(2)))).toMatchObject({
				field: 'room',
				reason: 'unknown'
			});
		expect(refusalOf(() => lookUpCode(db, 'ZZZZZZ', 'guesser', {}, later(2)))).toMatchObject({
			reason: 'rate',
			params: { seconds: 60 }
		});
		expect(refusalOf(() => lookUpCode(db, round.code, 'guesser', {}, later(2)))).toMatchObject({
			reason: 'rate'
		});
		expect(lookUpCode(db, round.code, 'room-wifi', {}, later(2)).id).toBe(round.id);
		// The facilitator's projector on the guesser's address is not held back.
		expect(lookUpCode(db, round.code, 'guesser', { staff: true }, later(2)).id).toBe(round.id);
	});

	it('keeps a wrong guess counted although the guess is refused', () => {
		const { db } = roomVote(10);
		const tokens = () =>
			db.select().from(rateLimit).where(eq(rateLimit.key, 'room:ip:guesser')).get()?.tokens;
		expect(refusalOf(() => lookUpCode(db, 'ZZZZZZ', 'guesser', {}, later(2)))).toMatchObject({
			reason: 'unknown'
		});
		expect(tokens()).toBe(codes.CODE_ENTRY_BUCKET.capacity - 1);
		expect(refusalOf(() => lookUpCode(db, 'YYYYYY', 'guesser', {}, later(2)))).toMatchObject({
			reason: 'unknown'
		});
		expect(tokens()).toBe(codes.CODE_ENTRY_BUCKET.capacity - 2);
	});
});

describe("a round held with a service's users", () => {
	it('makes every ballot in it a checked, verified user of that service', () => {
		const s = setup();
		const { voteId, proposals } = makeVote(s.db, s.actor, s.engagementId, { eligibility: 'open' });
		const service = listProposals(s.db, voteId)[0].serviceId;
		const round = openRound(
			s.db,
			s.actor,
			voteId,
			{ title: 'Day centre', attendance: 10, usersServiceId: service },
			later(1)
		);
		const v = getVote(s.db, voteId)!;
		const entry = entryFor(s.db, v, { participant: participant(s.db), roundId: round.id });
		expect(entry.allowed && entry.voter).toMatchObject({
			assurance: 'checked',
			verifiedUses: [service]
		});
		if (!entry.allowed || !entry.voter) return;
		const cast = castBallot(
			s.db,
			{
				voteId,
				voter: entry.voter,
				channel: 'room',
				roundId: round.id,
				content: ballotWith({ [proposals[0]]: 'dontWant' })
			},
			later(2)
		);
		expect(cast.version).toBe(1);
		const row = s.db.select().from(ballot).where(eq(ballot.voteId, voteId)).get()!;
		expect([row.assurance, JSON.parse(row.verifiedUses), JSON.parse(row.uses)]).toEqual([
			'checked',
			[service],
			[service]
		]);
		// Any other round's voters stay open and unverified.
		const plain = openRound(s.db, s.actor, voteId, { title: 'Hall', attendance: 10 }, later(3));
		const other = entryFor(s.db, v, { participant: participant(s.db), roundId: plain.id });
		expect(other.allowed && other.voter).toMatchObject({ assurance: 'open' });
	});

	it('refuses a service the vote does not have, opening nothing', () => {
		const s = setup();
		const { voteId } = makeVote(s.db, s.actor, s.engagementId, { eligibility: 'open' });
		const open = () =>
			openRound(
				s.db,
				s.actor,
				voteId,
				{ title: 'Golf club', attendance: 10, usersServiceId: 'no-such-service' },
				later(1)
			);
		expect(refusalOf(open)).toMatchObject({
			field: 'usersServiceId',
			message: "Choose one of this vote's services"
		});
		expect(s.db.select().from(voteRound).all()).toEqual([]);
	});
});
