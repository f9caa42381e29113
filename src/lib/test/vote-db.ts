/** Builders for the budget tool's server tests: a catalogue, a staff actor, a vote with proposals. */
import { testDb, withCatalogue, staffUser } from './db';
import { emptyBallot, type BallotContent } from '../vote/ballot';
import type { Rules } from '../budget/types';
import { DEFAULT_RULES } from '../vote/rules';
import * as codes from '../server/codes';
import type { Staff } from '../server/audit';
import type { DB } from '../server/db/open';
import { engagement } from '../server/db/schema';
import { castBallot, type Voter } from '../server/budget/ballots';
import { openRound } from '../server/budget/rounds';
import {
	addProposal,
	createVote,
	openVote,
	saveRules,
	type Eligibility
} from '../server/budget/votes';

export { refusalOf } from './refusal';

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
	// Saved even when the test names none: a vote with savings opens only with its rules saved.
	saveRules(db, actor, voteId, { ...DEFAULT_RULES, ...options.rules }, T0);
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

/**
 * A vote where the users of adult social care are the declared group of its one saving (and a
 * library development beside it), with `codes` service-user codes for adult social care made
 * first, so that membership `verified` can be chosen. Eligibility "both": codes or open.
 */
export function makeUsersVote(
	db: DB,
	actor: { id: number; email: string; role: 'admin' | 'commissioner' | 'facilitator' },
	engagementId: number,
	options: { codes?: number; membership?: 'declared' | 'verified' } = {}
) {
	const made = options.codes
		? codes.createBatch(
				db,
				actor,
				{
					engagementId,
					label: 'Day centre users',
					unit: 'person',
					size: options.codes,
					serviceId: 'adult-social-care'
				},
				T0
			).codes
		: [];
	const voteId = createVote(
		db,
		actor,
		{ engagementId, title: 'Day services 2027', eligibility: 'both' },
		T0
	);
	const proposal = (kind: 'saving' | 'development', serviceId: string, affects: string[]) =>
		String(
			addProposal(
				db,
				actor,
				voteId,
				{
					title: kind === 'saving' ? 'Close a day centre' : 'A new reading room',
					description: 'A proposal for the tests.',
					kind,
					amount: 100_000_00,
					serviceId,
					affects
				},
				T0
			)
		);
	const saving = proposal('saving', 'adult-social-care', ['users']);
	const development = proposal('development', 'libraries', []);
	const rules = DEFAULT_RULES;
	saveRules(
		db,
		actor,
		voteId,
		{
			...rules,
			maxDontWants: 1,
			protection: { ...rules.protection, membership: options.membership ?? 'declared' }
		},
		T0
	);
	openVote(db, actor, voteId, T0);
	return {
		voteId,
		saving,
		development,
		codeIds: made.map((c) => codes.findCode(db, c)!.id)
	};
}

/** `minutes` after T0. */
export const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
/** The i-th phone's anonymous voter. */
export const phone = (i: number): Voter => ({
	key: `participant:${i}`,
	assurance: 'open',
	codeId: null
});

/**
 * An open vote with a room round for `attendance` people, opened a minute after T0, and `cast`
 * to vote in it (or online, with a null round).
 */
export function roomVote(attendance: number) {
	const s = setup();
	const { voteId, proposals } = makeVote(s.db, s.actor, s.engagementId, { eligibility: 'open' });
	const round = openRound(s.db, s.actor, voteId, { title: 'Hall', attendance }, later(1));
	const cast = (voter: Voter, roundId: number | null = round.id, minutes = 2) =>
		castBallot(
			s.db,
			{
				voteId,
				voter,
				channel: roundId ? 'room' : 'online',
				roundId,
				content: ballotWith({ [proposals[0]]: 'want' })
			},
			later(minutes)
		);
	return { ...s, voteId, proposals, round, cast };
}
