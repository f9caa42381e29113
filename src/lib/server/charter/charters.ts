// The community charter's server side: every change loads the charter's rows into its state,
// asks the pure life cycle (src/lib/charter/lifecycle.ts) whether it may happen, and appends
// the result in the same IMMEDIATE transaction as its audit entry. A change that may not
// happen throws a Refusal (charterRefusal) inside that transaction, with every reason.
import { desc, eq } from 'drizzle-orm';
import {
	emptyContent,
	type CharterContent,
	type CharterLinks,
	type Governance
} from '../../charter/charter';
import type { CommentResponse } from '../../charter/consultation';
import * as editing from '../../charter/editing';
import type { ItemFields, ListSection } from '../../charter/editing';
import {
	newCharter,
	transition,
	type Actor as LifecycleActor,
	type CharterAction
} from '../../charter/lifecycle';
import type { RagStatus, ReviewTargetKind } from '../../charter/review';
import type { CharterState } from '../../charter/state';
import * as audit from '../audit';
import { Refusal } from '../command-refusal';
import { write, type DB } from '../db/open';
import { charter, engagement, service } from '../db/schema';
import { generateToken } from '../tokens';
import {
	loadCharter,
	loadCharterBySlug,
	parseContent,
	saveChanges,
	type LoadedCharter
} from './rows';

export type { LoadedCharter } from './rows';

/**
 * What a resident is told of a refusal, by key (their page has the words in English and
 * Welsh): a public comment is refused as comments being closed, and a signature as the link
 * not signing now, whatever the life cycle's reasons (staff pages show those).
 */
export type CharterReason = CommentReason | SignReason;
export type CommentReason = 'commentsClosed';
export type SignReason = 'cannotSign';

/**
 * A charter change refused. The life cycle gives every reason it may not happen, in plain
 * English: they are the message, one after another, and each one apart in `details` for the
 * staff pages that list them.
 */
export function charterRefusal(
	reasons: readonly string[],
	options: { field?: string; reason?: CharterReason } = {}
): Refusal<CharterReason> {
	return new Refusal<CharterReason>(options.field ?? '_', reasons.join(' '), {
		reason: options.reason,
		details: reasons
	});
}

/** A random item id for an outcome, party, commitment or standard (stable across versions). */
export function newItemId(prefix: string): string {
	return `${prefix}-${generateToken().slice(0, 10)}`;
}

/** The public address's last part: 80 random bits, so a draft's link cannot be guessed. */
export function newSlug(): string {
	return generateToken().slice(0, 16);
}

export function getCharter(db: DB, id: number): LoadedCharter | undefined {
	return loadCharter(db, id);
}

export function getCharterBySlug(db: DB, slug: string): LoadedCharter | undefined {
	return loadCharterBySlug(db, slug);
}

export interface CharterSummary {
	id: number;
	engagementId: number;
	engagementTitle: string;
	serviceName: string;
	title: string;
	status: CharterState['status'];
	slug: string;
	updatedAt: Date;
}

/** Every charter (of one engagement, when given), newest first. */
export function listCharters(db: DB, engagementId?: number): CharterSummary[] {
	return db
		.select({
			id: charter.id,
			engagementId: charter.engagementId,
			engagementTitle: engagement.title,
			serviceName: service.name,
			status: charter.status,
			content: charter.content,
			slug: charter.slug,
			updatedAt: charter.updatedAt
		})
		.from(charter)
		.innerJoin(engagement, eq(engagement.id, charter.engagementId))
		.innerJoin(service, eq(service.id, charter.serviceId))
		.where(engagementId === undefined ? undefined : eq(charter.engagementId, engagementId))
		.orderBy(desc(charter.id))
		.all()
		.map(({ content, ...row }) => ({ ...row, title: parseContent(content).title }));
}

/**
 * Starts a charter for an engagement: an empty draft naming the engagement's service. Returns
 * the new charter's id; an engagement that is not there is refused by `engagementId`.
 */
export function createCharter(
	db: DB,
	actor: audit.Actor,
	input: { engagementId: number; title: string },
	now = new Date(),
	slug = newSlug()
): number {
	return write(db, (tx) => {
		const found = tx
			.select({ serviceId: engagement.serviceId, serviceName: service.name })
			.from(engagement)
			.innerJoin(service, eq(service.id, engagement.serviceId))
			.where(eq(engagement.id, input.engagementId))
			.get();
		if (!found)
			throw charterRefusal(['Choose an engagement from the list.'], { field: 'engagementId' });
		const content: CharterContent = {
			...emptyContent(),
			title: input.title,
			service: found.serviceName
		};
		const state = newCharter(content);
		const id = tx
			.insert(charter)
			.values({
				engagementId: input.engagementId,
				serviceId: found.serviceId,
				status: state.status,
				content: JSON.stringify(state.content),
				slug,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: charter.id })
			.get().id;
		audit.record(
			tx,
			actor,
			{ action: 'charter.create', entityType: 'charter', entityId: id, after: input },
			now
		);
		return id;
	});
}

