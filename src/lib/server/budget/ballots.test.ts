import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as catalogue from '../catalogue';
import * as codes from '../codes';
import { write } from '../db/open';
import { ballot, ballotHistory, codeUse, vote } from '../db/schema';
import {
	activityKey,
	ballotProblems,
	castBallot,
	castBallotIn,
	currentBallot,
	entryFor,
	findDraft,
	findReceipt,
	saveDraft,
	type Voter
} from './ballots';
import { ballotWith, makeCode, makeVote, refusalOf, setup, T0 } from '../../test/vote-db';
import { getVote, saveRules } from './votes';
import { DEFAULT_RULES } from '../../vote/rules';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function counts(db: ReturnType<typeof setup>['db'], voteId: number) {
	return {
		ballots: db.select({ n: count() }).from(ballot).where(eq(ballot.voteId, voteId)).get()!.n,
		history: db
			.select({ n: count() })
			.from(ballotHistory)
			.where(eq(ballotHistory.voteId, voteId))
			.get()!.n
	};
}

describe('casting a ballot', () => {
	it('spends the code once, replaces the ballot on a change and keeps every version', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId);
		const { codeId } = makeCode(db, actor, engagementId);
		const voter: Voter = { key: `code:${codeId}`, assurance: 'code', codeId };
		const first = castBallot(
			db,
			{ voteId, voter, channel: 'online', content: ballotWith({ [proposals[0]]: 'dontWant' }) },
			later(1)
		);
		expect(first).toMatchObject({ version: 1, replaced: false });
		expect(codes.isCodeSpent(db, codeId, activityKey(voteId))).toBe(true);
		const second = castBallot(
			db,
			{ voteId, voter, channel: 'online', content: ballotWith({ [proposals[1]]: 'want' }) },
			later(2)
		);
		expect(second).toMatchObject({ version: 2, replaced: true });
		expect(counts(db, voteId)).toEqual({ ballots: 1, history: 2 });
		expect(currentBallot(db, voteId, voter.key)?.content.marks).toEqual({ [proposals[1]]: 'want' });
		expect(findReceipt(db, voteId, first.receipt)).toMatchObject({ current: false });
		expect(findReceipt(db, voteId, second.receipt)).toMatchObject({ current: true });
		expect(db.select({ n: count() }).from(codeUse).get()!.n).toBe(1);
	});

	it('never puts the code in the receipt', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId);
		const { code, codeId } = makeCode(db, actor, engagementId);
		const cast = castBallot(
			db,
			{
				voteId,
				voter: { key: `code:${codeId}`, assurance: 'code', codeId },
				channel: 'online',
				content: ballotWith({ [proposals[0]]: 'want' })
			},
			later(1)
		);
		expect(cast.receipt).toMatch(/^[A-Z0-9]{10}$/);
		// Not made from the code: no six characters of it in a row. Two independent draws (ten
		// and twelve characters of 23) share such a run about once in 4 million casts; a run of
		// four was shared about once in 4,400 and failed the suite by chance.
		const plain = code.replaceAll('-', '');
		for (let i = 0; i + 6 <= plain.length; i++)
			expect(cast.receipt).not.toContain(plain.slice(i, i + 6));
	});

	it('freezes the rules with the first ballot', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, { eligibility: 'open' });
		castBallot(
			db,
			{
				voteId,
				voter: { key: 'participant:1', assurance: 'open', codeId: null },
				channel: 'online',
				content: ballotWith({ [proposals[0]]: 'want' })
			},
			later(1)
		);
		expect(getVote(db, voteId)?.rulesFrozenAt).toEqual(later(1));
		expect(
			refusalOf(() => saveRules(db, actor, voteId, { ...DEFAULT_RULES, maxWants: 1 }))
		).toMatchObject({ field: '_', message: expect.stringMatching(/rules can no longer change/) });
		// Even a bug that skips the check cannot change them: the trigger refuses.
		expect(() => db.update(vote).set({ rules: '{}' }).where(eq(vote.id, voteId)).run()).toThrow(
			/frozen/
		);
	});

	const tampered: [
		string,
		(p: string[], other: string[]) => Record<string, 'want' | 'dontWant'>
	][] = [
		['an unknown proposal', () => ({ '999999': 'want' })],
		['a proposal from another vote', (_p, other) => ({ [other[0]]: 'want' })],
		['too many wants', (p) => ({ [p[0]]: 'want', [p[1]]: 'want', [p[2]]: 'want' })]
	];
	it.each(tampered)('refuses %s and writes nothing', (_name, marks) => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, {
			eligibility: 'open',
			rules: { maxWants: 2 }
		});
		const other = makeVote(db, actor, engagementId, { eligibility: 'open' });
		const result = refusalOf(() =>
			castBallot(
				db,
				{
					voteId,
					voter: { key: 'participant:7', assurance: 'open', codeId: null },
					channel: 'online',
					content: ballotWith(marks(proposals, other.proposals))
				},
				later(1)
			)
		);
		expect(result).toMatchObject({ reason: 'invalid' });
		expect(Object.keys(ballotProblems(result.params).errors)).toContain(result.field);
		expect(counts(db, voteId)).toEqual({ ballots: 0, history: 0 });
		expect(getVote(db, voteId)?.rulesFrozenAt).toBeNull();
	});

	it('refuses a ballot after the close time and after closing, writing nothing', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, { eligibility: 'open' });
		db.update(vote)
			.set({ closesAt: later(60) })
			.where(eq(vote.id, voteId))
			.run();
		const input = {
			voteId,
			voter: { key: 'participant:3', assurance: 'open' as const, codeId: null },
			channel: 'online' as const,
			content: ballotWith({ [proposals[0]]: 'want' })
		};
		expect(refusalOf(() => castBallot(db, input, later(61)))).toMatchObject({
			field: '_',
			reason: 'closed'
		});
		// Paper that arrived in time may still be keyed until staff close the vote.
		expect(castBallot(db, { ...input, channel: 'paper' }, later(61))).toMatchObject({
			version: 1
		});
		db.update(vote).set({ status: 'closed' }).where(eq(vote.id, voteId)).run();
		expect(
			refusalOf(() => castBallot(db, { ...input, channel: 'paper' }, later(62)))
		).toMatchObject({ field: '_', reason: 'closed' });
		expect(counts(db, voteId)).toEqual({ ballots: 1, history: 1 });
	});

	it('spends a code on paper so that it cannot start a second ballot online', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId);
		const { codeId } = makeCode(db, actor, engagementId);
		const content = ballotWith({ [proposals[0]]: 'want' });
		const paper = castBallot(
			db,
			{
				voteId,
				voter: { key: `code:${codeId}`, assurance: 'code', codeId },
				channel: 'paper',
				content,
				replace: false
			},
			later(1)
		);
		expect(paper.version).toBe(1);
		const uses = db.select().from(codeUse).all();
		expect(uses).toMatchObject([{ codeId, activity: `vote:${voteId}`, channel: 'paper' }]);
		// A second paper form with the same code is refused rather than replacing the first.
		expect(
			refusalOf(() =>
				castBallot(
					db,
					{
						voteId,
						voter: { key: `code:${codeId}`, assurance: 'code', codeId },
						channel: 'paper',
						content,
						replace: false
					},
					later(2)
				)
			)
		).toMatchObject({ field: '_', reason: 'codeUsed' });
		expect(counts(db, voteId)).toEqual({ ballots: 1, history: 1 });
	});
	it('takes back what the submission wrote before the ballot was refused', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, { eligibility: 'open' });
		db.update(vote).set({ status: 'closed' }).where(eq(vote.id, voteId)).run();
		const content = ballotWith({ [proposals[0]]: 'want' });
		// As the ballot's check page does: the draft is written, then the ballot cast, in one write.
		const refused = refusalOf(() =>
			write(db, (tx) => {
				saveDraft(tx, voteId, 'participant:9', content, later(1));
				castBallotIn(
					tx,
					{
						voteId,
						voter: { key: 'participant:9', assurance: 'open', codeId: null },
						channel: 'online',
						content
					},
					later(1)
				);
			})
		);
		expect(refused).toMatchObject({ reason: 'closed' });
		expect(findDraft(db, voteId, 'participant:9', later(1))).toBeUndefined();
		expect(counts(db, voteId)).toEqual({ ballots: 0, history: 0 });
	});
});

