/**
 * Counting a vote from its stored ballots: the count's input built from rows (identical ballots
 * grouped by SQL, so 100,000 ballots arrive as a few thousand distinct ones), the count cached
 * per vote state (the last ballot version, the rules and proposals), closing a vote with its
 * official count recorded, and recounts checked against that record.
 */
import { and, eq, isNull, max, sql } from 'drizzle-orm';
import { count as runCount } from '../../budget/count';
import { publishableInput } from '../../budget/publishable';
import { sha256Hex } from '../../hash/sha256';
import type {
	Ballot,
	Channel,
	CountInput,
	CountResult,
	GroupTotals,
	PopulationCell,
	Proposal,
	Rules,
	Segment
} from '../../budget/types';
import * as audit from '../audit';
import * as retention from '../retention';
import { write, type DB } from '../db/open';
import {
	areaPopulation,
	ballot,
	ballotHistory,
	codeBatch,
	codeUse,
	participationCode,
	segment,
	vote,
	voteCount,
	voteKiosk,
	voteResult
} from '../db/schema';
import { closeOpenRounds, listVoids, voidCount } from './rounds';
import { Refusal } from '../command-refusal';
import { getVote, listProposals, type Vote } from './votes';

/** The vote's proposals as the count sees them (ids are the database ids, as strings). */
export function countProposals(db: DB, voteId: number): Proposal[] {
	return listProposals(db, voteId).map((p) => ({
		id: String(p.id),
		title: p.title,
		kind: p.kind,
		amount: p.amount,
		service: p.serviceId,
		affects: p.affects
	}));
}

/** Every segment, archived ones included: an old ballot may name one. */
export function countSegments(db: DB): Segment[] {
	return db
		.select({ id: segment.id, label: segment.label })
		.from(segment)
		.orderBy(segment.id)
		.all();
}

/** The catalogue's population table as the rules' population rows (cells: area and age band). */
function populationCells(db: DB): PopulationCell[] {
	return db
		.select()
		.from(areaPopulation)
		.all()
		.map((r) => ({ area: r.areaId, ageBand: r.ageBand, count: r.count }))
		.filter((r) => r.count > 0);
}

/** Current ballots that count (not voided), identical ones grouped with their count. */
export function* groupedBallots(db: DB, voteId: number, roundId?: number): Generator<Ballot> {
	const rows = db
		.select({
			marks: ballot.marks,
			uses: ballot.uses,
			verifiedUses: ballot.verifiedUses,
			segments: ballot.segments,
			area: ballot.area,
			ageBand: ballot.ageBand,
			channel: ballot.channel,
			assurance: ballot.assurance,
			n: sql<number>`count(*)`
		})
		.from(ballot)
		.where(
			and(
				eq(ballot.voteId, voteId),
				isNull(ballot.voidedAt),
				roundId === undefined ? undefined : eq(ballot.roundId, roundId)
			)
		)
		.groupBy(
			ballot.marks,
			ballot.uses,
			ballot.verifiedUses,
			ballot.segments,
			ballot.area,
			ballot.ageBand,
			ballot.channel,
			ballot.assurance
		)
		.all();
	for (const r of rows)
		yield {
			marks: JSON.parse(r.marks),
			uses: JSON.parse(r.uses),
			verifiedUses: JSON.parse(r.verifiedUses),
			segments: JSON.parse(r.segments),
			area: r.area,
			ageBand: r.ageBand,
			channel: r.channel as Channel,
			assured: r.assurance !== 'open',
			count: r.n
		};
}

/** The vote's rules as the count takes them: with the population table when weighting is on. */
export function countRules(db: DB, v: Vote): Rules {
	return v.rules.weighting === 'population'
		? { ...v.rules, population: populationCells(db) }
		: v.rules;
}

export function countInput(db: DB, v: Vote, roundId?: number): CountInput & { ballots: Ballot[] } {
	// The official count is of the publishable input (every group as totals, nobody's answers
	// per ballot), so its digest is the one anyone gets by recounting the open data
	// (budget/publishable.ts). Once the result is recorded the groups come from the record, as
	// special-category answers have by then been removed from the ballots (retention.ts).
	const recorded = roundId === undefined ? officialResult(db, v.id)?.groups : null;
	const ballots = [...groupedBallots(db, v.id, roundId)];
	return publishableInput({
		proposals: countProposals(db, v.id),
		segments: countSegments(db),
		ballots: recorded
			? ballots.map((b) => ({ ...b, uses: [], verifiedUses: [], segments: [] }))
			: ballots,
		rules: countRules(db, v),
		...(recorded ? { groups: JSON.parse(recorded) as GroupTotals[] } : {})
	});
}