/** Who is acting, as the server knows them. */
type Who =
	| { kind: 'staff'; actor: audit.Actor }
	| { kind: 'public' }
	| { kind: 'signatory'; partyId: string; versionNumber: number };

/** The key of a refusal, for those who read it on a resident page (see CharterReason). */
const RESIDENT_REASON: Record<Who['kind'], CharterReason | undefined> = {
	staff: undefined,
	public: 'commentsClosed',
	signatory: 'cannotSign'
};

function lifecycleActor(who: Who): LifecycleActor {
	if (who.kind === 'signatory')
		return { kind: 'signatory', partyId: who.partyId, versionNumber: who.versionNumber };
	return { kind: who.kind };
}

/**
 * The one way a charter changes: load its state, build the action from it (inside the
 * transaction, so two staff editing at once each apply to the latest text), run the life
 * cycle, append the difference and the audit entry. Public comments are not audited: the
 * audit log records staff (and signatories), not residents. Returns the new state; a change
 * refused throws inside the transaction, so nothing of it is kept.
 */
function act(
	db: DB,
	charterId: number,
	who: Who,
	auditAction: string,
	build: (state: CharterState) => CharterAction | { refuse: string[] },
	now: Date
): CharterState {
	return write(db, (tx) => actIn(tx, charterId, who, auditAction, build, now));
}

/** `act` inside a transaction the caller holds. */
function actIn(
	tx: DB,
	charterId: number,
	who: Who,
	auditAction: string,
	build: (state: CharterState) => CharterAction | { refuse: string[] },
	now: Date
): CharterState {
	const refuse = (reasons: readonly string[]) =>
		charterRefusal(reasons, { reason: RESIDENT_REASON[who.kind] });
	const loaded = loadCharter(tx, charterId);
	if (!loaded) throw refuse(['That charter was not found.']);
	const action = build(loaded.state);
	if ('refuse' in action) throw refuse(action.refuse);
	const result = transition(loaded.state, action, {
		actor: lifecycleActor(who),
		now: now.toISOString()
	});
	if (!result.ok) throw refuse(result.reasons);
	saveChanges(
		tx,
		loaded,
		loaded.state,
		result.state,
		now,
		who.kind === 'staff' ? who.actor.id : null
	);
	if (who.kind !== 'public') {
		// A signatory has no account: the audit names the party the link was made for.
		const actor =
			who.kind === 'staff'
				? who.actor
				: { id: null, email: `signing link for ${partyName(result.state, who.partyId)}` };
		audit.record(
			tx,
			actor,
			{
				action: auditAction,
				entityType: 'charter',
				entityId: charterId,
				before: summarise(loaded.state, action),
				after: summarise(result.state, action)
			},
			now
		);
	}
	return result.state;
}

function partyName(state: CharterState, partyId: string): string {
	for (const v of state.versions) {
		const party = v.content.parties.find((p) => p.id === partyId);
		if (party) return party.organisation;
	}
	return partyId;
}

/** What the audit entry keeps: the status, and the text when the text changed. */
function summarise(state: CharterState, action: CharterAction) {
	return {
		status: state.status,
		versions: state.versions.length,
		...(action.type === 'edit' ? { content: state.content } : {})
	};
}

const staff = (actor: audit.Actor): Who => ({ kind: 'staff', actor });

// ---- Drafting ---------------------------------------------------------------------------

/** Changes the working text by an editing rule (which may refuse), through `edit`. */
function editContent(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	auditAction: string,
	change: (content: CharterContent) => editing.EditResult,
	now: Date
): void {
	act(
		db,
		charterId,
		staff(actor),
		auditAction,
		(state) => {
			const edited = change(state.content);
			return edited.ok ? { type: 'edit', content: edited.content } : { refuse: edited.reasons };
		},
		now
	);
}

export function saveBasics(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	basics: Pick<CharterContent, 'title' | 'service' | 'summary'>,
	now = new Date()
): void {
	editContent(
		db,
		actor,
		charterId,
		'charter.edit.basics',
		(c) => editing.setBasics(c, basics),
		now
	);
}

/** The Welsh of the working text, field by field (`charterWelshFields`); blank removes it. */
export function saveWelsh(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	welsh: Record<string, string>,
	now = new Date()
): void {
	editContent(db, actor, charterId, 'charter.edit.welsh', (c) => editing.setWelsh(c, welsh), now);
}

export function saveGovernance(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	governance: Governance,
	now = new Date()
): void {
	editContent(
		db,
		actor,
		charterId,
		'charter.edit.governance',
		(c) => editing.setGovernance(c, governance),
		now
	);
}

