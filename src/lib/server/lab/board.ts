/**
 * Lab rows to the lab's domain values and back: the lab record, the board replayed from its
 * ideas and moderation log, the public view, and the version every change moves on.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { applyEvents } from '../../lab/board';
import type { Dot } from '../../lab/dots';
import type { ModerationAction, ModerationEvent } from '../../lab/events';
import type { Idea, IdeaKind, ParticipantRole } from '../../lab/ideas';
import type { BoardState } from '../../lab/moderation';
import type { Session } from '../../lab/phases';
import {
	boardView,
	type BoardView,
	type LabSettings,
	type NamedParticipant,
	type Prompt
} from '../../lab/view';
import type { DB } from '../db/open';
import { lab, labDot, labEvent, labIdea, labParticipant } from '../db/schema';
import * as fanout from './fanout';

/** A lab as the server works with it. */
export interface LabRecord {
	id: number;
	engagementId: number;
	serviceId: string;
	title: string;
	titleCy: string | null;
	joinCode: string;
	prompts: Prompt[];
	kinds: IdeaKind[];
	dotsPerParticipant: number;
	maxDotsPerIdea: number;
	rolesEnabled: boolean;
	session: Session;
	version: number;
	createdAt: Date;
	updatedAt: Date;
}

type LabRow = typeof lab.$inferSelect;

export function toLab(row: LabRow): LabRecord {
	return {
		id: row.id,
		engagementId: row.engagementId,
		serviceId: row.serviceId,
		title: row.title,
		titleCy: row.titleCy,
		joinCode: row.joinCode,
		prompts: JSON.parse(row.prompts) as Prompt[],
		kinds: JSON.parse(row.kinds) as IdeaKind[],
		dotsPerParticipant: row.dotsPerParticipant,
		maxDotsPerIdea: row.maxDotsPerIdea,
		rolesEnabled: row.rolesEnabled,
		session: {
			phase: row.phase,
			paused: row.paused,
			countdown: row.countdownEndsAt ? { endsAt: row.countdownEndsAt.getTime() } : null
		},
		version: row.version,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	};
}

export function getLab(db: DB, id: number): LabRecord | undefined {
	const row = db.select().from(lab).where(eq(lab.id, id)).get();
	return row ? toLab(row) : undefined;
}

/** The lab with this join code (already normalised), or undefined. */
export function findLabByCode(db: DB, code: string): LabRecord | undefined {
	const row = db.select().from(lab).where(eq(lab.joinCode, code)).get();
	return row ? toLab(row) : undefined;
}

/** The settings every screen needs. */
export function settingsOf(record: LabRecord): LabSettings {
	return {
		id: record.id,
		title: record.title,
		titleCy: record.titleCy,
		code: record.joinCode,
		prompts: record.prompts,
		kinds: record.kinds,
		rolesEnabled: record.rolesEnabled,
		dotsPerParticipant: record.dotsPerParticipant,
		maxDotsPerIdea: record.maxDotsPerIdea
	};
}

/**
 * Moves the lab's version on by one and returns the new version. Every change to a lab calls
 * it inside its transaction, so versions follow the order changes were committed.
 */
export function bumpVersion(tx: DB, labId: number, now: Date): number {
	return tx
		.update(lab)
		.set({ version: sql`${lab.version} + 1`, updatedAt: now })
		.where(eq(lab.id, labId))
		.returning({ version: lab.version })
		.get()!.version;
}

/** The id a participant has in the lab's pure rules (ideas, dots, ranking). */
export function participantKey(labParticipantId: number): string {
	return String(labParticipantId);
}

/** The poster id of an idea a staff member typed in for someone in the room. */
export function staffPosterKey(userId: number | null): string {
	return `staff:${userId ?? 'unknown'}`;
}

export function toIdea(row: typeof labIdea.$inferSelect): Idea {
	return {
		id: String(row.id),
		text: row.text,
		kind: row.kind,
		contribution: row.contribution,
		participantId:
			row.participantId === null ? staffPosterKey(row.postedBy) : participantKey(row.participantId),
		role: row.role,
		promptId: row.promptId,
		postedAt: row.postedAt.getTime()
	};
}

/**
 * A stored moderation event. The payload was written by `moderate` from a form schema, so it
 * is read back as it was written rather than parsed again on every replay.
 */
