/**
 * What people in the room do from their phones: join, post ideas, place and take back dots.
 * The facilitator can do the same from the console for someone without a phone: post their
 * idea, or add them as a paper participant and place their dots. Each is one transaction
 * that checks the lab as it stands, then a small live event to the screens. A refusal is a
 * {@link Refusal} with a {@link LabReason}, thrown inside the transaction: it leaves nothing
 * written and nothing sent.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import {
	countedItem,
	dotIndex,
	dotSummary,
	placeDot,
	removeDot,
	type Dot,
	type DotSummary
} from '../../lab/dots';
import type { BoardState } from '../../lab/moderation';
import type { IdeaKind, ItemRef, ParticipantRole } from '../../lab/ideas';
import { sameItem } from '../../lab/ideas';
import { canDo, type Action } from '../../lab/phases';
import { checkPostRate, DEFAULT_POST_RATE, type RateRule } from '../../lab/rate-limit';
import { itemKey, viewIdea, type LiveEvent } from '../../lab/view';
import * as audit from '../audit';
import { createParticipant } from '../codes';
import { Refusal, type RefusalParams } from '../command-refusal';
import { write, type DB } from '../db/open';
import { labDot, labIdea, labParticipant } from '../db/schema';
import {
	bumpVersion,
	getLab,
	loadShape,
	participantKey,
	publishSnapshot,
	toIdea,
	type LabRecord,
	type LoadedBoard
} from './board';
import * as fanout from './fanout';

/**
 * Why a participant's request was refused: the reason of the {@link Refusal} these commands
 * throw, by which the phone page says it in the participant's language.
 */
export type LabReason =
	| 'noLab'
	| 'closed'
	| 'notJoined'
	| 'phase'
	| 'paused'
	| 'rate'
	| 'invalid'
	| 'noDotsLeft'
	| 'itemLimit'
	| 'itemClosed'
	| 'noDotHere';

/** A refusal of the whole form, in English (`message`) and by reason (for the phone). */
function refusal(
	reason: LabReason,
	message: string,
	params?: RefusalParams,
	field = '_'
): Refusal<LabReason> {
	return new Refusal(field, message, { reason, params });
}

/** Refuses an action the phase or a pause does not allow a participant now. */
function checkPhase(record: LabRecord, action: Action): void {
	const verdict = canDo(record.session.phase, record.session.paused, action, 'participant');
	if (verdict.ok) return;
	const paused = canDo(record.session.phase, false, action, 'participant').ok;
	throw refusal(paused ? 'paused' : 'phase', verdict.reason);
}

export type Member = typeof labParticipant.$inferSelect;

/** This browser's membership of the lab, if it has joined. */
export function findMember(db: DB, labId: number, participantId: number): Member | undefined {
	return db
		.select()
		.from(labParticipant)
		.where(and(eq(labParticipant.labId, labId), eq(labParticipant.participantId, participantId)))
		.get();
}

function memberCount(db: DB, labId: number): number {
	return db
		.select({ n: count() })
		.from(labParticipant)
		.where(eq(labParticipant.labId, labId))
		.get()!.n;
}

/**
 * Joins the lab from this browser (the anonymous participant behind its cookie), or updates
 * the name and role of someone who already joined. Roles are dropped when the lab has them
 * switched off. Refused (a {@link Refusal}) when the lab has gone or finished.
 */
export function joinLab(
	db: DB,
	labId: number,
	participantId: number,
	input: { displayName: string | null; role: ParticipantRole | null },
	now = new Date()
): { member: Member; isNew: boolean } {
	const result = write(db, (tx) => {
		const record = getLab(tx, labId);
		if (!record) throw refusal('noLab', 'That lab no longer exists.');
		if (record.session.phase === 'closed') throw refusal('closed', 'The session has finished.');
		const role = record.rolesEnabled ? input.role : null;
		const existing = findMember(tx, labId, participantId);
		if (existing && existing.displayName === input.displayName && existing.role === role) {
			return { member: existing, isNew: false, version: null, count: 0 };
		}
		const member = existing
			? tx
					.update(labParticipant)
					.set({ displayName: input.displayName, role })
					.where(eq(labParticipant.id, existing.id))
					.returning()
					.get()
			: tx
					.insert(labParticipant)
					.values({ labId, participantId, displayName: input.displayName, role, joinedAt: now })
					.returning()
					.get();
		const version = bumpVersion(tx, labId, now);
		return { member, isNew: !existing, version, count: memberCount(tx, labId) };
	});
	if (result.version !== null) {
		if (result.isNew) {
			fanout.publish(labId, {
				type: 'joined',
				version: result.version,
				participantCount: result.count
			});
		} else {
			// A new name or role shows on ideas already posted.
			publishSnapshot(db, labId);
		}
	}
	return { member: result.member, isNew: result.isNew };
}

