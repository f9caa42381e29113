/**
 * From shortlist to community budget: each shortlisted idea or theme becomes a draft saving
 * or development proposal in a draft vote of the lab's engagement, linked back to its ideas.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ItemRef } from '../../lab/ideas';
import { canDo } from '../../lab/phases';
import { checkProposalSource, draftProposal, type ProposalDraft } from '../../lab/proposal-draft';
import { rankItems, type RankedItem } from '../../lab/ranking';
import * as audit from '../audit';
import { createDraftProposal } from '../budget/proposals';
import { Refusal } from '../command-refusal';
import * as votes from '../budget/votes';
import { write, type DB } from '../db/open';
import { lab as labTable, proposal, proposalSource, service, vote } from '../db/schema';
import { loadBoard, type LoadedBoard } from './board';

export interface LabProposal {
	proposalId: number;
	title: string;
	voteId: number;
	voteTitle: string;
	/** The idea or theme it was drafted from. */
	item: ItemRef;
}

/**
 * Proposals drafted from this lab, one per shortlisted item they came from (ideas merged into
 * it and ideas of a theme are further sources of the same proposal, not items of their own).
 */
export function listLabProposals(db: DB, labId: number): LabProposal[] {
	const rows = db
		.select({
			proposalId: proposal.id,
			title: proposal.title,
			voteId: vote.id,
			voteTitle: vote.title,
			ideaId: proposalSource.ideaId,
			themeId: proposalSource.themeId
		})
		.from(proposalSource)
		.innerJoin(proposal, eq(proposal.id, proposalSource.proposalId))
		.innerJoin(vote, eq(vote.id, proposal.voteId))
		.where(eq(proposalSource.labId, labId))
		.orderBy(asc(proposalSource.id))
		.all();
	const seen = new Set<number>();
	const out: LabProposal[] = [];
	for (const r of rows) {
		// The first source row of a proposal names what it was drafted from.
		if (seen.has(r.proposalId)) continue;
		seen.add(r.proposalId);
		const item: ItemRef =
			r.ideaId === null
				? { type: 'theme', id: String(r.themeId) }
				: { type: 'idea', id: String(r.ideaId) };
		out.push({ ...r, item });
	}
	return out;
}

const ALREADY_DRAFTED = 'A proposal has already been drafted from this.';

export interface ShortlistEntry {
	item: ItemRef;
	ranked: RankedItem | undefined;
	draft: ProposalDraft | null;
	proposals: LabProposal[];
	/** Whether a proposal may be drafted from it now, and if not, why. */
	canPropose: { allowed: true } | { allowed: false; reason: string };
}

/** The shortlist in the order picked, with what each needs for its proposal form. */
export function shortlistOf(loaded: LoadedBoard, proposals: LabProposal[]): ShortlistEntry[] {
	const ranked = rankItems(loaded.board, loaded.dots, loaded.members);
	const phaseOk = canDo(loaded.lab.session.phase, false, 'createProposal', 'facilitator');
	return loaded.board.shortlist.map((item) => {
		const mine = proposals.filter((p) => p.item.type === item.type && p.item.id === item.id);
		const source = checkProposalSource(item, loaded.board);
		return {
			item,
			ranked: ranked.find((r) => r.item.type === item.type && r.item.id === item.id),
			draft: draftProposal(item, loaded.board),
			proposals: mine,
			canPropose: !phaseOk.ok
				? { allowed: false, reason: phaseOk.reason }
				: !source.ok
					? { allowed: false, reason: source.reason }
					: mine.length
						? { allowed: false, reason: ALREADY_DRAFTED }
						: { allowed: true }
		};
	});
}

export interface ProposalInput {
	item: ItemRef;
	voteId: number;
	title: string;
	description: string;
	kind: 'saving' | 'development';
	/** Pence. */
	amountPence: number;
	serviceId: string;
}

/**
 * Drafts a proposal from a shortlisted idea or theme, once per item, into a draft vote of the
 * lab's engagement that `actor` may add to (a facilitator: only one this lab created), and
 * returns its id. Refused with a {@link Refusal} on the field to change (`voteId`,
 * `serviceId`, or `_`), thrown inside the transaction, so nothing is drafted.
 */
export function createProposal(
	db: DB,
	actor: audit.Staff,
	labId: number,
	input: ProposalInput,
	now = new Date()
): number {
	return write(db, (tx) => {
		const loaded = loadBoard(tx, labId);
		if (!loaded) throw new Refusal('_', 'That lab no longer exists.');
		const phase = canDo(loaded.lab.session.phase, false, 'createProposal', 'facilitator');
		if (!phase.ok) throw new Refusal('_', phase.reason);
		const source = checkProposalSource(input.item, loaded.board);
		if (!source.ok) throw new Refusal('_', source.reason);
		const already = tx
			.select({ id: proposalSource.id })
			.from(proposalSource)
			.where(
				input.item.type === 'idea'
					? and(
							eq(proposalSource.labId, labId),
							eq(proposalSource.ideaId, Number(input.item.id)),
							isNull(proposalSource.themeId)
						)
					: and(
							eq(proposalSource.labId, labId),
							eq(proposalSource.themeId, Number(input.item.id)),
							isNull(proposalSource.ideaId)
						)
			)
			.get();
		if (already) throw new Refusal('_', ALREADY_DRAFTED);
		const target = votes.getVote(tx, input.voteId);
		if (!target || target.engagementId !== loaded.lab.engagementId) {
			throw new Refusal('voteId', 'Choose a vote of this engagement.');
		}
		if (!tx.select({ id: service.id }).from(service).where(eq(service.id, input.serviceId)).get()) {
			throw new Refusal('serviceId', 'Choose a service.');
		}
		const ranked = rankItems(loaded.board, loaded.dots, loaded.members).find(
			(r) => r.item.type === input.item.type && r.item.id === input.item.id
		);
		const ideaIds = ranked?.ideaIds ?? [];
		const sources =
			input.item.type === 'idea'
				? ideaIds.map((id) => ({ labId, ideaId: Number(id), themeId: null }))
				: [
						{ labId, ideaId: null, themeId: Number(input.item.id) },
						...ideaIds.map((id) => ({ labId, ideaId: Number(id), themeId: Number(input.item.id) }))
					];
		// A draft the vote cannot take (opened, or not the facilitator's) is refused there.
		return createDraftProposal(
			tx,
			actor,
			{
				voteId: input.voteId,
				title: input.title,
				description: input.description,
				kind: input.kind,
				amount: input.amountPence,
				serviceId: input.serviceId,
				sources,
				fromLab: labId
			},
			now
		);
	});
}

/**
 * Creates an empty draft vote (title only) for the lab's engagement, so its shortlist has
 * somewhere to go when the budget team has not set one up yet. The vote remembers the lab: its
 * facilitators may add proposals to it from the lab (vote/drafts.ts). Any staff role may.
 */
export function createDraftVote(
	db: DB,
	actor: audit.Actor,
	labId: number,
	title: string,
	now = new Date()
): number {
	return write(db, (tx) => {
		const lab = tx
			.select({ engagementId: labTable.engagementId })
			.from(labTable)
			.where(eq(labTable.id, labId))
			.get();
		if (!lab) throw new Error(`lab ${labId} does not exist`);
		// Open to holders of codes, as a vote made on the vote pages starts.
		return votes.createVote(
			tx,
			actor,
			{ engagementId: lab.engagementId, title, eligibility: 'codes', labId },
			now
		);
	});
}

export { listDraftVotes } from '../budget/proposals';
