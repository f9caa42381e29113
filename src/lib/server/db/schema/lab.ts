import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './core';
import { engagement, service } from './catalogue';
import { participant } from './participation';

/**
 * A co-production lab: one facilitated session for an engagement. Its running state (phase,
 * pause, countdown) lives here; `version` goes up by one with every change anyone makes to
 * the lab, so the live stream can number its events and a phone can tell when it missed one.
 */
export const lab = sqliteTable(
	'lab',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		engagementId: integer('engagement_id')
			.notNull()
			.references(() => engagement.id),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id),
		title: text('title').notNull(),
		titleCy: text('title_cy'),
		/** Six characters from the lab alphabet (src/lib/lab/join-code.ts). */
		joinCode: text('join_code').notNull(),
		/** JSON array of `{ id, text, textCy? }`. */
		prompts: text('prompts').notNull(),
		/** JSON array of idea kinds the lab collects. */
		kinds: text('kinds').notNull(),
		dotsPerParticipant: integer('dots_per_participant').notNull().default(5),
		maxDotsPerIdea: integer('max_dots_per_idea').notNull().default(2),
		rolesEnabled: integer('roles_enabled', { mode: 'boolean' }).notNull().default(true),
		phase: text('phase', { enum: ['ideas', 'group', 'vote', 'shortlist', 'closed'] })
			.notNull()
			.default('ideas'),
		paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
		countdownEndsAt: integer('countdown_ends_at', { mode: 'timestamp_ms' }),
		version: integer('version').notNull().default(0),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('lab_join_code_idx').on(t.joinCode),
		index('lab_engagement_idx').on(t.engagementId)
	]
);

/**
 * Someone taking part in a lab. Usually someone who joined from a phone: the browser's
 * anonymous participant, once per lab (the unique index), with the name and role they chose.
 * A "paper participant" is someone without a phone whom the facilitator added from the
 * console (`addedBy`): they get an anonymous participant of their own whose token nobody
 * holds, so only the facilitator can place their dots, from the same budget as everyone's.
 */
export const labParticipant = sqliteTable(
	'lab_participant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		labId: integer('lab_id')
			.notNull()
			.references(() => lab.id),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id),
		displayName: text('display_name'),
		role: text('role', { enum: ['serviceUser', 'carer', 'staff', 'manager', 'other'] }),
		/** The staff member who added this paper participant; null for someone with a phone. */
		addedBy: integer('added_by').references(() => user.id),
		joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('lab_participant_once_idx').on(t.labId, t.participantId)]
);

/**
 * An idea as posted. Never edited or deleted (a trigger refuses both): hiding, merging and
 * grouping are events in `lab_event`.
 */
export const labIdea = sqliteTable(
	'lab_idea',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		labId: integer('lab_id')
			.notNull()
			.references(() => lab.id),
		/** Null when the facilitator typed it in for someone in the room. */
		participantId: integer('participant_id').references(() => labParticipant.id),
		/** The staff member who typed it in, for ideas from the room. */
		postedBy: integer('posted_by').references(() => user.id),
		promptId: text('prompt_id').notNull(),
		kind: text('kind', { enum: ['savesMoney', 'improvesOutcomes', 'communityCanDo'] }).notNull(),
		text: text('text').notNull(),
		contribution: text('contribution'),
		/** The poster's role when they posted. */
		role: text('role', { enum: ['serviceUser', 'carer', 'staff', 'manager', 'other'] }),
		postedAt: integer('posted_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('lab_idea_lab_idx').on(t.labId),
		index('lab_idea_participant_idx').on(t.participantId, t.postedAt)
	]
);

/** Allocates theme ids (names and membership are events); proposal sources point here. */
export const labTheme = sqliteTable(
	'lab_theme',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		labId: integer('lab_id')
			.notNull()
			.references(() => lab.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('lab_theme_lab_idx').on(t.labId)]
);

/**
 * The moderation log (src/lib/lab/board.ts): one row per facilitator change, in the order
 * accepted, replayed to build the board. Append-only (a trigger refuses update and delete);
 * undo is another row.
 */
export const labEvent = sqliteTable(
	'lab_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		labId: integer('lab_id')
			.notNull()
			.references(() => lab.id),
		type: text('type').notNull(),
		/** The action without its envelope, as JSON. */
		payload: text('payload').notNull(),
		by: integer('by').references(() => user.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('lab_event_lab_idx').on(t.labId)]
);

/** One dot. Placing inserts a row; taking it back deletes the row (dots.ts). */
export const labDot = sqliteTable(
	'lab_dot',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		labId: integer('lab_id')
			.notNull()
			.references(() => lab.id),
		participantId: integer('participant_id')
			.notNull()
			.references(() => labParticipant.id),
		itemType: text('item_type', { enum: ['idea', 'theme'] }).notNull(),
		itemId: text('item_id').notNull(),
		placedAt: integer('placed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('lab_dot_lab_idx').on(t.labId),
		index('lab_dot_participant_idx').on(t.participantId)
	]
);