export interface IdeaInput {
	text: string;
	kind: IdeaKind;
	contribution: string | null;
	promptId: string;
}

/** Who is posting: someone who joined, or a facilitator typing in an idea from the room. */
export type Poster =
	| { kind: 'participant'; labParticipantId: number }
	| { kind: 'staff'; actor: audit.Actor; role: ParticipantRole | null };

/**
 * Posts an idea to the lab's board. Participants are held to the phase, the pause and the
 * posting rate; a facilitator only to the phase, and the post is audit-logged. Returns the new
 * idea's id, or throws a {@link Refusal}. The posting rate is counted from the ideas already
 * posted, so a refused post writes nothing and does not count against the next one.
 */
export function postIdea(
	db: DB,
	labId: number,
	poster: Poster,
	input: IdeaInput,
	now = new Date(),
	rate: RateRule = DEFAULT_POST_RATE
): number {
	const result = write(db, (tx) => {
		const record = getLab(tx, labId);
		if (!record) throw refusal('noLab', 'That lab no longer exists.');
		if (!record.kinds.includes(input.kind) || !record.prompts.some((p) => p.id === input.promptId))
			throw refusal('invalid', 'This session does not collect that kind of idea or question.');
		let member: Member | undefined;
		if (poster.kind === 'participant') {
			member = tx
				.select()
				.from(labParticipant)
				.where(and(eq(labParticipant.id, poster.labParticipantId), eq(labParticipant.labId, labId)))
				.get();
			if (!member) throw refusal('notJoined', 'Join the session first.');
			checkPhase(record, 'postIdea');
			const recent = tx
				.select({ postedAt: labIdea.postedAt })
				.from(labIdea)
				.where(
					and(
						eq(labIdea.participantId, member.id),
						gt(labIdea.postedAt, new Date(now.getTime() - rate.windowMs))
					)
				)
				.all()
				.map((r) => r.postedAt.getTime());
			const verdict = checkPostRate(recent, now.getTime(), rate);
			if (!verdict.allowed)
				throw refusal('rate', verdict.reason, { seconds: verdict.retryAfterSeconds });
		} else {
			const verdict = canDo(record.session.phase, false, 'postIdea', 'facilitator');
			if (!verdict.ok) throw refusal('phase', verdict.reason);
		}
		const row = tx
			.insert(labIdea)
			.values({
				labId,
				participantId: member?.id ?? null,
				postedBy: poster.kind === 'staff' ? poster.actor.id : null,
				promptId: input.promptId,
				kind: input.kind,
				text: input.text,
				contribution: input.contribution,
				role: poster.kind === 'staff' ? poster.role : (member?.role ?? null),
				postedAt: now
			})
			.returning()
			.get();
		const version = bumpVersion(tx, labId, now);
		if (poster.kind === 'staff') {
			audit.record(
				tx,
				poster.actor,
				{
					action: 'lab.idea.post',
					entityType: 'lab',
					entityId: labId,
					after: { ideaId: row.id, ...input, role: row.role }
				},
				now
			);
		}
		const event: LiveEvent = {
			type: 'idea',
			version,
			idea: viewIdea({ ...toIdea(row), themeId: null }, member?.displayName ?? null)
		};
		return { ideaId: row.id, event };
	});
	fanout.publish(labId, result.event);
	return result.ideaId;
}

