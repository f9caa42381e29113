/** Builders for the budget tool's server tests: a catalogue, a staff actor, a vote with proposals. */
import { testDb, withCatalogue, staffUser } from '../../test/db';
import { emptyBallot, type BallotContent } from '../../budget/ballot';
import type { Rules } from '../../budget/types';
import { DEFAULT_RULES } from '../../budget/vote-rules';
import * as codes from '../codes';
import type { Staff } from '../audit';
import type { DB } from '../db/open';
import { engagement } from '../db/schema';
import { addProposal, createVote, openVote, saveRules, type Eligibility } from './votes';

export const T0 = new Date('2027-01-10T10:00:00Z');

export function setup() {
	const db = withCatalogue(testDb());
	const user = staffUser(db, 'commissioner');
	const second = staffUser(db, 'facilitator');
	const actor = { id: user.id, email: user.email, role: 'commissioner' as const };
	const actor2 = { id: second.id, email: second.email, role: 'facilitator' as const };
	const engagementId = db
		.insert(engagement)
		.values({ title: 'Day services', serviceId: 'adult-social-care', createdAt: T0, updatedAt: T0 })
		.returning({ id: engagement.id })
		.get().id;
	return { db, actor, actor2, engagementId };
}

export function makeVote(
	db: DB,
	actor: Staff,
	engagementId: number,
	options: {
		eligibility?: Eligibility;
		rules?: Partial<Rules>;
		open?: boolean;
		proposals?: number;
	} = {}
) {
	const voteId = createVote(
		db,
		actor,
		{ engagementId, title: 'Budget 2027', eligibility: options.eligibility ?? 'codes' },
		T0
	);
	const proposals: number[] = [];
	for (let i = 0; i < (options.proposals ?? 3); i++)
		proposals.push(
			addProposal(
				db,
				actor,
				voteId,
				{
					title: `Proposal ${i + 1}`,
					description: 'A proposal for the tests.',
					kind: i % 2 ? 'development' : 'saving',
					amount: (i + 1) * 100_000_00,
					serviceId: i === 0 ? 'adult-social-care' : 'libraries',
					affects: i === 0 ? ['disabled', 'carers'] : []
				},
				T0
			)
		);
	if (options.rules) saveRules(db, actor, voteId, { ...DEFAULT_RULES, ...options.rules }, T0);
	if (options.open !== false) openVote(db, actor, voteId, T0);
	return { voteId, proposals: proposals.map(String) };
}

export function ballotWith(
	marks: BallotContent['marks'],
	extra: Partial<BallotContent> = {}
): BallotContent {
	return { ...emptyBallot(), marks, ...extra };
}

/** A code from a fresh batch of the engagement, and its id. */
export function makeCode(db: DB, actor: { id: number; email: string }, engagementId: number) {
	const { codes: made } = codes.createBatch(
		db,
		actor,
		{ engagementId, label: 'Test', unit: 'household', size: 1 },
		T0
	);
	const found = codes.findCode(db, made[0])!;
	return { code: made[0], codeId: found.id };
}
