import { and, eq, max } from 'drizzle-orm';
import { FACILITATOR_DRAFT_REFUSAL, mayAddToDraft } from '../../vote/drafts';
import * as audit from '../audit';
import type { DB } from '../db/open';
import { proposal, proposalSource, vote } from '../db/schema';
import { Refusal } from '../command-refusal';

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
	/** The lab it is drafted from (its shortlist), or absent when added on the vote pages. */
	fromLab?: number;
}

/**
 * Adds a proposal to a vote that has not opened yet, at the end of the list, remembering the
 * lab ideas it came from. Call inside the caller's write transaction (the lab's shortlist
 * creates several at once). Only someone who may add to this draft can (vote/drafts.ts): a
 * facilitator only from the lab that created it.
 */
export function createDraftProposal(
	tx: DB,
	actor: audit.Staff,
	input: DraftProposalInput,
	now = new Date()
): number {
	const v = tx.select().from(vote).where(eq(vote.id, input.voteId)).get();
	if (!v) throw new Refusal('voteId', 'Choose a vote');
	if (v.status !== 'draft' || v.rulesFrozenAt)
		throw new Refusal('voteId', 'That vote has opened: proposals can no longer be added');
	if (!mayAddToDraft(actor.role, v, input.fromLab ?? null))
		throw new Refusal('voteId', FACILITATOR_DRAFT_REFUSAL);
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

/**
 * Draft votes of an engagement that this person may add proposals to from lab `fromLab` (for
 * the lab's "turn into a proposal").
 */
export function listDraftVotes(
	db: DB,
	engagementId: number,
	who: { role: audit.Staff['role'] },
	fromLab: number
) {
	return db
		.select({ id: vote.id, title: vote.title, labId: vote.labId })
		.from(vote)
		.where(and(eq(vote.engagementId, engagementId), eq(vote.status, 'draft')))
		.all()
		.filter((v) => mayAddToDraft(who.role, v, fromLab))
		.map(({ id, title }) => ({ id, title }));
}
