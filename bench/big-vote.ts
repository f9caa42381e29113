/** A large closed vote for benchmarks (the vote's results page, the report's exports). */
import { count as countAll, eq } from 'drizzle-orm';
import { mulberry32 } from '../src/lib/random/prng';
import { openDatabase } from '../src/lib/server/db/open';
import { ballotHistory, proposal, vote } from '../src/lib/server/db/schema';

/**
 * Writes a closed vote of `ballots` deterministic ballots (12 proposals, a seeded PRNG) straight
 * into the database, for benchmarks of what reads a large vote. Returns the vote's id.
 */
export function makeBigVote(databaseUrl: string, ballots = 100_000, engagementId = 1): number {
	const db = openDatabase(databaseUrl);
	const rng = mulberry32(7);
	const now = new Date();
	const voteId = db.transaction((tx) => {
		const id = tx
			.insert(vote)
			.values({
				engagementId,
				title: `Bench: ${ballots.toLocaleString('en-GB')} ballots`,
				status: 'open',
				rules: JSON.stringify({
					maxWants: 0,
					maxDontWants: 0,
					developmentBudget: 200_000_00,
					savingsTarget: 1_000_000_00,
					method: 'protected',
					protection: { minGroup: 20, threshold: 0.5, margin: 0.2 },
					weighting: 'none'
				}),
				eligibility: 'open',
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: vote.id })
			.get().id;
		const services = ['adult-social-care', 'libraries', 'waste', 'highways', 'parks', 'youth'];
		const pids: string[] = [];
		for (let i = 0; i < 12; i++)
			pids.push(
				String(
					tx
						.insert(proposal)
						.values({
							voteId: id,
							position: i + 1,
							title: `Proposal ${i + 1}`,
							kind: i % 3 === 2 ? 'development' : 'saving',
							amount: (50 + i * 25) * 1000_00,
							serviceId: services[i % services.length],
							affects: JSON.stringify(i === 0 ? ['disabled', 'carers'] : i === 4 ? ['older'] : []),
							createdAt: now
						})
						.returning({ id: proposal.id })
						.get().id
				)
			);
		const areas = ['harbour', 'old-town', 'northgate', 'westcliff', 'millbrook', 'eastfield'];
		const bands = ['16-24', '25-34', '35-49', '50-64', '65-74', '75+'];
		const segs = ['disabled', 'carers', 'parents', 'older', 'young'];
		const insertBallot = db.$client.prepare(
			`insert into ballot (vote_id, voter_key, receipt, version, channel, assurance, marks, uses, area, age_band, segments, first_at, updated_at)
			 values (?, ?, ?, 1, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`
		);
		const insertHistory = db.$client.prepare(
			`insert into ballot_history (ballot_id, vote_id, version, receipt, channel, assurance, marks, uses, area, age_band, segments, submitted_at)
			 values (?, ?, 1, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`
		);
		const channels = ['online', 'online', 'online', 'paper', 'room', 'kiosk'];
		for (let b = 0; b < ballots; b++) {
			const marks: Record<string, string> = {};
			for (const p of pids) {
				const r = rng();
				if (r < 0.3) marks[p] = 'want';
				else if (r < 0.5) marks[p] = 'dontWant';
			}
			// Service use is per service (counting rules version 2), as the ballot asks it.
			const uses = services.filter(() => rng() < 0.1);
			const segments = segs.filter(() => rng() < 0.12);
			const receipt = `B${String(b).padStart(9, '0')}`;
			const args = [
				channels[Math.floor(rng() * channels.length)],
				JSON.stringify(marks),
				JSON.stringify(uses),
				rng() < 0.9 ? areas[Math.floor(rng() * areas.length)] : null,
				rng() < 0.85 ? bands[Math.floor(rng() * bands.length)] : null,
				JSON.stringify(segments)
			];
			const row = insertBallot.run(
				id,
				`bench:${b}`,
				receipt,
				...args,
				now.getTime(),
				now.getTime()
			);
			insertHistory.run(row.lastInsertRowid, id, receipt, ...args, now.getTime());
		}
		tx.update(vote)
			.set({ status: 'closed', rulesFrozenAt: now, closesAt: now })
			.where(eq(vote.id, id))
			.run();
		return id;
	});
	const n = db
		.select({ n: countAll() })
		.from(ballotHistory)
		.where(eq(ballotHistory.voteId, voteId))
		.get()!.n;
	db.$client.close();
	console.log(`\nMade a closed vote of ${n.toLocaleString('en-GB')} ballots (12 proposals).`);
	return voteId;
}