/** Whether `name` is already taken by another paper participant (ignoring case and spaces). */
function paperNameTaken(tx: DB, labId: number, name: string): boolean {
	const tidy = (n: string) => n.trim().toLocaleLowerCase('en-GB');
	// Compared here rather than in SQL, whose lower() knows only ASCII ("Siân", "SIÂN").
	return tx
		.select({ name: labParticipant.displayName })
		.from(labParticipant)
		.where(and(eq(labParticipant.labId, labId), isNotNull(labParticipant.addedBy)))
		.all()
		.some((p) => p.name !== null && tidy(p.name) === tidy(name));
}

/**
 * Adds a paper participant: someone in the room without a phone, whose dots the facilitator
 * places from the console. They count in the room like anyone who joined, and get the same
 * budget of dots, kept on their own lab membership. Their name is how the facilitator tells
 * them apart, so two paper participants in one lab cannot share one. Audit-logged. Returns
 * their lab membership's id, or throws a {@link Refusal}.
 */
export function addPaperParticipant(
	db: DB,
	actor: audit.Actor,
	labId: number,
	input: { displayName: string; role: ParticipantRole | null },
	now = new Date()
): number {
	const result = write(db, (tx) => {
		const record = getLab(tx, labId);
		if (!record) throw refusal('noLab', 'That lab no longer exists.');
		if (record.session.phase === 'closed') throw refusal('closed', 'The session has finished.');
		if (paperNameTaken(tx, labId, input.displayName))
			throw refusal(
				'invalid',
				`There is already someone called “${input.displayName}” on paper. Add something to tell them apart, such as their table.`,
				{},
				'displayName'
			);
		// An anonymous participant of their own, whose token nobody is given: no phone can
		// ever act for them.
		const { id: participantId } = createParticipant(tx, now);
		const role = record.rolesEnabled ? input.role : null;
		const member = tx
			.insert(labParticipant)
			.values({
				labId,
				participantId,
				displayName: input.displayName,
				role,
				addedBy: actor.id,
				joinedAt: now
			})
			.returning()
			.get();
		const version = bumpVersion(tx, labId, now);
		audit.record(
			tx,
			actor,
			{
				action: 'lab.paper.add',
				entityType: 'lab',
				entityId: labId,
				after: { labParticipantId: member.id, displayName: input.displayName, role }
			},
			now
		);
		return { memberId: member.id, version, count: memberCount(tx, labId) };
	});
	fanout.publish(labId, {
		type: 'joined',
		version: result.version,
		participantCount: result.count
	});
	return result.memberId;
}

/**
 * Who moves a dot: the participant from their own phone, or a facilitator from the console
 * for a paper participant (held to the phase, not the pause, and audit-logged).
 */
export type DotMover = { kind: 'participant' } | { kind: 'staff'; actor: audit.Actor };

const FROM_PHONE: DotMover = { kind: 'participant' };

/** Places one of the participant's dots on an idea or theme, or throws a {@link Refusal}. */
export function addDot(
	db: DB,
	labId: number,
	labParticipantId: number,
	item: ItemRef,
	now = new Date(),
	by: DotMover = FROM_PHONE
): void {
	changeDots(db, labId, labParticipantId, item, 'placeDot', now, by);
}

/** Takes one of the participant's dots back from an idea or theme, or throws a {@link Refusal}. */
export function takeBackDot(
	db: DB,
	labId: number,
	labParticipantId: number,
	item: ItemRef,
	now = new Date(),
	by: DotMover = FROM_PHONE
): void {
	changeDots(db, labId, labParticipantId, item, 'removeDot', now, by);
}

