import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './core';

/**
 * A read-only access token for the council's other systems (the JSON API). Only the SHA-256
 * of the token is kept; revoking sets `revokedAt` and the token stops working at once.
 */
export const apiToken = sqliteTable('api_token', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	createdBy: integer('created_by').references(() => user.id),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
	revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
});
