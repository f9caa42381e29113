import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, ballot, ballotHistory, codeUse, vote } from '../db/schema';
import { castAssisted, type AssistedBallot } from './assisted';
import { reconcile } from './results';
import {
	ballotWith,
	makeCode,
	makeUsersVote,
	makeVote,
	refusalOf,
	setup,
	T0
} from '../../test/vote-db';

function staffOf(s: ReturnType<typeof setup>) {
	return { ...s.actor, id: s.actor.id! };
}

/** An open vote of three proposals, at most one Want and one Don't want per ballot. */
function limitedVote() {
	const s = setup();
	const made = makeVote(s.db, s.actor, s.engagementId, {
		eligibility: 'both',
		rules: { maxWants: 1, maxDontWants: 1 }
	});
	return { ...s, ...made, staff: staffOf(s) };
}

function entry(content: AssistedBallot['content'], extra: Partial<AssistedBallot> = {}) {
	return { helper: 'staff' as const, identityChecked: true, codeId: null, content, ...extra };
}

/** Everything a refused entry must leave untouched. */
function written(db: ReturnType<typeof setup>['db']) {
	return {
		ballots: db.select().from(ballot).all().length,
		history: db.select().from(ballotHistory).all().length,
		codeUses: db.select().from(codeUse).all().length,
		audit: db.select().from(auditLog).where(eq(auditLog.action, 'vote.assisted')).all().length
	};
}

