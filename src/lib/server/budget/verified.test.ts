import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { count } from '../../budget/count';
import * as codes from '../codes';
import { auditLog, ballot, service } from '../db/schema';
import { castBallot, codeVoter, type Voter } from './ballots';
import { countProposals, countSegments, countVote, groupedBallots } from './results';
import { ballotWith, makeCode, makeUsersVote, setup, T0 } from '../../test/vote-db';
import { getVote } from './votes';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function cast(
	db: ReturnType<typeof setup>['db'],
	voteId: number,
	voter: Voter,
	content: ReturnType<typeof ballotWith>
) {
	const r = castBallot(db, { voteId, voter, channel: 'online', content }, later(1));
	return db.select().from(ballot).where(eq(ballot.receipt, r.receipt)).get()!;
}

describe('service-user codes', () => {
	it('make a ballot an assured, verified user of the code’s service, whatever it answered', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, saving, codeIds } = makeUsersVote(db, actor, engagementId, { codes: 1 });
		const voter = codeVoter(db, codeIds[0], engagementId)!;
		const row = cast(
			db,
			voteId,
			voter,
			ballotWith({ [saving]: 'dontWant' }, { notUses: ['adult-social-care'] })
		);
		expect(row).toMatchObject({
			assurance: 'code',
			uses: '["adult-social-care"]',
			verifiedUses: '["adult-social-care"]'
		});
	});

	it('leave an ordinary code’s ballot unverified, however it answers the use question', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, saving } = makeUsersVote(db, actor, engagementId);
		const { codeId } = makeCode(db, actor, engagementId);
		const row = cast(
			db,
			voteId,
			codeVoter(db, codeId, engagementId)!,
			ballotWith({ [saving]: 'dontWant' }, { uses: ['adult-social-care'] })
		);
		expect(row).toMatchObject({ assurance: 'code', verifiedUses: '[]' });
	});

	it('count as users under membership verified: unverified ticks cannot dilute their protection', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, saving, development, codeIds } = makeUsersVote(db, actor, engagementId, {
			codes: 20,
			membership: 'verified'
		});
		for (const codeId of codeIds)
			cast(db, voteId, codeVoter(db, codeId, engagementId)!, ballotWith({ [saving]: 'dontWant' }));
		// 41 people tick "I use it" and want the saving: enough to outvote the real users if their
		// ticks counted (counting.md, version 1's failure).
		for (let i = 0; i < 101; i++)
			cast(
				db,
				voteId,
				{ key: `participant:${i}`, assurance: 'open', codeId: null },
				ballotWith(
					{ [saving]: 'want', [development]: 'want' },
					{ uses: i < 41 ? ['adult-social-care'] : [] }
				)
			);
		const verified = countVote(db, voteId, later(5));
		expect(verified.proposals.find((p) => p.id === saving)).toMatchObject({
			decision: 'protected',
			protectedBy: ['users']
		});
		// The same ballots with every tick believed: 20 of 61 "users" against, no protection.
		const v = getVote(db, voteId)!;
		const declared = count({
			proposals: countProposals(db, voteId),
			segments: countSegments(db),
			ballots: [...groupedBallots(db, voteId)],
			rules: { ...v.rules, protection: { ...v.rules.protection, membership: 'declared' } }
		});
		expect(declared.proposals.find((p) => p.id === saving)?.decision).toBe('accept');
	});

	it('are what lets a vote count only verified users: until there are some, it is refused', () => {
		const { db, actor, engagementId } = setup();
		expect(() => makeUsersVote(db, actor, engagementId, { membership: 'verified' })).toThrow(
			/make service-user codes/
		);
		codes.createBatch(db, actor, {
			engagementId,
			label: 'Anyone',
			unit: 'household',
			size: 1
		});
		expect(() => makeUsersVote(db, actor, engagementId, { membership: 'verified' })).toThrow(
			/make service-user codes/
		);
		const { voteId } = makeUsersVote(db, actor, engagementId, { codes: 1, membership: 'verified' });
		expect(getVote(db, voteId)?.rules.protection.membership).toBe('verified');
	});

	it('must name a service of the catalogue: an unknown or archived one writes nothing', () => {
		const { db, actor, engagementId } = setup();
		db.update(service).set({ archived: true }).where(eq(service.id, 'libraries')).run();
		for (const serviceId of ['no-such-service', 'libraries'])
			expect(() =>
				codes.createBatch(db, actor, {
					engagementId,
					label: 'Users',
					unit: 'person',
					size: 2,
					serviceId
				})
			).toThrow(expect.objectContaining({ name: 'Refusal', field: 'serviceId' }));
		expect(codes.listBatches(db, engagementId)).toEqual([]);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'codes.create')).all()).toEqual([]);
	});

	it('are listed with their service, and the batch is audit-logged with it', () => {
		const { db, actor, engagementId } = setup();
		const { batchId } = codes.createBatch(db, actor, {
			engagementId,
			label: 'Day centre users',
			unit: 'person',
			size: 2,
			serviceId: 'adult-social-care'
		});
		expect(codes.listBatches(db, engagementId)).toMatchObject([
			{ id: batchId, serviceId: 'adult-social-care', serviceName: 'Adult day services' }
		]);
		const logged = db.select().from(auditLog).where(eq(auditLog.action, 'codes.create')).get()!;
		expect(JSON.parse(logged.after!)).toMatchObject({ serviceId: 'adult-social-care' });
	});
});
