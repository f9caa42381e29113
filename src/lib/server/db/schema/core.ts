import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Staff accounts. Residents never have accounts: they use participation codes or tokens. */
export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: ['admin', 'commissioner', 'facilitator', 'councillor'] }).notNull(),
	passwordHash: text('password_hash').notNull(),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	/** When the password last changed: device cookies issued before it no longer count. */
	passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' })
});

/** Lucia-guide sessions: the id is the SHA-256 of the token, never the token itself. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * Append-only record of staff actions. Nothing updates or deletes rows here; a trigger in the
 * migration refuses both, so not even a bug can rewrite history.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: integer('actor_id'),
		actorEmail: text('actor_email').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		before: text('before'),
		after: text('after')
	},
	(t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entityType, t.entityId)]
);

/** Leaky-bucket counters for rate limits, kept in the database so restarts do not reset them. */
export const rateLimit = sqliteTable('rate_limit', {
	key: text('key').primaryKey(),
	tokens: integer('tokens').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** Council-wide settings (the council's name, ...), one row per key. */
export const setting = sqliteTable('setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch() * 1000)`)
});
