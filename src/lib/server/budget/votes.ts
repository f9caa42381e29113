/**
 * Votes and their proposals as staff set them up: details, schedule, eligibility and rules,
 * proposals added, edited and ordered while the vote is a draft; opening and closing. Every
 * change is audit-logged in its own transaction. Once the first ballot arrives the rules and
 * proposals are frozen (and triggers in the migration hold that even against a bug).
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	gt,
	inArray,
	isNotNull,
	isNull,
	lt,
	ne,
	sql
} from 'drizzle-orm';
import { MAX_DECLARED } from '../../budget/tallies';
import { USERS } from '../../budget/types';
import { parseStoredRules } from '../../vote/rules';
import type { Rules } from '../../budget/types';
import { voteState, type VoteState } from '../../vote/state';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { prepared } from '../db/prepared';
import {
	ballot,
	codeBatch,
	engagement,
	proposal,
	proposalImage,
	proposalSource,
	segment,
	service,
	vote,
	voteRound
} from '../db/schema';
import { createDraftProposal } from './proposals';
import { Refusal } from '../command-refusal';

export type Eligibility = 'codes' | 'open' | 'both';

export interface Vote {
	id: number;
	engagementId: number;
	title: string;
	titleCy: string | null;
	description: string;
	descriptionCy: string | null;
	status: 'draft' | 'open' | 'closed';
	rules: Rules;
	/** Whether rules were saved explicitly (a draft shows the defaults until then). */
	rulesSet: boolean;
	rulesFrozenAt: Date | null;
	opensAt: Date | null;
	closesAt: Date | null;
	eligibility: Eligibility;
	createdAt: Date;
	updatedAt: Date;
}

export interface VoteProposal {
	id: number;
	voteId: number;
	position: number;
	title: string;
	titleCy: string | null;
	description: string;
	descriptionCy: string | null;
	/** The easy-read summary staff wrote (the easy-read ballot shows the description without). */
	easyRead: string | null;
	easyReadCy: string | null;
	kind: 'saving' | 'development';
	/** Pence. */
	amount: number;
	serviceId: string;
	serviceName: string;
	serviceNameCy: string | null;
	affects: string[];
	imageAlt: string | null;
	hasImage: boolean;
	/** How many lab ideas or themes it was drafted from. */
	sources: number;
}

