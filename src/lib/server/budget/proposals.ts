import { and, eq, max } from 'drizzle-orm';
import * as audit from '../audit';
import type { DB } from '../db/open';
import { proposal, proposalSource, vote } from '../db/schema';

export interface DraftProposalInput {
	voteId: number;
	title: string;
	description: string;
	kind: 'saving' | 'development';
	/** Pence. */
	amount: number;
	serviceId: string;
	affects?: string[];
	/** Lab ideas or themes it was drafted from. */
	sources?: { labId: number; ideaId?: number | null; themeId?: number | null }[];
}

export class ProposalError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/**
 * Adds a proposal to a vote that has not opened yet, at the end of the list, remembering the
 * lab ideas it came from. Call inside the caller's write transaction (the lab's shortlist
 * creates several at once).
 */
export function createDraftProposal(
	tx: DB,
	actor: audit.Actor,
	input: DraftProposalInput,
	now = new Date()
): number {
	const v = tx.select().from(vote).where(eq(vote.id, input.voteId)).get();
	if (!v) throw new ProposalError('voteId', 'Choose a vote');
	if (v.status !== 'draft' || v.rulesFrozenAt)
		throw new ProposalError('voteId', 'That vote has opened: proposals can no longer be added');
	const last = tx
		.select({ p: max(proposal.position) })
		.from(proposal)
		.where(and(eq(proposal.voteId, v.id)))
		.get();
	const row = tx
		.insert(proposal)
		.values({
			voteId: v.id,
			position: (last?.p ?? 0) + 1,
			title: input.title,
			description: input.description,
			kind: input.kind,
			amount: input.amount,
			serviceId: input.serviceId,
			affects: JSON.stringify(input.affects ?? []),
			createdAt: now
		})
		.returning({ id: proposal.id })
		.get();
	for (const s of input.sources ?? [])
		tx.insert(proposalSource)
			.values({
				proposalId: row.id,
				labId: s.labId,
				ideaId: s.ideaId ?? null,
				themeId: s.themeId ?? null
			})
			.run();
	audit.record(
		tx,
		actor,
		{
			action: 'proposal.create',
			entityType: 'vote',
			entityId: v.id,
			after: { proposalId: row.id, ...input }
		},
		now
	);
	return row.id;
}

/** Votes of an engagement that can still take proposals (for the lab's "turn into a proposal"). */
export function listDraftVotes(db: DB, engagementId: number) {
	return db
		.select({ id: vote.id, title: vote.title })
		.from(vote)
		.where(and(eq(vote.engagementId, engagementId), eq(vote.status, 'draft')))
		.all();
}