export function saveLinks(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	links: CharterLinks,
	now = new Date()
): void {
	editContent(db, actor, charterId, 'charter.edit.links', (c) => editing.setLinks(c, links), now);
}

const ID_PREFIX: Record<ListSection, string> = {
	outcomes: 'o',
	parties: 'p',
	commitments: 'c',
	standards: 's'
};

/** Adds an item at the end of a list; returns its new id. */
export function addItem<S extends ListSection>(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	section: S,
	fields: ItemFields[S],
	now = new Date(),
	id = newItemId(ID_PREFIX[section])
): string {
	editContent(
		db,
		actor,
		charterId,
		`charter.edit.${section}`,
		(c) => editing.addItem(c, section, fields, id),
		now
	);
	return id;
}

/** Rewrites one item of a list, keeping its id and place. */
export function updateItem<S extends ListSection>(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	section: S,
	itemId: string,
	fields: ItemFields[S],
	now = new Date()
): void {
	editContent(
		db,
		actor,
		charterId,
		`charter.edit.${section}`,
		(c) => editing.updateItem(c, section, itemId, fields),
		now
	);
}

/** Removes one item. A party is only removed once it has no commitments left. */
export function removeItem(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	section: ListSection,
	itemId: string,
	now = new Date()
): void {
	editContent(
		db,
		actor,
		charterId,
		`charter.edit.${section}`,
		(c) => editing.removeItem(c, section, itemId),
		now
	);
}

/** Moves an item one place up or down (the order is part of what is signed). */
export function moveItem(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	section: ListSection,
	itemId: string,
	direction: 'up' | 'down',
	now = new Date()
): void {
	editContent(
		db,
		actor,
		charterId,
		`charter.edit.${section}`,
		(c) => editing.moveItem(c, section, itemId, direction),
		now
	);
}

// ---- Life cycle -------------------------------------------------------------------------

function simple(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	action: CharterAction,
	now: Date
): void {
	act(db, charterId, staff(actor), `charter.${action.type}`, () => action, now);
}

export function openConsultation(db: DB, actor: audit.Actor, charterId: number, now = new Date()) {
	return simple(db, actor, charterId, { type: 'openConsultation' }, now);
}

/** Freezes the working text as the next version and revokes nothing: links are made per version. */
export function openSigning(db: DB, actor: audit.Actor, charterId: number, now = new Date()) {
	return simple(db, actor, charterId, { type: 'openSigning' }, now);
}

/** Takes the version back out of signing; its signing links stop working with it. */
export function withdrawSigning(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	reason: string,
	now = new Date()
) {
	return simple(db, actor, charterId, { type: 'withdrawSigning', reason }, now);
}

export function publish(db: DB, actor: audit.Actor, charterId: number, now = new Date()) {
	return simple(db, actor, charterId, { type: 'publish' }, now);
}

export function startAmendment(db: DB, actor: audit.Actor, charterId: number, now = new Date()) {
	return simple(db, actor, charterId, { type: 'startAmendment' }, now);
}

export function discardAmendment(db: DB, actor: audit.Actor, charterId: number, now = new Date()) {
	return simple(db, actor, charterId, { type: 'discardAmendment' }, now);
}

/** Anyone with the link comments while the charter is open for comments. */
export function addComment(
	db: DB,
	charterId: number,
	input: { name: string; text: string },
	now = new Date(),
	id = generateToken().slice(0, 12)
): string {
	act(
		db,
		charterId,
		{ kind: 'public' },
		'charter.comment',
		() => ({ type: 'comment', id, authorName: input.name, text: input.text }),
		now
	);
	return id;
}

export function answerComment(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	input: { commentId: string; response: CommentResponse; answer: string },
	now = new Date()
) {
	return simple(db, actor, charterId, { type: 'answerComment', ...input }, now);
}

export function recordReview(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	input: { targetKind: ReviewTargetKind; targetId: string; status: RagStatus; note: string },
	now = new Date(),
	id = generateToken().slice(0, 12)
) {
	return simple(
		db,
		actor,
		charterId,
		{
			type: 'recordReview',
			id,
			target: { kind: input.targetKind, id: input.targetId },
			status: input.status,
			note: input.note
		},
		now
	);
}

// ---- Signing ----------------------------------------------------------------------------

/**
 * Signs a version for a party, in the caller's transaction, once its signing link has been
 * checked (./signing-links). The life cycle refuses a text other than the one shown, a version
 * no longer being signed and a second signature.
 */
export function signVersion(
	tx: DB,
	charterId: number,
	signatory: { partyId: string; versionNumber: number },
	input: { name: string; role: string; versionHash: string },
	now: Date
): CharterState {
	return actIn(
		tx,
		charterId,
		{ kind: 'signatory', ...signatory },
		'charter.sign',
		() => ({ type: 'sign', ...input }),
		now
	);
}
