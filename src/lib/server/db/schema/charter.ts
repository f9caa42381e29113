import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { engagement, service } from './catalogue';
import { user } from './core';

/**
 * The community charter (src/lib/charter): one row per charter holds its status and the
 * working text; everything that is agreed, signed, said or reviewed is appended to the tables
 * below and never rewritten (triggers in the migration refuse updates and deletes there).
 */
export const charter = sqliteTable(
	'charter',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		engagementId: integer('engagement_id')
			.notNull()
			.references(() => engagement.id),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id),
		/** Where it is in the life cycle (`CharterStatus`). */
		status: text('status', {
			enum: ['draft', 'consultation', 'signing', 'agreed', 'published', 'review', 'amending']
		})
			.notNull()
			.default('draft'),
		/** The working text (`CharterContent` as JSON): the draft, or the latest frozen text. */
		content: text('content').notNull(),
		/** The public address `/charter/<slug>`: unguessable, since "anyone with the link" comments. */
		slug: text('slug').notNull().unique(),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('charter_engagement_idx').on(t.engagementId)]
);

/** A frozen, numbered text. Append-only: a signed text can never be edited. */
export const charterVersion = sqliteTable(
	'charter_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		charterId: integer('charter_id')
			.notNull()
			.references(() => charter.id),
		number: integer('number').notNull(),
		content: text('content').notNull(),
		/** `contentHash(content)`, 64 hex characters: what every signature is bound to. */
		hash: text('hash').notNull(),
		frozenAt: integer('frozen_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('charter_version_number_idx').on(t.charterId, t.number)]
);

/**
 * What later happened to a version (every party signed, published, withdrawn from signing),
 * as events rather than updates, so the version row itself is never touched. Each at most once.
 */
export const charterVersionEvent = sqliteTable(
	'charter_version_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		versionId: integer('version_id')
			.notNull()
			.references(() => charterVersion.id),
		kind: text('kind', { enum: ['agreed', 'published', 'withdrawn'] }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** Why a version was withdrawn; blank otherwise. */
		reason: text('reason').notNull().default('')
	},
	(t) => [uniqueIndex('charter_version_event_once_idx').on(t.versionId, t.kind)]
);

/** A party's signature on a version: one per party and version, whatever races. */
export const charterSignature = sqliteTable(
	'charter_signature',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		versionId: integer('version_id')
			.notNull()
			.references(() => charterVersion.id),
		/** The party's id inside the version's content. */
		partyId: text('party_id').notNull(),
		name: text('name').notNull(),
		role: text('role').notNull(),
		/** The hash of the text the signatory was shown: always the version's own. */
		versionHash: text('version_hash').notNull(),
		signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('charter_signature_once_idx').on(t.versionId, t.partyId)]
);

/**
 * A personal signing link for one party and one version. Only the token's SHA-256 is kept;
 * issuing a new link for the same party and version revokes the old one, so at most one works.
 */
export const charterSigningLink = sqliteTable(
	'charter_signing_link',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		versionId: integer('version_id')
			.notNull()
			.references(() => charterVersion.id),
		partyId: text('party_id').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('charter_signing_link_live_idx')
			.on(t.versionId, t.partyId)
			.where(sql`${t.revokedAt} is null`)
	]
);

/**
 * A consultation comment. The response is written once (status leaves 'open' exactly once);
 * the comment itself is never changed.
 */
export const charterComment = sqliteTable(
	'charter_comment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		charterId: integer('charter_id')
			.notNull()
			.references(() => charter.id),
		/** The comment's id in the charter's state (random, so it can go in a form). */
		key: text('key').notNull(),
		authorName: text('author_name').notNull().default(''),
		text: text('text').notNull(),
		/** The version number the commented draft was heading for. */
		draftVersion: integer('draft_version').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		status: text('status', { enum: ['open', 'answered', 'acknowledged'] })
			.notNull()
			.default('open'),
		answer: text('answer').notNull().default(''),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		answeredBy: integer('answered_by').references(() => user.id)
	},
	(t) => [uniqueIndex('charter_comment_key_idx').on(t.charterId, t.key)]
);

/** A red/amber/green review entry on a commitment or an outcome. Append-only. */
export const charterReview = sqliteTable(
	'charter_review',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		charterId: integer('charter_id')
			.notNull()
			.references(() => charter.id),
		key: text('key').notNull(),
		targetKind: text('target_kind', { enum: ['commitment', 'outcome'] }).notNull(),
		targetId: text('target_id').notNull(),
		status: text('status', { enum: ['green', 'amber', 'red'] }).notNull(),
		note: text('note').notNull(),
		/** The version in force when it was recorded. */
		versionNumber: integer('version_number').notNull(),
		recordedBy: integer('recorded_by').references(() => user.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('charter_review_key_idx').on(t.charterId, t.key)]
);