/**
 * What a count depends on, cheaply: the last ballot version, the voided rounds, the rules,
 * proposals and segments.
 */
function stateKey(db: DB, v: Vote): string {
	const last = db
		.select({ id: max(ballotHistory.id) })
		.from(ballotHistory)
		.where(eq(ballotHistory.voteId, v.id))
		.get()?.id;
	const basis = JSON.stringify([
		last ?? 0,
		voidCount(db, v.id),
		countRules(db, v),
		countProposals(db, v.id),
		countSegments(db)
	]);
	return sha256Hex(basis);
}

export type Sample = ReturnType<typeof sampleAgainstPopulation>;

/**
 * The count of a vote as it stands, with the sample against the population, from the cache when
 * nothing has changed since it was last counted. The count is a pure function of the ballots and
 * rules, so serving it from the cache is the same as counting again.
 */
export function cachedCount(
	db: DB,
	voteId: number,
	now = new Date()
): { result: CountResult; sample: Sample } {
	const v = getVote(db, voteId);
	if (!v) throw new Refusal('_', 'That vote no longer exists');
	const key = stateKey(db, v);
	const cached = db.select().from(voteCount).where(eq(voteCount.voteId, v.id)).get();
	if (cached && cached.stateKey === key) return JSON.parse(cached.result);
	const counted = {
		result: runCount(countInput(db, v)),
		sample: sampleAgainstPopulation(db, v.id)
	};
	const row = {
		stateKey: key,
		result: JSON.stringify(counted),
		digest: counted.result.digest,
		computedAt: now
	};
	db.insert(voteCount)
		.values({ voteId: v.id, ...row })
		.onConflictDoUpdate({ target: voteCount.voteId, set: row })
		.run();
	return counted;
}

/** The count of a vote as it stands (cached; see `cachedCount`). */
export function countVote(db: DB, voteId: number, now = new Date()): CountResult {
	return cachedCount(db, voteId, now).result;
}

/** A room round's own count (its ballots only), for the projector. Small: never cached. */
export function countRound(db: DB, voteId: number, roundId: number): CountResult {
	const v = getVote(db, voteId);
	if (!v) throw new Refusal('_', 'That vote no longer exists');
	return runCount(countInput(db, v, roundId));
}

export function officialResult(db: DB, voteId: number) {
	return db.select().from(voteResult).where(eq(voteResult.voteId, voteId)).get();
}

/**
 * Closes a vote: no ballot of any channel is taken after this (a trigger holds it), open room
 * rounds and kiosks end, and the official count's digest is recorded, all in one transaction.
 */
export function closeVote(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	now = new Date()
): CountResult {
	const result = write(db, (tx) => {
		const v = getVote(tx, voteId);
		if (!v) throw new Refusal('_', 'That vote no longer exists');
		if (v.status === 'draft') throw new Refusal('_', 'This vote never opened');
		if (v.status === 'closed') throw new Refusal('_', 'This vote is already closed');
		tx.update(vote)
			.set({
				status: 'closed',
				closesAt: v.closesAt && v.closesAt < now ? v.closesAt : now,
				updatedAt: now
			})
			.where(eq(vote.id, voteId))
			.run();
		closeOpenRounds(tx, voteId, now);
		tx.update(voteKiosk)
			.set({ endedAt: now })
			.where(and(eq(voteKiosk.voteId, voteId), sql`${voteKiosk.endedAt} is null`))
			.run();
		const input = countInput(tx, v);
		const counted = runCount(input);
		tx.insert(voteResult)
			.values({
				voteId,
				digest: counted.digest,
				ballots: counted.ballots.total,
				countedAt: now,
				countedBy: actor.id,
				groups: JSON.stringify(input.groups ?? [])
			})
			.run();
		// The result is recorded: keep the promise on the ballot (retention.ts).
		retention.eraseVoteSpecialCategory(tx, actor, voteId, now);
		audit.record(
			tx,
			actor,
			{
				action: 'vote.close',
				entityType: 'vote',
				entityId: voteId,
				after: { digest: counted.digest, ballots: counted.ballots.total, method: counted.method }
			},
			now
		);
		return counted;
	});
	countVote(db, voteId, now);
	return result;
}

/**
 * Counts a closed vote again from scratch (no cache) and says whether the digest and decisions
 * match the official count recorded when it closed. Audit-logged.
 */