function toVote(row: typeof vote.$inferSelect): Vote {
	return {
		id: row.id,
		engagementId: row.engagementId,
		title: row.title,
		titleCy: row.titleCy,
		description: row.description,
		descriptionCy: row.descriptionCy,
		status: row.status,
		rules: parseStoredRules(row.rules),
		rulesSet: row.rules !== null,
		rulesFrozenAt: row.rulesFrozenAt,
		opensAt: row.opensAt,
		closesAt: row.closesAt,
		eligibility: row.eligibility,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

export function getVote(db: DB, id: number): Vote | undefined {
	if (!Number.isInteger(id) || id < 1) return undefined;
	const row = prepared(db, 'votes.getVote', (d) =>
		d
			.select()
			.from(vote)
			.where(eq(vote.id, sql.placeholder('id')))
			.prepare()
	).get({ id });
	return row ? toVote(row) : undefined;
}

export function stateOf(v: Vote, now = new Date()): VoteState {
	return voteState(v, now);
}

/** Votes (of one engagement, or all) with their engagement and how many ballots they hold. */
export function listVotes(db: DB, engagementId?: number) {
	const ballots = db
		.select({ voteId: ballot.voteId, n: count().as('n') })
		.from(ballot)
		.where(isNull(ballot.voidedAt))
		.groupBy(ballot.voteId)
		.as('ballots');
	return db
		.select({
			vote,
			engagementTitle: engagement.title,
			ballots: sql<number>`coalesce(${ballots.n}, 0)`
		})
		.from(vote)
		.innerJoin(engagement, eq(engagement.id, vote.engagementId))
		.leftJoin(ballots, eq(ballots.voteId, vote.id))
		.where(engagementId === undefined ? undefined : eq(vote.engagementId, engagementId))
		.orderBy(desc(vote.id))
		.all()
		.map((r) => ({ ...toVote(r.vote), engagementTitle: r.engagementTitle, ballots: r.ballots }));
}

/** Votes staff have opened (and perhaps closed since): all residents can see. */
export function listStartedVotes(db: DB): Vote[] {
	return db
		.select()
		.from(vote)
		.where(ne(vote.status, 'draft'))
		.orderBy(asc(vote.id))
		.all()
		.map(toVote);
}

/** Votes residents can open now (status open and within the schedule). */
export function listOpenVotes(db: DB, now: Date): Vote[] {
	return listStartedVotes(db).filter((v) => voteState(v, now) === 'open');
}

export interface VoteDetails {
	title: string;
	titleCy?: string | null;
	description?: string | null;
	descriptionCy?: string | null;
	opensAt?: Date | null;
	closesAt?: Date | null;
	eligibility: Eligibility;
}

function detailValues(d: VoteDetails) {
	return {
		title: d.title,
		titleCy: d.titleCy ?? null,
		description: d.description ?? '',
		descriptionCy: d.descriptionCy ?? null,
		opensAt: d.opensAt ?? null,
		closesAt: d.closesAt ?? null,
		eligibility: d.eligibility
	};
}

/**
 * Creates a draft vote. With `labId`, the vote is the one a lab's shortlist made (its
 * facilitators may then add proposals to it from that lab: vote/drafts.ts).
 */
export function createVote(
	db: DB,
	actor: audit.Actor,
	input: { engagementId: number; labId?: number } & VoteDetails,
	now = new Date()
): number {
	return write(db, (tx) => {
		if (!tx.select().from(engagement).where(eq(engagement.id, input.engagementId)).get())
			throw new Refusal('engagementId', 'Choose an engagement from the list');
		const values = detailValues(input);
		const labId = input.labId ?? null;
		const row = tx
			.insert(vote)
			.values({
				engagementId: input.engagementId,
				...values,
				status: 'draft',
				createdAt: now,
				updatedAt: now,
				labId
			})
			.returning({ id: vote.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.create',
				entityType: 'vote',
				entityId: row.id,
				after: {
					engagementId: input.engagementId,
					...values,
					...(labId === null ? {} : { from: 'lab', labId })
				}
			},
			now
		);
		return row.id;
	});
}

/**
 * Saves the title, descriptions, schedule and eligibility. Who may vote cannot change once a
 * ballot has been cast (it would change what earlier ballots mean); the schedule can, until
 * the vote closes.
 */
export function updateVoteDetails(
	db: DB,
	actor: audit.Actor,
	id: number,
	input: VoteDetails,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = getVote(tx, id);
		if (!before) throw new Refusal('id', 'That vote no longer exists');
		if (before.status === 'closed')
			throw new Refusal('_', 'This vote is closed: its details can no longer change');
		if (before.rulesFrozenAt && input.eligibility !== before.eligibility)
			throw new Refusal(
				'eligibility',
				'Ballots have been cast, so who can vote can no longer change'
			);
		const values = detailValues(input);
		tx.update(vote)
			.set({ ...values, updatedAt: now })
			.where(eq(vote.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.update',
				entityType: 'vote',
				entityId: id,
				before: detailValues(before),
				after: values
			},
			now
		);
	});
}

/** Saves the counting rules; refused once the first ballot has frozen them. */
/**
 * Whether this vote can tell verified service users apart (counting.md: membership "verified" is
 * allowed only then): its engagement has service-user codes, or one of its room rounds is held
 * with a service's users.
 */
export function canVerify(db: DB, v: Vote): boolean {
	const codes = db
		.select({ id: codeBatch.id })
		.from(codeBatch)
		.where(and(eq(codeBatch.engagementId, v.engagementId), isNotNull(codeBatch.serviceId)))
		.limit(1)
		.get();
	if (codes) return true;
	return !!db
		.select({ id: voteRound.id })
		.from(voteRound)
		.where(and(eq(voteRound.voteId, v.id), isNotNull(voteRound.usersServiceId)))
		.limit(1)
		.get();
}

