import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { engagement } from './catalogue';
import { user } from './core';

/**
 * The decision record of an engagement (src/lib/decision): one per engagement. Its text lives
 * in versions; scrutiny questions, comments and answers are kept against the record.
 */
export const decisionRecord = sqliteTable('decision_record', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	engagementId: integer('engagement_id')
		.notNull()
		.unique()
		.references(() => engagement.id),
	createdBy: integer('created_by').references(() => user.id),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * One version of a record's text (`DecisionContent` as JSON). At most one draft per record
 * (no number, not published), which staff edit; publishing numbers it and it is never changed
 * or deleted again (a trigger refuses): a later version supersedes it.
 */
export const decisionVersion = sqliteTable(
	'decision_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		recordId: integer('record_id')
			.notNull()
			.references(() => decisionRecord.id),
		/** 1, 2, ... once published; null while a draft. */
		number: integer('number'),
		content: text('content').notNull(),
		/** Why this version was made: '' for an edited draft, or the call-in change it records. */
		note: text('note').notNull().default(''),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		publishedBy: integer('published_by').references(() => user.id)
	},
	(t) => [
		uniqueIndex('decision_version_number_idx').on(t.recordId, t.number),
		uniqueIndex('decision_version_one_draft_idx')
			.on(t.recordId)
			.where(sql`${t.publishedAt} is null`)
	]
);

/** A councillor's scrutiny question or comment on a record. Kept: never changed or deleted. */
export const decisionScrutiny = sqliteTable(
	'decision_scrutiny',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		recordId: integer('record_id')
			.notNull()
			.references(() => decisionRecord.id),
		kind: text('kind', { enum: ['question', 'comment'] }).notNull(),
		text: text('text').notNull(),
		/** The published version it was asked on; null for the draft. */
		versionNumber: integer('version_number'),
		authorId: integer('author_id').references(() => user.id),
		authorName: text('author_name').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('decision_scrutiny_record_idx').on(t.recordId)]
);

/** A staff answer to a scrutiny question or comment. Kept: never changed or deleted. */
export const decisionScrutinyAnswer = sqliteTable(
	'decision_scrutiny_answer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scrutinyId: integer('scrutiny_id')
			.notNull()
			.references(() => decisionScrutiny.id),
		text: text('text').notNull(),
		authorId: integer('author_id').references(() => user.id),
		authorName: text('author_name').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('decision_scrutiny_answer_item_idx').on(t.scrutinyId)]
);
