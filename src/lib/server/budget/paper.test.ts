import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, ballot, codeUse, paperEntry } from '../db/schema';
import { ballotProblems } from './ballots';
import { keyPaperBallot, listPaper, paperSummary, type PaperKeying } from './paper';
import {
	ballotWith,
	makeCode,
	makeUsersVote,
	makeVote,
	refusalOf,
	setup,
	T0
} from '../../test/vote-db';

function keyers() {
	const s = setup();
	return {
		...s,
		first: { ...s.actor, id: s.actor.id! },
		second: { ...s.actor2, id: s.actor2.id! }
	};
}

describe('double entry of paper ballots', () => {
	it('counts a ballot when two different people key it the same', () => {
		const { db, first, second, engagementId } = keyers();
		const { voteId, proposals } = makeVote(db, first, engagementId, { eligibility: 'open' });
		const keying = {
			serial: 'P1',
			codeId: null,
			spoilt: false,
			content: ballotWith({ [proposals[0]]: 'want' })
		};
		expect(keyPaperBallot(db, first, voteId, keying, T0)).toMatchObject({
			status: 'awaitingSecond',
			stage: 'first'
		});
		expect(refusalOf(() => keyPaperBallot(db, first, voteId, keying, T0))).toMatchObject({
			field: 'serial',
			message: expect.stringMatching(/a different member of staff must key it/)
		});
		expect(keyPaperBallot(db, second, voteId, keying, T0)).toMatchObject({
			status: 'counted',
			stage: 'second'
		});
		expect(db.select({ n: count() }).from(ballot).where(eq(ballot.voteId, voteId)).get()!.n).toBe(
			1
		);
		expect(refusalOf(() => keyPaperBallot(db, second, voteId, keying, T0))).toMatchObject({
			field: 'serial',
			message: expect.stringMatching(/already been entered/)
		});
	});

	it('reports a mismatch and counts the third keying', () => {
		const { db, first, second, engagementId } = keyers();
		const { voteId, proposals } = makeVote(db, first, engagementId, { eligibility: 'open' });
		const a = {
			serial: 'P2',
			codeId: null,
			spoilt: false,
			content: ballotWith({ [proposals[0]]: 'want' })
		};
		const b = { ...a, content: ballotWith({ [proposals[0]]: 'dontWant' }) };
		keyPaperBallot(db, first, voteId, a, T0);
		expect(keyPaperBallot(db, second, voteId, b, T0)).toEqual({
			status: 'mismatch',
			stage: 'second',
			differences: [`mark-${proposals[0]}`]
		});
		expect(listPaper(db, voteId)).toMatchObject([{ serial: 'P2', status: 'mismatch' }]);
		expect(db.select({ n: count() }).from(ballot).get()!.n).toBe(0);
		expect(keyPaperBallot(db, first, voteId, a, T0)).toMatchObject({
			status: 'counted',
			stage: 'resolution'
		});
		expect(paperSummary(db, voteId)).toEqual({
			awaitingSecond: 0,
			counted: 1,
			spoilt: 0,
			mismatch: 0
		});
		expect(db.select({ n: count() }).from(paperEntry).get()!.n).toBe(3);
	});

	it('spends the code on the paper channel and refuses a second paper with it, writing nothing', () => {
		const { db, first, second, engagementId } = keyers();
		const { voteId, proposals } = makeVote(db, first, engagementId);
		const { codeId } = makeCode(db, first, engagementId);
		const k = (serial: string) => ({
			serial,
			codeId,
			spoilt: false,
			content: ballotWith({ [proposals[1]]: 'want' })
		});
		keyPaperBallot(db, first, voteId, k('P3'), T0);
		keyPaperBallot(db, second, voteId, k('P3'), T0);
		expect(db.select().from(codeUse).all()).toMatchObject([{ codeId, channel: 'paper' }]);
		keyPaperBallot(db, first, voteId, k('P4'), T0);
		const entries = () => db.select({ n: count() }).from(paperEntry).get()!.n;
		const before = entries();
		// The second keying is written before the vote refuses the ballot: it is taken back.
		expect(refusalOf(() => keyPaperBallot(db, second, voteId, k('P4'), T0))).toMatchObject({
			field: '_',
			reason: 'codeUsed',
			message: expect.stringMatching(/already voted/)
		});
		expect(entries()).toBe(before);
		expect(listPaper(db, voteId).find((p) => p.serial === 'P4')?.status).toBe('awaitingSecond');
	});

	it('records a spoilt paper without counting it', () => {
		const { db, first, second, engagementId } = keyers();
		const { voteId } = makeVote(db, first, engagementId, { eligibility: 'open' });
		const spoilt = { serial: 'P5', codeId: null, spoilt: true, content: ballotWith({}) };
		keyPaperBallot(db, first, voteId, spoilt, T0);
		expect(keyPaperBallot(db, second, voteId, spoilt, T0)).toMatchObject({ status: 'spoilt' });
		expect(db.select({ n: count() }).from(ballot).get()!.n).toBe(0);
	});
});