export function saveRules(
	db: DB,
	actor: audit.Actor,
	id: number,
	rules: Rules,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = getVote(tx, id);
		if (!before) throw new Refusal('id', 'That vote no longer exists');
		if (before.rulesFrozenAt || before.status === 'closed')
			throw new Refusal('_', 'Ballots have been cast, so the rules can no longer change');
		if (rules.protection.membership === 'verified' && !canVerify(tx, before))
			throw new Refusal(
				'membership',
				'Only verified users can count when the vote can verify them: make service-user codes for this engagement first'
			);
		tx.update(vote)
			.set({ rules: JSON.stringify(rules), updatedAt: now })
			.where(eq(vote.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.rules',
				entityType: 'vote',
				entityId: id,
				before: before.rulesSet ? before.rules : null,
				after: rules
			},
			now
		);
	});
}

/**
 * Opens a draft vote for ballots (from `opensAt`, if set). It needs at least one proposal, and a
 * vote with savings needs its rules saved: the limit on don't-wants is what bounds a bloc's
 * vetoes, so it must be chosen (counting.md), never the default. A vote of developments only
 * opens with the defaults stored now if staff never changed them.
 */
export function openVote(db: DB, actor: audit.Actor, id: number, now = new Date()): void {
	write(db, (tx) => {
		const v = getVote(tx, id);
		if (!v) throw new Refusal('id', 'That vote no longer exists');
		if (v.status !== 'draft') throw new Refusal('_', 'This vote has already been opened');
		const proposals = tx.select({ n: count() }).from(proposal).where(eq(proposal.voteId, id)).get()!
			.n;
		if (proposals === 0)
			throw new Refusal('_', 'Add at least one proposal before opening the vote');
		if (!v.rulesSet && hasProposal(tx, id, 'saving'))
			throw new Refusal(
				'_',
				'Save the counting rules before opening: a vote with savings must state the most Don’t wants per ballot (0 for no limit)'
			);
		if (v.closesAt && v.closesAt <= now)
			throw new Refusal('closesAt', 'The closing time has passed: set a later one first');
		tx.update(vote)
			.set({ status: 'open', rules: JSON.stringify(v.rules), updatedAt: now })
			.where(eq(vote.id, id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.open',
				entityType: 'vote',
				entityId: id,
				after: { rules: v.rules, opensAt: v.opensAt, closesAt: v.closesAt }
			},
			now
		);
	});
}

/** Whether any of a vote's proposals is a saving, or (given `serviceId`) is of that service. */
function hasProposal(db: DB, voteId: number, which: { serviceId: string } | 'saving'): boolean {
	return !!db
		.select({ id: proposal.id })
		.from(proposal)
		.where(
			and(
				eq(proposal.voteId, voteId),
				which === 'saving' ? eq(proposal.kind, 'saving') : eq(proposal.serviceId, which.serviceId)
			)
		)
		.limit(1)
		.get();
}

/**
 * Whether the vote asks about this service (one of its proposals is of it): the only services
 * staff may record a checked user of, on paper or at a kiosk.
 */
export function asksAbout(db: DB, voteId: number, serviceId: string): boolean {
	return hasProposal(db, voteId, { serviceId });
}

// ---------------------------------------------------------------- proposals

