import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, proposal } from '../db/schema';
import { castBallot } from './ballots';
import { DEFAULT_RULES } from '../../vote/rules';
import { ballotWith, makeVote, refusalOf, setup, T0 } from '../../test/vote-db';
import {
	addProposal,
	createVote,
	deleteProposal,
	getVote,
	listProposals,
	moveProposal,
	openVote,
	saveRules,
	updateProposal,
	updateVoteDetails
} from './votes';

const input = {
	title: 'A proposal',
	description: 'What it means.',
	kind: 'saving' as const,
	amount: 1000,
	serviceId: 'libraries',
	affects: []
};

describe('setting up a vote', () => {
	it('will not open without a proposal, and logs what it does', () => {
		const { db, actor, engagementId } = setup();
		const { voteId } = makeVote(db, actor, engagementId, { proposals: 0, open: false });
		expect(refusalOf(() => openVote(db, actor, voteId, T0))).toMatchObject({
			field: '_',
			message: 'Add at least one proposal before opening the vote'
		});
		addProposal(db, actor, voteId, input, T0);
		openVote(db, actor, voteId, T0);
		expect(getVote(db, voteId)?.status).toBe('open');
		const actions = db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'vote'), eq(auditLog.entityId, String(voteId))))
			.all()
			.map((r) => r.action);
		expect(actions).toEqual(['vote.create', 'vote.rules', 'proposal.create', 'vote.open']);
	});

	it('will not open a vote with savings until its rules are saved, writing nothing', () => {
		const { db, actor, engagementId } = setup();
		const voteId = createVote(db, actor, { engagementId, title: 'Cuts', eligibility: 'open' }, T0);
		addProposal(db, actor, voteId, input, T0);
		expect(() => openVote(db, actor, voteId, T0)).toThrow(/Save the counting rules/);
		expect(getVote(db, voteId)).toMatchObject({ status: 'draft', rulesSet: false });
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'vote.open')).all()).toEqual([]);
		saveRules(db, actor, voteId, { ...DEFAULT_RULES, maxDontWants: 0 }, T0);
		openVote(db, actor, voteId, T0);
		expect(getVote(db, voteId)?.status).toBe('open');
	});

	it('opens a vote of developments only with the default rules', () => {
		const { db, actor, engagementId } = setup();
		const voteId = createVote(db, actor, { engagementId, title: 'New', eligibility: 'open' }, T0);
		addProposal(db, actor, voteId, { ...input, kind: 'development' }, T0);
		openVote(db, actor, voteId, T0);
		expect(getVote(db, voteId)).toMatchObject({ status: 'open', rulesSet: true });
	});

	it('orders, edits and removes proposals only while the vote is a draft', () => {
		const { db, actor, engagementId } = setup();
		const { voteId, proposals } = makeVote(db, actor, engagementId, { open: false });
		moveProposal(db, actor, voteId, Number(proposals[2]), 'up', T0);
		expect(listProposals(db, voteId).map((p) => String(p.id))).toEqual([
			proposals[0],
			proposals[2],
			proposals[1]
		]);
		updateProposal(db, actor, voteId, Number(proposals[0]), { ...input, title: 'Renamed' }, T0);
		deleteProposal(db, actor, voteId, Number(proposals[1]), T0);
		expect(listProposals(db, voteId).map((p) => p.title)).toEqual(['Renamed', 'Proposal 3']);
		openVote(db, actor, voteId, T0);
		const opened = { field: '_', message: 'The vote has opened: proposals can no longer change' };
		expect(refusalOf(() => addProposal(db, actor, voteId, input, T0))).toMatchObject(opened);
		expect(
			refusalOf(() => deleteProposal(db, actor, voteId, Number(proposals[0]), T0))
		).toMatchObject(opened);
	});

	it('asks for a description of a picture', () => {
		const { db, actor, engagementId } = setup();
		const { voteId } = makeVote(db, actor, engagementId, { proposals: 0, open: false });
		expect(() =>
			addProposal(
				db,
				actor,
				voteId,
				{ ...input, image: { mime: 'image/png', bytes: Buffer.from([1]) } },
				T0
			)
		).toThrow(/Describe the picture/);
	});

	it('fixes who can vote once a ballot is cast, and the proposals even against a bug', () => {
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
			T0
		);
		expect(() =>
			updateVoteDetails(db, actor, voteId, { title: 'Budget 2027', eligibility: 'codes' }, T0)
		).toThrow(/who can vote can no longer change/);
		updateVoteDetails(
			db,
			actor,
			voteId,
			{ title: 'Budget 2027', eligibility: 'open', closesAt: new Date('2027-03-01') },
			T0
		);
		expect(() =>
			db
				.update(proposal)
				.set({ amount: 1 })
				.where(eq(proposal.id, Number(proposals[0])))
				.run()
		).toThrow(/proposals cannot change/);
	});
});
