import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { count } from '../../budget/count';
import { parsePabulib } from '../../budget/pabulib';
import { readVotePabulib } from '../../vote/pabulib';
import { auditLog, ballot, voteCount, voteResult } from '../db/schema';
import { castBallot } from './ballots';
import * as exportsTool from './exports';
import { closeVote, countRound, countVote, recount } from './results';
import { openRound, revealRound, roundTurnout } from './rounds';
import { ballotWith, makeVote, refusalOf, setup, T0 } from '../../test/vote-db';

const later = (m: number) => new Date(T0.getTime() + m * 60_000);

function withBallots(n = 30) {
	const s = setup();
	const { voteId, proposals } = makeVote(s.db, s.actor, s.engagementId, { eligibility: 'open' });
	for (let i = 0; i < n; i++)
		castBallot(
			s.db,
			{
				voteId,
				voter: { key: `participant:${i}`, assurance: 'open', codeId: null },
				channel: i % 5 === 0 ? 'paper' : 'online',
				content: ballotWith(
					{ [proposals[0]]: i % 3 ? 'want' : 'dontWant', [proposals[1]]: 'want' },
					{
						profile: {
							area: i % 2 ? 'harbour' : 'old-town',
							ageBand: null,
							segments: i < 4 ? { carers: 'yes' } : {}
						}
					}
				)
			},
			later(1 + i / 100)
		);
	return { ...s, voteId, proposals };
}

describe('counting a vote', () => {
	it('caches the count per vote state and counts again when a ballot arrives', () => {
		const { db, voteId, proposals } = withBallots();
		const cache = () => db.select().from(voteCount).get();
		const first = countVote(db, voteId, later(5));
		expect(first.ballots.total).toBe(30);
		expect(cache()).toMatchObject({ digest: first.digest, computedAt: later(5) });
		// Nothing changed: the answer is the cached one, not a new count (which would be
		// recorded as computed at minute 6).
		expect(countVote(db, voteId, later(6))).toEqual(first);
		expect(cache()?.computedAt).toEqual(later(5));
		castBallot(
			db,
			{
				voteId,
				voter: { key: 'participant:99', assurance: 'open', codeId: null },
				channel: 'online',
				content: ballotWith({ [proposals[2]]: 'want' })
			},
			later(7)
		);
		const second = countVote(db, voteId, later(8));
		expect(second.ballots.total).toBe(31);
		expect(cache()).toMatchObject({ digest: second.digest, computedAt: later(8) });
	});

	it('closes with an official count that a recount matches and no one can alter', () => {
		const { db, actor, voteId, proposals } = withBallots();
		const official = closeVote(db, actor, voteId, later(10));
		expect(db.select().from(voteResult).get()).toMatchObject({
			digest: official.digest,
			ballots: 30
		});
		expect(recount(db, actor, voteId, later(11)).matches).toBe(true);
		expect(() => db.update(voteResult).set({ digest: 'x' }).run()).toThrow(/never changed/);
		expect(() =>
			db.update(ballot).set({ marks: '{}' }).where(eq(ballot.voteId, voteId)).run()
		).toThrow(/closed/);
		expect(
			refusalOf(() =>
				castBallot(
					db,
					{
						voteId,
						voter: { key: 'participant:1', assurance: 'open', codeId: null },
						channel: 'paper',
						content: ballotWith({ [proposals[0]]: 'want' })
					},
					later(12)
				)
			)
		).toMatchObject({ field: '_', reason: 'closed' });
	});

	it('exports the official count, suppressed and audit-logged', async () => {
		const { db, actor, voteId } = withBallots();
		expect(() => exportsTool.prepareExport(db, actor, voteId, 'csv', 'Council')).toThrow(
			/close the vote first/
		);
		closeVote(db, actor, voteId, later(10));
		const data = exportsTool.prepareExport(db, actor, voteId, 'csv', 'Council', later(11));
		const csv = exportsTool.csvExport(data);
		expect(csv.startsWith('\uFEFF"rank","proposal_id"')).toBe(true);
		// Four carers are under the threshold of 10: their row is blank and marked.
		const carers = csv.split('\r\n').filter((l) => l.includes('"segment","carers"'));
		expect(carers.length).toBeGreaterThan(0);
		for (const line of carers) expect(line).toContain('suppressed (fewer than 10 ballots)');
		const json = JSON.parse(exportsTool.jsonExport(data));
		expect(json.result.digest).toBe(data.result.digest);
		expect(JSON.stringify(json)).not.toContain('participant:');
		const pb = parsePabulib(exportsTool.pabulibExport(data));
		expect(pb.votes.rows).toHaveLength(30);
		expect(pb.votes.columns.slice(0, 3)).toEqual(['voter_id', 'vote', 'dont_want']);
		// The file holds the whole counted input: it recounts to the official digest.
		expect(count(readVotePabulib(pb)).digest).toBe(data.result.digest);
		const xlsx = await exportsTool.xlsxExport(data);
		expect(xlsx.subarray(0, 2).toString()).toBe('PK');
		const logged = db.select().from(auditLog).where(eq(auditLog.action, 'vote.export.csv')).all();
		expect(logged).toHaveLength(1);
	});

	it('counts a room round on its own ballots, and reveals it once', () => {
		const { db, actor, voteId, proposals } = withBallots(3);
		const round = openRound(db, actor, voteId, { title: 'Meeting', attendance: 2 }, later(2));
		for (let i = 0; i < 2; i++)
			castBallot(
				db,
				{
					voteId,
					voter: { key: `room:${i}`, assurance: 'open', codeId: null },
					channel: 'room',
					roundId: round.id,
					content: ballotWith({ [proposals[0]]: 'want' })
				},
				later(3)
			);
		expect(roundTurnout(db, round.id)).toBe(2);
		expect(countRound(db, voteId, round.id).ballots.total).toBe(2);
		revealRound(db, actor, voteId, round.id, later(4));
		expect(countVote(db, voteId).ballots.byChannel.room).toBe(2);
	});
});