export function listProposals(db: DB, voteId: number): VoteProposal[] {
	const sources = db
		.select({ proposalId: proposalSource.proposalId, n: count().as('sources_n') })
		.from(proposalSource)
		.groupBy(proposalSource.proposalId)
		.as('sources');
	return db
		.select({
			p: proposal,
			serviceName: service.name,
			serviceNameCy: service.nameCy,
			image: proposalImage.proposalId,
			sources: sql<number>`coalesce(${sources.n}, 0)`
		})
		.from(proposal)
		.innerJoin(service, eq(service.id, proposal.serviceId))
		.leftJoin(proposalImage, eq(proposalImage.proposalId, proposal.id))
		.leftJoin(sources, eq(sources.proposalId, proposal.id))
		.where(eq(proposal.voteId, voteId))
		.orderBy(asc(proposal.position), asc(proposal.id))
		.all()
		.map(({ p, serviceName, serviceNameCy, image, sources }) => ({
			id: p.id,
			voteId: p.voteId,
			position: p.position,
			title: p.title,
			titleCy: p.titleCy,
			description: p.description,
			descriptionCy: p.descriptionCy,
			easyRead: p.easyRead,
			easyReadCy: p.easyReadCy,
			kind: p.kind,
			amount: p.amount,
			serviceId: p.serviceId,
			serviceName,
			serviceNameCy,
			affects: JSON.parse(p.affects) as string[],
			imageAlt: p.imageAlt,
			hasImage: image !== null,
			sources
		}));
}

export interface ProposalInput {
	title: string;
	titleCy?: string | null;
	description: string;
	descriptionCy?: string | null;
	easyRead?: string | null;
	easyReadCy?: string | null;
	kind: 'saving' | 'development';
	/** Pence. */
	amount: number;
	serviceId: string;
	affects: string[];
	imageAlt?: string | null;
	image?: { mime: string; bytes: Buffer } | null;
}

function checkProposalInput(tx: DB, input: ProposalInput): void {
	if (!tx.select().from(service).where(eq(service.id, input.serviceId)).get())
		throw new Refusal('serviceId', 'Choose a service from the list');
	// Declared dependent groups (counting.md): the service's users and segments of the catalogue.
	const segments = input.affects.filter((g) => g !== USERS);
	if (segments.length) {
		const known = tx
			.select({ id: segment.id })
			.from(segment)
			.where(inArray(segment.id, segments))
			.all();
		if (known.length !== new Set(segments).size)
			throw new Refusal('affects', 'Choose groups from the list');
	}
	if (new Set(input.affects).size > MAX_DECLARED)
		throw new Refusal('affects', `Declare at most ${MAX_DECLARED} groups`);
	if (input.image && !input.imageAlt)
		throw new Refusal('imageAlt', 'Describe the picture for people who cannot see it');
}

function editableVote(tx: DB, voteId: number): Vote {
	const v = getVote(tx, voteId);
	if (!v) throw new Refusal('voteId', 'That vote no longer exists');
	if (v.status !== 'draft' || v.rulesFrozenAt)
		throw new Refusal('_', 'The vote has opened: proposals can no longer change');
	return v;
}

function saveImage(tx: DB, proposalId: number, input: ProposalInput): void {
	if (!input.image) return;
	tx.delete(proposalImage).where(eq(proposalImage.proposalId, proposalId)).run();
	tx.insert(proposalImage)
		.values({ proposalId, mime: input.image.mime, bytes: input.image.bytes })
		.run();
}

/** Adds a proposal by hand at the end of a draft vote's list. */
export function addProposal(
	db: DB,
	actor: audit.Staff,
	voteId: number,
	input: ProposalInput,
	now = new Date()
): number {
	return write(db, (tx) => {
		editableVote(tx, voteId);
		checkProposalInput(tx, input);
		const id = createDraftProposal(
			tx,
			actor,
			{
				voteId,
				title: input.title,
				description: input.description,
				kind: input.kind,
				amount: input.amount,
				serviceId: input.serviceId,
				affects: input.affects
			},
			now
		);
		tx.update(proposal)
			.set({
				titleCy: input.titleCy ?? null,
				descriptionCy: input.descriptionCy ?? null,
				easyRead: input.easyRead ?? null,
				easyReadCy: input.easyReadCy ?? null,
				imageAlt: input.image ? (input.imageAlt ?? null) : null
			})
			.where(eq(proposal.id, id))
			.run();
		saveImage(tx, id, input);
		return id;
	});
}

export function getProposal(db: DB, voteId: number, proposalId: number) {
	return listProposals(db, voteId).find((p) => p.id === proposalId);
}