describe('assisted voting', () => {
	it('counts a ballot staff entered with the voter like a paper ballot, flagged on it and its history', () => {
		const { db, staff, voteId, proposals } = limitedVote();
		const { assurance } = castAssisted(
			db,
			staff,
			voteId,
			entry(ballotWith({ [proposals[0]]: 'want' })),
			T0
		);
		expect(assurance).toBe('checked');
		expect(db.select().from(ballot).all()).toMatchObject([
			{
				channel: 'paper',
				assurance: 'checked',
				assisted: 'staff',
				marks: `{"${proposals[0]}":"want"}`
			}
		]);
		expect(db.select().from(ballotHistory).all()).toMatchObject([
			{ channel: 'paper', assisted: 'staff', enteredBy: staff.id }
		]);
	});

	it('audit-logs who entered it and who helped, never the marks', () => {
		const { db, staff, voteId, proposals } = limitedVote();
		castAssisted(
			db,
			staff,
			voteId,
			entry(ballotWith({ [proposals[0]]: 'dontWant' }), { helper: 'supporter' }),
			T0
		);
		const [logged] = db.select().from(auditLog).where(eq(auditLog.action, 'vote.assisted')).all();
		expect(logged).toMatchObject({ actorEmail: staff.email, entityId: String(voteId) });
		expect(JSON.parse(logged.after!)).toEqual({
			helper: 'supporter',
			assurance: 'checked',
			code: false
		});
		expect(logged.after).not.toContain('dontWant');
	});

	it('is open (lower assurance) when staff did not check who the voter is and there is no code', () => {
		const { db, staff, voteId, proposals } = limitedVote();
		const cast = castAssisted(
			db,
			staff,
			voteId,
			entry(ballotWith({ [proposals[1]]: 'want' }), {
				identityChecked: false,
				helper: 'supporter'
			}),
			T0
		);
		expect(cast.assurance).toBe('open');
		expect(reconcile(db, voteId).assisted).toEqual([
			{ helper: 'supporter', assurance: 'open', n: 1 }
		]);
	});

	it('spends a code on paper, and refuses the same code again, writing nothing', () => {
		const { db, staff, voteId, proposals, engagementId } = limitedVote();
		const { codeId } = makeCode(db, staff, engagementId);
		const withCode = entry(ballotWith({ [proposals[0]]: 'want' }), { codeId });
		expect(castAssisted(db, staff, voteId, withCode, T0).assurance).toBe('code');
		expect(db.select().from(codeUse).all()).toMatchObject([{ codeId, channel: 'paper' }]);
		const before = written(db);
		expect(refusalOf(() => castAssisted(db, staff, voteId, withCode, T0))).toMatchObject({
			field: 'code',
			reason: 'codeUsed',
			message: expect.stringMatching(/already voted/)
		});
		expect(written(db)).toEqual(before);
	});

	it.each([
		[
			'Wants',
			'wants',
			{ 0: 'want', 1: 'want' },
			/2 proposals are marked Want, but the rules allow 1/
		],
		[
			"Don't wants",
			'dontWants',
			{ 0: 'dontWant', 2: 'dontWant' },
			/2 proposals are marked Don’t want, but the rules allow 1/
		]
	] as const)(
		'refuses more %s than the limit beside the marks, and writes nothing',
		(_, field, marks, message) => {
			const { db, staff, voteId, proposals, engagementId } = limitedVote();
			const { codeId } = makeCode(db, staff, engagementId);
			const content = ballotWith(
				Object.fromEntries(Object.entries(marks).map(([i, m]) => [proposals[Number(i)], m]))
			);
			const refused = refusalOf(() =>
				castAssisted(db, staff, voteId, entry(content, { codeId }), T0)
			);
			expect(refused).toMatchObject({
				field,
				reason: 'invalid',
				message: expect.stringMatching(message)
			});
			expect(written(db)).toEqual({ ballots: 0, history: 0, codeUses: 0, audit: 0 });
			expect(db.select().from(vote).where(eq(vote.id, voteId)).get()!.rulesFrozenAt).toBeNull();
		}
	);

	it('records a checked user only with a checked identity or a code', () => {
		const s = setup();
		const staff = staffOf(s);
		const { voteId, saving } = makeUsersVote(s.db, s.actor, s.engagementId);
		const content = ballotWith({ [saving]: 'dontWant' });
		const checked = { checkedServiceId: 'adult-social-care' };
		expect(
			refusalOf(() =>
				castAssisted(
					s.db,
					staff,
					voteId,
					entry(content, { ...checked, identityChecked: false }),
					T0
				)
			)
		).toMatchObject({ field: 'checked', message: expect.stringMatching(/checked identity/) });
		expect(
			refusalOf(() =>
				castAssisted(s.db, staff, voteId, entry(content, { checkedServiceId: 'parks' }), T0)
			)
		).toMatchObject({ field: 'checked', message: expect.stringMatching(/this vote’s services/) });
		expect(written(s.db)).toEqual({ ballots: 0, history: 0, codeUses: 0, audit: 0 });
		castAssisted(s.db, staff, voteId, entry(content, checked), T0);
		expect(s.db.select().from(ballot).all()).toMatchObject([
			{ assurance: 'checked', verifiedUses: '["adult-social-care"]', uses: '["adult-social-care"]' }
		]);
	});

	it('is taken only while the vote is open: the voter is there, so nothing is late', () => {
		const s = setup();
		const staff = staffOf(s);
		const draft = makeVote(s.db, s.actor, s.engagementId, { open: false });
		expect(
			refusalOf(() => castAssisted(s.db, staff, draft.voteId, entry(ballotWith({})), T0))
		).toMatchObject({ field: '_', message: expect.stringMatching(/not open yet/) });
		const open = makeVote(s.db, s.actor, s.engagementId);
		s.db
			.update(vote)
			.set({ closesAt: new Date(T0.getTime() + 1000) })
			.where(eq(vote.id, open.voteId))
			.run();
		const later = new Date(T0.getTime() + 60_000);
		expect(
			refusalOf(() => castAssisted(s.db, staff, open.voteId, entry(ballotWith({})), later))
		).toMatchObject({ field: '_', message: expect.stringMatching(/Voting has ended/) });
		expect(written(s.db)).toEqual({ ballots: 0, history: 0, codeUses: 0, audit: 0 });
	});

	it('keeps each voter helped without a code apart: two in a row are two ballots', () => {
		const { db, staff, voteId, proposals } = limitedVote();
		castAssisted(db, staff, voteId, entry(ballotWith({ [proposals[0]]: 'want' })), T0);
		castAssisted(db, staff, voteId, entry(ballotWith({ [proposals[1]]: 'want' })), T0);
		const keys = db.select({ key: ballot.voterKey }).from(ballot).all();
		expect(keys).toHaveLength(2);
		expect(new Set(keys.map((k) => k.key)).size).toBe(2);
	});

	it('cannot be changed afterwards: who helped is append-only in the history', () => {
		const { db, staff, voteId, proposals } = limitedVote();
		castAssisted(db, staff, voteId, entry(ballotWith({ [proposals[0]]: 'want' })), T0);
		expect(() => db.update(ballotHistory).set({ assisted: 'supporter' }).run()).toThrow(
			/append-only/
		);
		db.update(vote).set({ status: 'closed' }).where(eq(vote.id, voteId)).run();
		expect(() => db.update(ballot).set({ assisted: null }).run()).toThrow(/the vote is closed/);
	});
});
