import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/prng';
import { staffUser, testDb, withCatalogue } from '../test/db';
import * as catalogue from './catalogue';
import * as codes from './codes';
import { write } from './db/open';
import { auditLog, codeUse, participationCode } from './db/schema';
import { hashToken } from './tokens';
import { refusalOf } from '../test/refusal';

function setUp() {
	const db = withCatalogue(testDb());
	const staff = staffUser(db);
	const actor = { id: staff.id, email: staff.email };
	const engagementId = catalogue.createEngagement(db, actor, {
		title: 'Libraries',
		serviceId: 'libraries'
	});
	return { db, actor, engagementId };
}

describe('participation codes', () => {
	it('are stored only as hashes and found by the plain code', () => {
		const { db, actor, engagementId } = setUp();
		const { codes: made } = codes.createBatch(db, actor, {
			engagementId,
			label: 'Test',
			unit: 'household',
			size: 5
		});
		expect(made).toHaveLength(5);
		const stored = db.select().from(participationCode).all();
		expect(stored.map((r) => r.codeHash).sort()).toEqual(made.map(hashToken).sort());
		for (const code of made) {
			expect(JSON.stringify(stored)).not.toContain(code);
			expect(codes.findCode(db, code)?.engagementId).toBe(engagementId);
		}
		expect(codes.findCode(db, 'ACDEFGHJKMNP')).toBeUndefined();
	});

	it('are unique within a batch even when the random source repeats itself', () => {
		const { db, actor, engagementId } = setUp();
		const rng = mulberry32(1);
		let calls = 0;
		// The first 24 draws repeat the same code twice.
		const repeating = (max: number) =>
			calls++ < 24 ? (calls % 12) % max : Math.floor(rng() * max);
		const { codes: made } = codes.createBatch(
			db,
			actor,
			{ engagementId, label: 'T', unit: 'person', size: 3 },
			new Date(),
			repeating
		);
		expect(new Set(made).size).toBe(3);
	});

	it('can be spent once per activity, whatever the channel', () => {
		const { db, actor, engagementId } = setUp();
		const { codes: made } = codes.createBatch(db, actor, {
			engagementId,
			label: 'T',
			unit: 'person',
			size: 1
		});
		const codeId = codes.findCode(db, made[0])!.id;
		expect(write(db, (tx) => codes.spendCode(tx, codeId, 'vote:1', 'paper'))).toBe(true);
		expect(write(db, (tx) => codes.spendCode(tx, codeId, 'vote:1', 'online'))).toBe(false);
		expect(write(db, (tx) => codes.spendCode(tx, codeId, 'survey:1', 'online'))).toBe(true);
		expect(db.select({ n: count() }).from(codeUse).get()!.n).toBe(2);
		expect(codes.isCodeSpent(db, codeId, 'vote:1')).toBe(true);
	});

	it('a spoiled code is marked, and the batch, spoiling and uses are counted', () => {
		const { db, actor, engagementId } = setUp();
		const { codes: made } = codes.createBatch(db, actor, {
			engagementId,
			label: 'T',
			unit: 'person',
			size: 3
		});
		codes.spoilCode(db, actor, made[0]);
		expect(refusalOf(() => codes.spoilCode(db, actor, made[0]))).toMatchObject({
			field: 'code',
			message: 'No unspoiled code matches; check it and try again'
		});
		expect(refusalOf(() => codes.spoilCode(db, actor, 'ACDEFGHJKMNP')).field).toBe('code');
		write(db, (tx) => codes.spendCode(tx, codes.findCode(db, made[1])!.id, 'vote:1', 'online'));
		expect(codes.listBatches(db, engagementId)).toMatchObject([{ size: 3, spoiled: 1, used: 1 }]);
		expect(codes.codeCounts(db, engagementId)).toMatchObject({
			issued: 3,
			spoiled: 1,
			uses: [{ activity: 'vote:1', channel: 'online', n: 1 }]
		});
	});

	it('a refused batch takes back what its transaction wrote before it', () => {
		const { db, actor, engagementId } = setUp();
		const batch = { engagementId, label: 'T', unit: 'person' as const, size: 2 };
		expect(
			refusalOf(() =>
				write(db, (tx) => {
					codes.createBatch(tx, actor, batch);
					codes.createBatch(tx, actor, { ...batch, serviceId: 'no-such-service' });
				})
			)
		).toMatchObject({ field: 'serviceId', message: 'Choose a service from the list' });
		expect(codes.listBatches(db, engagementId)).toEqual([]);
		expect(db.select({ n: count() }).from(participationCode).get()!.n).toBe(0);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((e) => e.action)
		).toEqual(['engagement.create']);
	});

	it('every batch and spoiling is in the audit log', () => {
		const { db, actor, engagementId } = setUp();
		const { codes: made } = codes.createBatch(db, actor, {
			engagementId,
			label: 'T',
			unit: 'person',
			size: 1
		});
		codes.spoilCode(db, actor, made[0]);
		// Refused, a second spoiling writes no entry.
		refusalOf(() => codes.spoilCode(db, actor, made[0]));
		const actions = db
			.select()
			.from(auditLog)
			.all()
			.map((e) => e.action);
		expect(actions).toEqual(['engagement.create', 'codes.create', 'codes.spoil']);
	});
});

describe('secureRandomIndex', () => {
	it('stays in range and reaches every value, across refills of its pool', () => {
		const seen = new Array(23).fill(0);
		// 23 x 400 draws use the 256-word pool dozens of times over.
		for (let i = 0; i < 23 * 400; i++) {
			const x = codes.secureRandomIndex(23);
			expect(Number.isInteger(x) && x >= 0 && x < 23).toBe(true);
			seen[x]++;
		}
		// Each value expects 400; below 250 or above 550 is a one-in-billions accident.
		for (const n of seen) expect(n).toBeGreaterThan(250);
		for (const n of seen) expect(n).toBeLessThan(550);
	});

	it('never repeats a sequence: 10,000 receipts-worth of draws are all different', () => {
		const receipts = new Set<string>();
		for (let r = 0; r < 10_000; r++) {
			let s = '';
			for (let i = 0; i < 10; i++) s += String.fromCharCode(65 + codes.secureRandomIndex(23));
			receipts.add(s);
		}
		expect(receipts.size).toBe(10_000);
	});
});

describe('what a code holder is told when they come back', () => {
	it('knows who the code is for and where it has been spent, and when', () => {
		const { db, actor, engagementId } = setUp();
		const [homeId, personId] = (['household', 'person'] as const).map((unit) => {
			const [code] = codes.createBatch(db, actor, {
				engagementId,
				label: unit,
				unit,
				size: 1
			}).codes;
			return codes.findCode(db, code)!.id;
		});
		expect(codes.unitOf(db, homeId)).toBe('household');
		expect(codes.unitOf(db, personId)).toBe('person');
		const at = new Date('2026-05-01T10:00:00Z');
		write(db, (tx) => codes.spendCode(tx, homeId, 'vote:3', 'online', at));
		expect(codes.usesOf(db, homeId)).toEqual(new Map([['vote:3', at]]));
		expect(codes.usesOf(db, personId)).toEqual(new Map());
	});
});