function changeDots(
	db: DB,
	labId: number,
	labParticipantId: number,
	item: ItemRef,
	action: 'placeDot' | 'removeDot',
	now: Date,
	by: DotMover
): void {
	const event = write(db, (tx): LiveEvent => {
		const record = getLab(tx, labId);
		if (!record) throw refusal('noLab', 'That lab no longer exists.');
		const member = tx
			.select({
				id: labParticipant.id,
				addedBy: labParticipant.addedBy,
				displayName: labParticipant.displayName
			})
			.from(labParticipant)
			.where(and(eq(labParticipant.id, labParticipantId), eq(labParticipant.labId, labId)))
			.get();
		if (!member) throw refusal('notJoined', 'Join the session first.');
		if (by.kind === 'staff') {
			// Someone with a phone spends their own dots; the console only votes for paper.
			if (member.addedBy === null)
				throw refusal(
					'notJoined',
					'Only the dots of people added here without a phone can be placed from the console.'
				);
			const verdict = canDo(record.session.phase, false, action, 'facilitator');
			if (!verdict.ok) throw refusal('phase', verdict.reason);
		} else {
			checkPhase(record, action);
		}
		// The budget rules look only at this participant's dots; the board's shape says where
		// each dot counts. Everyone else's dots are counted in SQL for the live total.
		const board = loadShape(tx, labId);
		const key = participantKey(labParticipantId);
		const mine: Dot[] = tx
			.select({ id: labDot.id, itemType: labDot.itemType, itemId: labDot.itemId })
			.from(labDot)
			.where(eq(labDot.participantId, labParticipantId))
			.orderBy(asc(labDot.id))
			.all()
			.map((r) => ({
				id: String(r.id),
				participantId: key,
				item: { type: r.itemType, id: r.itemId }
			}));
		const index = dotIndex(board);
		const counted = countedItem(index, item);
		if (action === 'placeDot') {
			const rules = { perParticipant: record.dotsPerParticipant, perItem: record.maxDotsPerIdea };
			const summary = dotSummary(mine, key, board, rules);
			if (summary.left === 0) {
				throw refusal('noDotsLeft', 'You have no dots left. Take one back to move it.');
			}
			const onItem = summary.items.find((e) => sameItem(e.item, counted))?.count ?? 0;
			if (onItem >= rules.perItem) {
				throw refusal('itemLimit', `At most ${rules.perItem} dots on one idea or theme.`, {
					max: rules.perItem
				});
			}
			const placed = placeDot(mine, key, item, board, rules);
			if (!placed.ok) throw refusal('itemClosed', placed.reason);
			tx.insert(labDot)
				.values({
					labId,
					participantId: labParticipantId,
					itemType: placed.value.dot.item.type,
					itemId: placed.value.dot.item.id,
					placedAt: now
				})
				.run();
		} else {
			const removed = removeDot(mine, key, item, board);
			if (!removed.ok) throw refusal('noDotHere', removed.reason);
			tx.delete(labDot)
				.where(eq(labDot.id, Number(removed.value.removed.id)))
				.run();
		}
		const version = bumpVersion(tx, labId, now);
		if (by.kind === 'staff') {
			audit.record(
				tx,
				by.actor,
				{
					action: action === 'placeDot' ? 'lab.dot.place' : 'lab.dot.remove',
					entityType: 'lab',
					entityId: labId,
					after: { labParticipantId, displayName: member.displayName, item }
				},
				now
			);
		}
		const totals = countDots(tx, labId, board, counted);
		return {
			type: 'dots',
			version,
			key: itemKey(counted),
			dots: totals.onItem,
			dotsPlaced: totals.all
		};
	});
	fanout.publish(labId, event);
}

/** All the lab's dots, and those that count for `counted` (on it, or on an idea merged into it). */
function countDots(
	tx: DB,
	labId: number,
	board: BoardState,
	counted: ItemRef
): { all: number; onItem: number } {
	const index = dotIndex(board);
	const ids =
		counted.type === 'theme'
			? [counted.id]
			: board.ideas
					.filter((i) => countedItem(index, { type: 'idea', id: i.id }).id === counted.id)
					.map((i) => i.id);
	if (ids.length === 0) ids.push(counted.id);
	const onItem = and(eq(labDot.itemType, counted.type), inArray(labDot.itemId, ids));
	const row = tx
		.select({
			all: count(),
			onItem: sql<number>`coalesce(sum(case when ${onItem} then 1 else 0 end), 0)`
		})
		.from(labDot)
		.where(eq(labDot.labId, labId))
		.get()!;
	return { all: row.all, onItem: Number(row.onItem) };
}

/** The participant's own dots (for their phone): how many are left and where the others are. */
export function dotsOf(loaded: LoadedBoard, labParticipantId: number): DotSummary {
	return dotSummary(loaded.dots, participantKey(labParticipantId), loaded.board, {
		perParticipant: loaded.lab.dotsPerParticipant,
		perItem: loaded.lab.maxDotsPerIdea
	});
}