export function updateProposal(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	proposalId: number,
	input: ProposalInput & { removeImage?: boolean },
	now = new Date()
): void {
	write(db, (tx) => {
		editableVote(tx, voteId);
		const before = getProposal(tx, voteId, proposalId);
		if (!before) throw new Refusal('_', 'That proposal no longer exists');
		checkProposalInput(tx, { ...input, imageAlt: input.imageAlt ?? before.imageAlt });
		const keepImage = before.hasImage && !input.removeImage;
		if ((input.image || keepImage) && !input.imageAlt)
			throw new Refusal('imageAlt', 'Describe the picture for people who cannot see it');
		const values = {
			title: input.title,
			titleCy: input.titleCy ?? null,
			description: input.description,
			descriptionCy: input.descriptionCy ?? null,
			easyRead: input.easyRead ?? null,
			easyReadCy: input.easyReadCy ?? null,
			kind: input.kind,
			amount: input.amount,
			serviceId: input.serviceId,
			affects: JSON.stringify(input.affects),
			imageAlt: input.image || keepImage ? (input.imageAlt ?? null) : null
		};
		tx.update(proposal).set(values).where(eq(proposal.id, proposalId)).run();
		if (input.removeImage && !input.image)
			tx.delete(proposalImage).where(eq(proposalImage.proposalId, proposalId)).run();
		saveImage(tx, proposalId, input);
		audit.record(
			tx,
			actor,
			{
				action: 'proposal.update',
				entityType: 'vote',
				entityId: voteId,
				before: { ...before, image: before.hasImage },
				after: { proposalId, ...values, image: !!input.image || keepImage }
			},
			now
		);
	});
}

export function deleteProposal(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	proposalId: number,
	now = new Date()
): void {
	write(db, (tx) => {
		editableVote(tx, voteId);
		const before = getProposal(tx, voteId, proposalId);
		if (!before) throw new Refusal('_', 'That proposal no longer exists');
		tx.delete(proposalSource).where(eq(proposalSource.proposalId, proposalId)).run();
		tx.delete(proposalImage).where(eq(proposalImage.proposalId, proposalId)).run();
		tx.delete(proposal).where(eq(proposal.id, proposalId)).run();
		audit.record(
			tx,
			actor,
			{ action: 'proposal.delete', entityType: 'vote', entityId: voteId, before },
			now
		);
	});
}

/** Swaps a proposal with its neighbour: the listed order is the count's last tie-break. */
export function moveProposal(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	proposalId: number,
	direction: 'up' | 'down',
	now = new Date()
): void {
	write(db, (tx) => {
		editableVote(tx, voteId);
		const p = tx
			.select()
			.from(proposal)
			.where(and(eq(proposal.id, proposalId), eq(proposal.voteId, voteId)))
			.get();
		if (!p) throw new Refusal('_', 'That proposal no longer exists');
		const neighbour = tx
			.select()
			.from(proposal)
			.where(
				and(
					eq(proposal.voteId, voteId),
					direction === 'up' ? lt(proposal.position, p.position) : gt(proposal.position, p.position)
				)
			)
			.orderBy(direction === 'up' ? desc(proposal.position) : asc(proposal.position))
			.limit(1)
			.get();
		if (!neighbour) return;
		tx.update(proposal).set({ position: neighbour.position }).where(eq(proposal.id, p.id)).run();
		tx.update(proposal).set({ position: p.position }).where(eq(proposal.id, neighbour.id)).run();
		audit.record(
			tx,
			actor,
			{
				action: 'proposal.move',
				entityType: 'vote',
				entityId: voteId,
				after: { proposalId, direction }
			},
			now
		);
	});
}

export function proposalImageOf(db: DB, voteId: number, proposalId: number) {
	return db
		.select({ mime: proposalImage.mime, bytes: proposalImage.bytes })
		.from(proposalImage)
		.innerJoin(proposal, eq(proposal.id, proposalImage.proposalId))
		.where(and(eq(proposalImage.proposalId, proposalId), eq(proposal.voteId, voteId)))
		.get();
}
