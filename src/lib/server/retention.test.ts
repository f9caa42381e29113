import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../test/db';
import type { DB } from './db/open';
import {
	auditLog,
	ballot,
	ballotHistory,
	paperEntry,
	survey,
	surveyResponse,
	surveyResponseSpecial,
	vote
} from './db/schema';
import { countVote, officialResult, recount } from './budget/results';
import { DEMO_VOTE_TITLE } from './budget/seed';
import { findNotice } from './privacy';
import { specialSegments, sweepSurveys } from './retention';
import { seedIfEmpty } from './seed';
import { setRetention } from './survey/surveys';
import { Refusal } from './command-refusal';

const actor = { id: null, email: 'test' };
let db: DB;
let voteId: number;
let special: Set<string>;

beforeAll(async () => {
	db = testDb();
	await seedIfEmpty(db);
	voteId = db.select().from(vote).where(eq(vote.title, DEMO_VOTE_TITLE)).get()!.id;
	special = new Set(specialSegments(db));
	// Seeding the demo council takes a few seconds, more on a busy machine.
}, 120_000);

/** How many special-category answers are left in a vote's rows. */
function specialLeft(): number {
	const inList = (json: string) => (JSON.parse(json) as string[]).filter((s) => special.has(s));
	const rows = [
		...db.select({ s: ballot.segments }).from(ballot).where(eq(ballot.voteId, voteId)).all(),
		...db
			.select({ s: ballotHistory.segments })
			.from(ballotHistory)
			.where(eq(ballotHistory.voteId, voteId))
			.all()
	];
	const paper = db
		.select({ c: paperEntry.content })
		.from(paperEntry)
		.where(eq(paperEntry.voteId, voteId))
		.all()
		.flatMap((r) => Object.keys(JSON.parse(r.c).profile?.segments ?? {}))
		.filter((s) => special.has(s));
	return rows.reduce((n, r) => n + inList(r.s).length, 0) + paper.length;
}

describe("a vote's special-category answers", () => {
	it('are gone from ballots, their history and paper keyings once the result is recorded', () => {
		expect(special.has('disabled')).toBe(true);
		expect(specialLeft()).toBe(0);
		// Other answers stay (carers is not special-category).
		const carers = db
			.select({ s: ballot.segments })
			.from(ballot)
			.where(eq(ballot.voteId, voteId))
			.all()
			.filter((r) => JSON.parse(r.s).includes('carers')).length;
		expect(carers).toBeGreaterThan(20);
		const logged = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'vote.retention'), eq(auditLog.entityId, String(voteId))))
			.all();
		expect(logged).toHaveLength(1);
		expect(JSON.parse(logged[0].after!).rows.ballots).toBeGreaterThan(50);
	});

	it('leave the recount and every decision as they were: disabled residents still protect', () => {
		expect(recount(db, actor, voteId).matches).toBe(true);
		const r = countVote(db, voteId);
		expect(r.digest).toBe(officialResult(db, voteId)!.digest);
		const dc = r.proposals.find((p) => p.title.startsWith('Close two day centres'))!;
		expect(dc.protectedBy).toEqual(expect.arrayContaining(['users', 'disabled']));
	});

	it('cannot come back: the database lets these rows only lose group answers', () => {
		const row = db.select().from(ballotHistory).where(eq(ballotHistory.voteId, voteId)).get()!;
		const addDisabled = JSON.stringify([...JSON.parse(row.segments), 'disabled']);
		expect(() =>
			db
				.update(ballotHistory)
				.set({ segments: addDisabled })
				.where(eq(ballotHistory.id, row.id))
				.run()
		).toThrow(/group answers may only be removed/);
		expect(() =>
			db.update(ballotHistory).set({ marks: '{}' }).where(eq(ballotHistory.id, row.id)).run()
		).toThrow(/append-only/);
		const current = db.select().from(ballot).where(eq(ballot.voteId, voteId)).get()!;
		expect(() =>
			db.update(ballot).set({ segments: addDisabled }).where(eq(ballot.id, current.id)).run()
		).toThrow(/group answers may only be removed/);
		const paper = db.select().from(paperEntry).where(eq(paperEntry.voteId, voteId)).get()!;
		const changed = JSON.parse(paper.content);
		changed.marks = {};
		expect(() =>
			db
				.update(paperEntry)
				.set({ content: JSON.stringify(changed) })
				.where(eq(paperEntry.id, paper.id))
				.run()
		).toThrow(/append-only/);
	});
});

describe("a survey's special-category answers", () => {
	const surveyId = () =>
		db
			.select({ id: surveyResponse.surveyId })
			.from(surveyResponse)
			.innerJoin(surveyResponseSpecial, eq(surveyResponseSpecial.responseId, surveyResponse.id))
			.get()!.id;
	const left = (id: number) =>
		db
			.select({ n: count() })
			.from(surveyResponseSpecial)
			.innerJoin(surveyResponse, eq(surveyResponse.id, surveyResponseSpecial.responseId))
			.where(eq(surveyResponse.surveyId, id))
			.get()!.n;

	it.each([
		{ name: 'a date in the past', until: new Date('2026-01-01'), message: 'after today' },
		{ name: 'today', until: new Date('2026-12-07T00:00:00Z'), message: 'after today' }
	])('refuse $name as the retention date, writing nothing', ({ until, message }) => {
		const id = surveyId();
		const before = db.select().from(survey).where(eq(survey.id, id)).get()!;
		const now = new Date('2026-12-07T12:00:00Z');
		expect(() => setRetention(db, actor, id, until, now)).toThrow(Refusal);
		expect(() => setRetention(db, actor, id, until, now)).toThrow(
			expect.objectContaining({ field: 'specialCategoryUntil' })
		);
		expect(() => setRetention(db, actor, id, until, now)).toThrow(message);
		expect(db.select().from(survey).where(eq(survey.id, id)).get()).toEqual(before);
	});

	it('are deleted by the sweep on the date set, once, and logged', () => {
		const id = surveyId();
		const n = left(id);
		expect(n).toBeGreaterThan(10);
		const now = new Date('2026-12-07T12:00:00Z');
		setRetention(db, actor, id, new Date('2027-06-30T00:00:00Z'), now);
		// The survey's privacy notice tells residents that date.
		expect(findNotice(db, 'survey', String(id))?.facts.specialCategoryDeletedOn).toEqual(
			new Date('2027-06-30T00:00:00Z')
		);
		expect(sweepSurveys(db, actor, new Date('2027-06-29T23:59:59Z'))).toEqual([]);
		expect(left(id)).toBe(n);
		expect(sweepSurveys(db, actor, new Date('2027-06-30T00:00:00Z'))).toEqual([
			{ surveyId: id, responses: n }
		]);
		expect(left(id)).toBe(0);
		expect(sweepSurveys(db, actor, new Date('2027-07-01T00:00:00Z'))).toEqual([]);
		const logged = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'survey.retention'), eq(auditLog.entityId, String(id))))
			.all();
		expect(logged).toHaveLength(1);
	});
});