export function recount(db: DB, actor: audit.Actor, voteId: number, now = new Date()) {
	const v = getVote(db, voteId);
	if (!v) throw new Refusal('_', 'That vote no longer exists');
	const official = officialResult(db, voteId);
	if (!official) throw new Refusal('_', 'This vote has no official count yet: close it first');
	const fresh = runCount(countInput(db, v));
	const matches = fresh.digest === official.digest && fresh.ballots.total === official.ballots;
	write(db, (tx) =>
		audit.record(
			tx,
			actor,
			{
				action: 'vote.recount',
				entityType: 'vote',
				entityId: voteId,
				after: { digest: fresh.digest, official: official.digest, matches }
			},
			now
		)
	);
	return { official, fresh, matches };
}

/** Ballots by area and by age band beside the population, for "the sample against the population". */
export function sampleAgainstPopulation(db: DB, voteId: number) {
	const byArea = db
		.select({ key: ballot.area, n: sql<number>`count(*)` })
		.from(ballot)
		.where(and(eq(ballot.voteId, voteId), isNull(ballot.voidedAt)))
		.groupBy(ballot.area)
		.all();
	const byAge = db
		.select({ key: ballot.ageBand, n: sql<number>`count(*)` })
		.from(ballot)
		.where(and(eq(ballot.voteId, voteId), isNull(ballot.voidedAt)))
		.groupBy(ballot.ageBand)
		.all();
	const pop = db.select().from(areaPopulation).all();
	const areaPop = new Map<string, number>();
	const agePop = new Map<string, number>();
	for (const p of pop) {
		areaPop.set(p.areaId, (areaPop.get(p.areaId) ?? 0) + p.count);
		agePop.set(p.ageBand, (agePop.get(p.ageBand) ?? 0) + p.count);
	}
	const rows = (counts: { key: string | null; n: number }[], population: Map<string, number>) => {
		const keys = new Set([...population.keys(), ...counts.flatMap((c) => (c.key ? [c.key] : []))]);
		return [...keys].sort().map((key) => ({
			key,
			ballots: counts.find((c) => c.key === key)?.n ?? 0,
			population: population.get(key) ?? 0
		}));
	};
	return {
		areas: rows(byArea, areaPop),
		areaUnanswered: byArea.find((c) => c.key === null)?.n ?? 0,
		ageBands: rows(byAge, agePop),
		ageUnanswered: byAge.find((c) => c.key === null)?.n ?? 0
	};
}

/**
 * The reconciliation of a vote: codes issued, spoiled and used per channel, ballots that count
 * per channel and assurance, versions (changed ballots), and voided room rounds with the ballots
 * each took out of the count, so that every channel adds up.
 */
export function reconcile(db: DB, voteId: number) {
	const v = getVote(db, voteId);
	if (!v) throw new Refusal('_', 'That vote no longer exists');
	const codeUses = db
		.select({ channel: codeUse.channel, n: sql<number>`count(*)` })
		.from(codeUse)
		.where(eq(codeUse.activity, `vote:${voteId}`))
		.groupBy(codeUse.channel)
		.all();
	const issued = db
		.select({ n: sql<number>`count(*)` })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(codeBatch.engagementId, v.engagementId))
		.get()!.n;
	const spoiled = db
		.select({ n: sql<number>`count(*)` })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(
			and(
				eq(codeBatch.engagementId, v.engagementId),
				sql`${participationCode.spoiledAt} is not null`
			)
		)
		.get()!.n;
	const ballots = db
		.select({ channel: ballot.channel, assurance: ballot.assurance, n: sql<number>`count(*)` })
		.from(ballot)
		.where(and(eq(ballot.voteId, voteId), isNull(ballot.voidedAt)))
		.groupBy(ballot.channel, ballot.assurance)
		.all();
	const versions = db
		.select({ channel: ballotHistory.channel, n: sql<number>`count(*)` })
		.from(ballotHistory)
		.where(eq(ballotHistory.voteId, voteId))
		.groupBy(ballotHistory.channel)
		.all();
	// Ballots entered with the voter present (assisted.ts): on the paper channel, by who helped.
	const assisted = db
		.select({ helper: ballot.assisted, assurance: ballot.assurance, n: sql<number>`count(*)` })
		.from(ballot)
		.where(
			and(eq(ballot.voteId, voteId), isNull(ballot.voidedAt), sql`${ballot.assisted} is not null`)
		)
		.groupBy(ballot.assisted, ballot.assurance)
		.all();
	return {
		issued,
		spoiled,
		codeUses,
		ballots,
		versions,
		assisted,
		voids: listVoids(db, voteId)
	};
}