describe('who may vote', () => {
	it('asks for a code when the vote takes codes only, in a room round too', () => {
		const { db, actor, engagementId } = setup();
		const { voteId } = makeVote(db, actor, engagementId, { eligibility: 'codes' });
		const v = getVote(db, voteId)!;
		const p = codes.createParticipant(db, T0);
		const participant = codes.findParticipant(db, p.token);
		expect(entryFor(db, v, { participant })).toEqual({ allowed: false, reason: 'needCode' });
		expect(entryFor(db, v, { participant, roundId: 1 })).toEqual({
			allowed: false,
			reason: 'needCode'
		});
		const { codeId } = makeCode(db, actor, engagementId);
		codes.attachCode(db, p.id, codeId);
		const withCode = codes.findParticipant(db, p.token);
		expect(entryFor(db, v, { participant: withCode })).toMatchObject({
			allowed: true,
			voter: { key: `code:${codeId}`, assurance: 'code' }
		});
		expect(entryFor(db, v, { participant: withCode, roundId: 1 })).toMatchObject({
			allowed: true,
			channel: 'room',
			voter: { key: `code:${codeId}`, assurance: 'code' }
		});
	});

	it('does not take a code once it is spoiled, or a code from another engagement', () => {
		const { db, actor, engagementId } = setup();
		const { voteId } = makeVote(db, actor, engagementId, { eligibility: 'codes' });
		const v = getVote(db, voteId)!;
		const holder = (codeId: number) => {
			const p = codes.createParticipant(db, T0);
			codes.attachCode(db, p.id, codeId);
			return codes.findParticipant(db, p.token);
		};
		// The browser had the code before its letter was reported lost and the code spoiled.
		const { code, codeId } = makeCode(db, actor, engagementId);
		const participant = holder(codeId);
		expect(entryFor(db, v, { participant })).toMatchObject({ allowed: true });
		codes.spoilCode(db, actor, code, T0);
		expect(entryFor(db, v, { participant })).toEqual({ allowed: false, reason: 'needCode' });
		expect(entryFor(db, v, { participant, roundId: 1 })).toEqual({
			allowed: false,
			reason: 'needCode'
		});
		const other = catalogue.createEngagement(db, actor, {
			title: 'Libraries',
			serviceId: 'libraries'
		});
		const foreign = makeCode(db, actor, other);
		expect(entryFor(db, v, { participant: holder(foreign.codeId) })).toEqual({
			allowed: false,
			reason: 'needCode'
		});
	});

	it('keys an open vote by the browser, and a kiosk by a fresh key each time', () => {
		const { db, actor, engagementId } = setup();
		const { voteId } = makeVote(db, actor, engagementId, { eligibility: 'open' });
		const v = getVote(db, voteId)!;
		const p = codes.createParticipant(db, T0);
		const participant = codes.findParticipant(db, p.token);
		expect(entryFor(db, v, { participant })).toMatchObject({
			allowed: true,
			voter: { key: `participant:${p.id}`, assurance: 'open' }
		});
		const a = entryFor(db, v, { kioskId: 4 });
		const b = entryFor(db, v, { kioskId: 4 });
		if (!a.allowed || !b.allowed) throw new Error('refused');
		expect(a.voter?.key).not.toEqual(b.voter?.key);
		expect(a.draftKey).toBe('kiosk:4');
	});

	it('forgets a kiosk draft that was left for more than ten minutes', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, { eligibility: 'open' });
		saveDraft(db, voteId, 'kiosk:1', ballotWith({ [proposals[0]]: 'want' }), T0);
		expect(findDraft(db, voteId, 'kiosk:1', later(5))).toBeDefined();
		expect(findDraft(db, voteId, 'kiosk:1', later(11))).toBeUndefined();
	});
});

describe('a code used on paper or in a meeting', () => {
	it('is spent there: it cannot change the ballot online', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId);
		const { codeId } = makeCode(db, actor, engagementId);
		const voter: Voter = { key: `code:${codeId}`, assurance: 'code', codeId };
		const content = ballotWith({ [proposals[0]]: 'want' });
		expect(
			castBallot(db, { voteId, voter, channel: 'room', roundId: null, content }, later(1))
		).toMatchObject({ version: 1 });
		expect(castBallot(db, { voteId, voter, channel: 'room', content }, later(2))).toMatchObject({
			version: 2
		});
		expect(
			refusalOf(() => castBallot(db, { voteId, voter, channel: 'online', content }, later(3)))
		).toMatchObject({ field: '_', reason: 'codeUsed' });
		expect(counts(db, voteId)).toEqual({ ballots: 1, history: 2 });
	});
});
