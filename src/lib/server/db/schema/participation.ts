import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './core';
import { engagement, service } from './catalogue';

/** A batch of participation codes printed for one engagement (one per household or person). */
export const codeBatch = sqliteTable('code_batch', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	engagementId: integer('engagement_id')
		.notNull()
		.references(() => engagement.id),
	label: text('label').notNull(),
	unit: text('unit', { enum: ['household', 'person'] }).notNull(),
	size: integer('size').notNull(),
	/**
	 * Service-user codes: handed out by the provider of this service to its users, so that a
	 * ballot cast with one counts as a verified user of the service.
	 */
	serviceId: text('service_id').references(() => service.id),
	createdBy: integer('created_by').references(() => user.id),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** One code. Only its SHA-256 is kept: a database leak does not hand out votes. */
export const participationCode = sqliteTable(
	'participation_code',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		batchId: integer('batch_id')
			.notNull()
			.references(() => codeBatch.id),
		codeHash: text('code_hash').notNull().unique(),
		/** Set when staff spoil a code (lost letter, misprint): it can no longer be used. */
		spoiledAt: integer('spoiled_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('code_batch_idx').on(t.batchId)]
);

/**
 * A code spent on one activity ("vote:3", "survey:7"). The unique index is what makes a code
 * usable once per activity, whatever the channel and however many requests race.
 */
export const codeUse = sqliteTable(
	'code_use',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		codeId: integer('code_id')
			.notNull()
			.references(() => participationCode.id),
		activity: text('activity').notNull(),
		channel: text('channel', { enum: ['online', 'room', 'paper', 'kiosk'] }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('code_use_once_idx').on(t.codeId, t.activity)]
);

/**
 * A resident's browser: an anonymous token in a cookie (its SHA-256 here), optionally tied
 * to the participation code they entered. Open activities count one submission per token.
 */
export const participant = sqliteTable(
	'participant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		codeId: integer('code_id').references(() => participationCode.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('participant_code_idx').on(t.codeId)]
);