export function toEvent(row: typeof labEvent.$inferSelect): ModerationEvent {
	const action = JSON.parse(row.payload) as ModerationAction;
	return {
		...action,
		id: String(row.id),
		at: row.at.getTime(),
		by: row.by === null ? null : String(row.by)
	};
}

export function toDot(row: typeof labDot.$inferSelect): Dot {
	return {
		id: String(row.id),
		participantId: participantKey(row.participantId),
		item: { type: row.itemType, id: row.itemId }
	};
}

export interface LabMember extends NamedParticipant {
	labParticipantId: number;
	role: ParticipantRole | null;
	/** Added by the facilitator for someone without a phone, who places their dots. */
	paper: boolean;
}

export function listMembers(db: DB, labId: number): LabMember[] {
	return db
		.select()
		.from(labParticipant)
		.where(eq(labParticipant.labId, labId))
		.orderBy(asc(labParticipant.id))
		.all()
		.map((p) => ({
			id: participantKey(p.id),
			labParticipantId: p.id,
			role: p.role,
			name: p.displayName,
			paper: p.addedBy !== null
		}));
}

export function listDots(db: DB, labId: number): Dot[] {
	return db
		.select()
		.from(labDot)
		.where(eq(labDot.labId, labId))
		.orderBy(asc(labDot.id))
		.all()
		.map(toDot);
}

/** Everything a lab's board is made of, read in one go. */
export interface LoadedBoard {
	lab: LabRecord;
	ideas: Idea[];
	events: ModerationEvent[];
	board: BoardState;
	dots: Dot[];
	members: LabMember[];
}

/** Reads a lab's rows and replays its board; undefined if there is no such lab. */
export function loadBoard(db: DB, labId: number): LoadedBoard | undefined {
	const record = getLab(db, labId);
	if (!record) return undefined;
	const ideas = db
		.select()
		.from(labIdea)
		.where(eq(labIdea.labId, labId))
		.orderBy(asc(labIdea.id))
		.all()
		.map(toIdea);
	const events = db
		.select()
		.from(labEvent)
		.where(eq(labEvent.labId, labId))
		.orderBy(asc(labEvent.id))
		.all()
		.map(toEvent);
	return {
		lab: record,
		ideas,
		events,
		board: applyEvents(ideas, events),
		dots: listDots(db, labId),
		members: listMembers(db, labId)
	};
}

/**
 * The board's shape without the words: which ideas exist, which are hidden or merged, and the
 * themes and shortlist. Enough for the dot rules (`placeDot`, `countedItem`), and much cheaper
 * than `loadBoard` on a busy lab, since a dot is placed far more often than the board changes.
 * The ideas in it carry only their ids; do not show or export them.
 */
export function loadShape(db: DB, labId: number): BoardState {
	const ideas: Idea[] = db
		.select({ id: labIdea.id })
		.from(labIdea)
		.where(eq(labIdea.labId, labId))
		.orderBy(asc(labIdea.id))
		.all()
		.map((row) => ({
			id: String(row.id),
			text: '',
			kind: 'savesMoney',
			contribution: null,
			participantId: '',
			role: null,
			promptId: '',
			postedAt: 0
		}));
	const events = db
		.select()
		.from(labEvent)
		.where(eq(labEvent.labId, labId))
		.orderBy(asc(labEvent.id))
		.all()
		.map(toEvent);
	return applyEvents(ideas, events);
}

/** The public view of a loaded board. */
export function viewOf(loaded: LoadedBoard): BoardView {
	const { lab: record } = loaded;
	return boardView({
		version: record.version,
		lab: settingsOf(record),
		phase: record.session.phase,
		paused: record.session.paused,
		countdownEndsAt:
			record.session.countdown === null ? null : Number(record.session.countdown.endsAt),
		board: loaded.board,
		dots: loaded.dots,
		participants: loaded.members
	});
}

export function loadView(db: DB, labId: number): BoardView | undefined {
	const loaded = loadBoard(db, labId);
	return loaded ? viewOf(loaded) : undefined;
}

/**
 * Sends every screen a fresh snapshot. Call after committing a change that reshapes the board
 * (moderation, phase, pause, countdown); the snapshot carries the version that change set.
 */
export function publishSnapshot(db: DB, labId: number): void {
	const view = loadView(db, labId);
	if (view) fanout.publish(labId, { type: 'snapshot', version: view.version, view });
}
