import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../test/db';
import { ballot, ballotHistory, codeUse, paperEntry, vote } from '../db/schema';
import { seedIfEmpty } from '../seed';
import { countVote, officialResult, recount } from './results';
import { DEMO_OPEN_VOTE_TITLE, DEMO_VOTE_TITLE } from './seed';

describe('the demo votes', () => {
	it('seed a closed vote where protection saves the day centres, and an open vote', async () => {
		const db = testDb();
		const started = performance.now();
		await seedIfEmpty(db);
		const took = performance.now() - started;
		const closed = db.select().from(vote).where(eq(vote.title, DEMO_VOTE_TITLE)).get()!;
		expect(closed.status).toBe('closed');
		const n = db.select({ n: count() }).from(ballot).where(eq(ballot.voteId, closed.id)).get()!.n;
		expect(n).toBeGreaterThan(1400);
		expect(n).toBeLessThan(1600);
		const byChannel = countVote(db, closed.id);
		expect(Object.values(byChannel.ballots.byChannel).every((c) => c > 50)).toBe(true);
		const r = byChannel;
		const find = (title: string) => r.proposals.find((p) => p.title.startsWith(title))!;
		// Day centres: protected by verified users (membership "verified") and disabled residents.
		expect(r.rules.protection.membership).toBe('verified');
		const dc = find('Close two day centres');
		expect(dc.decision).toBe('protected');
		expect(dc.majorityDecision).toBe('accept');
		expect(dc.protectedBy).toEqual(expect.arrayContaining(['users', 'disabled']));
		// Users are the ballots cast with the provider's service-user codes, and only those.
		const users = dc.protection.find((f) => f.group === 'users')!;
		expect(users.ballots).toBe(60);
		// Golf: older residents against it are flagged, not protected.
		const golf = find('End the golf course subsidy');
		expect(golf.decision).toBe('accept');
		expect(golf.flagged).toEqual(['older']);
		// Community transport: too close to call.
		const transport = find('Run community transport');
		expect(transport.decision).toBe('marginal');
		expect(transport.marginalBy).toEqual(['older']);
		// The target is missed: members get the override order, marginal first.
		expect(r.shortfall).toBeGreaterThan(0);
		expect(r.overrideOrder.map((o) => o.id)).toEqual([transport.id, dc.id]);
		expect(r.majority.shortfall).toBe(0);
		expect(officialResult(db, closed.id)?.digest).toBe(byChannel.digest);
		expect(recount(db, { id: null, email: 'test' }, closed.id).matches).toBe(true);
		expect(db.select({ n: count() }).from(ballotHistory).get()!.n).toBeGreaterThan(n);
		expect(db.select({ n: count() }).from(paperEntry).get()!.n).toBeGreaterThan(500);
		expect(
			db.select({ n: count() }).from(codeUse).where(eq(codeUse.channel, 'paper')).get()!.n
		).toBeGreaterThan(100);
		const open = db.select().from(vote).where(eq(vote.title, DEMO_OPEN_VOTE_TITLE)).get()!;
		expect(open.status).toBe('open');
		// Letters for the libraries engagement open it; anyone else can vote too.
		expect(open.eligibility).toBe('both');
		console.log(`seed took ${Math.round(took)} ms; ${n} ballots`);
	});
});