describe('a checked user keyed from paper', () => {
	function checkedVote() {
		const k = keyers();
		return { ...k, ...makeUsersVote(k.db, k.first, k.engagementId) };
	}
	const ballots = (db: ReturnType<typeof setup>['db']) => db.select().from(ballot).all();
	/** A keying of a checked user of adult social care; `extra` changes any field. */
	const checked = (
		serial: string,
		content: PaperKeying['content'],
		extra: Partial<PaperKeying> = {}
	): PaperKeying => ({
		serial,
		codeId: null,
		spoilt: false,
		content,
		checkedServiceId: 'adult-social-care',
		...extra
	});

	it('is counted, once both keyings agree, as an assured, verified user who uses the service', () => {
		const { db, first, second, voteId, saving } = checkedVote();
		// The paper says "No" to the use question: the check implies use all the same.
		const keying = checked(
			'C1',
			ballotWith({ [saving]: 'dontWant' }, { notUses: ['adult-social-care'] })
		);
		keyPaperBallot(db, first, voteId, keying, T0);
		expect(ballots(db)).toEqual([]);
		expect(keyPaperBallot(db, second, voteId, keying, T0)).toMatchObject({ status: 'counted' });
		expect(ballots(db)).toMatchObject([
			{
				channel: 'paper',
				assurance: 'checked',
				uses: '["adult-social-care"]',
				verifiedUses: '["adult-social-care"]'
			}
		]);
	});

	it('is part of the keying: keyings that differ on it are a mismatch, settled by a third', () => {
		const { db, first, second, voteId, saving } = checkedVote();
		const a = checked('C2', ballotWith({ [saving]: 'dontWant' }));
		keyPaperBallot(db, first, voteId, a, T0);
		expect(keyPaperBallot(db, second, voteId, { ...a, checkedServiceId: null }, T0)).toEqual({
			status: 'mismatch',
			stage: 'second',
			differences: ['checked']
		});
		expect(ballots(db)).toEqual([]);
		keyPaperBallot(db, second, voteId, a, T0);
		expect(ballots(db)).toMatchObject([{ assurance: 'checked' }]);
	});

	it('with a code stays a code ballot, verified for the checked service too', () => {
		const { db, first, second, engagementId, voteId, saving } = checkedVote();
		const { codeId } = makeCode(db, first, engagementId);
		const keying = checked('C3', ballotWith({ [saving]: 'want' }), { codeId });
		keyPaperBallot(db, first, voteId, keying, T0);
		keyPaperBallot(db, second, voteId, keying, T0);
		expect(ballots(db)).toMatchObject([
			{ assurance: 'code', verifiedUses: '["adult-social-care"]' }
		]);
	});

	it.each([
		['on a spoilt paper', { spoilt: true, checkedServiceId: 'adult-social-care' }, /spoilt/],
		['of a service not in the vote', { checkedServiceId: 'parks' }, /this vote’s services/],
		['of no such service', { checkedServiceId: 'no-such-service' }, /this vote’s services/]
	])('is refused %s, and nothing is written', (_, change, message) => {
		const { db, first, voteId, saving } = checkedVote();
		const keying = checked('C4', ballotWith({ [saving]: 'want' }), change);
		expect(refusalOf(() => keyPaperBallot(db, first, voteId, keying, T0))).toMatchObject({
			field: 'checked',
			message: expect.stringMatching(message)
		});
		expect(db.select().from(paperEntry).all()).toEqual([]);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'vote.paper.first')).all()).toEqual(
			[]
		);
	});
});

describe('a paper ballot over the limits', () => {
	it.each([
		['Want', { 0: 'want', 1: 'want' }, 'wants'],
		['Don’t want', { 0: 'dontWant', 2: 'dontWant' }, 'dontWants']
	] as const)(
		'marked %s too often is refused at the first keying, beside the marks, and nothing is written',
		(mark, marks, field) => {
			const { db, first, engagementId } = keyers();
			const { voteId, proposals } = makeVote(db, first, engagementId, {
				eligibility: 'open',
				rules: { maxWants: 1, maxDontWants: 1 }
			});
			const content = ballotWith(
				Object.fromEntries(Object.entries(marks).map(([i, m]) => [proposals[Number(i)], m]))
			);
			const refused = refusalOf(() =>
				keyPaperBallot(
					db,
					first,
					voteId,
					{ serial: 'L1', codeId: null, spoilt: false, content },
					T0
				)
			);
			expect(refused).toMatchObject({ field, reason: 'invalid' });
			// The ballot's problems travel with the refusal, as the online ballot's do.
			expect(ballotProblems(refused.params).limits[field as 'wants' | 'dontWants']).toEqual({
				count: 2,
				max: 1
			});
			expect(refused.message).toBe(
				`2 proposals are marked ${mark}, but the rules allow 1: check it with the paper, or tick “Spoilt”`
			);
			expect(db.select().from(paperEntry).all()).toEqual([]);
			expect(
				db
					.select()
					.from(auditLog)
					.all()
					.filter((a) => a.action.startsWith('vote.paper'))
			).toEqual([]);
		}
	);

	it('is recorded when the keyer ticks it spoilt (its marks are not kept)', () => {
		const { db, first, engagementId } = keyers();
		const { voteId, proposals } = makeVote(db, first, engagementId, {
			eligibility: 'open',
			rules: { maxWants: 1 }
		});
		const content = ballotWith({ [proposals[0]]: 'want', [proposals[1]]: 'want' });
		expect(
			keyPaperBallot(db, first, voteId, { serial: 'L2', codeId: null, spoilt: true, content }, T0)
		).toMatchObject({ status: 'awaitingSecond' });
	});
});
