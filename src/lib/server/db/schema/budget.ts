import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { engagement, service } from './catalogue';

/**
 * A community budget vote. `rules` is the counting rules as JSON (src/lib/budget), chosen before
 * opening and frozen (`rulesFrozenAt`) when the first ballot arrives.
 */
export const vote = sqliteTable(
	'vote',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		engagementId: integer('engagement_id')
			.notNull()
			.references(() => engagement.id),
		title: text('title').notNull(),
		titleCy: text('title_cy'),
		description: text('description').notNull().default(''),
		descriptionCy: text('description_cy'),
		status: text('status', { enum: ['draft', 'open', 'closed'] })
			.notNull()
			.default('draft'),
		rules: text('rules'),
		rulesFrozenAt: integer('rules_frozen_at', { mode: 'timestamp_ms' }),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
		eligibility: text('eligibility', { enum: ['codes', 'open', 'both'] })
			.notNull()
			.default('codes'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * The lab whose shortlist created this vote as a draft (its facilitators may add proposals
		 * to it); null for a vote made on the vote pages, which only commissioners edit.
		 */
		labId: integer('lab_id')
	},
	(t) => [index('vote_engagement_idx').on(t.engagementId)]
);

/** A saving or development residents mark Want / Don't want. Amounts are in pence. */
export const proposal = sqliteTable(
	'proposal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		/** Listed order: the last tie-break of the count. */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		titleCy: text('title_cy'),
		description: text('description').notNull().default(''),
		descriptionCy: text('description_cy'),
		kind: text('kind', { enum: ['saving', 'development'] }).notNull(),
		amount: integer('amount').notNull(),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id),
		/** JSON array of segment ids declared, before opening, as depending on it. */
		affects: text('affects').notNull().default('[]'),
		/**
		 * An easy-read summary (short sentences, one idea each, common words) for the easy-read
		 * ballot; the easy-read page shows the description where there is none.
		 */
		easyRead: text('easy_read'),
		easyReadCy: text('easy_read_cy'),
		imagePath: text('image_path'),
		imageAlt: text('image_alt'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('proposal_vote_idx').on(t.voteId)]
);

/** Where a proposal came from: lab ideas or themes it was drafted from. */
export const proposalSource = sqliteTable(
	'proposal_source',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		proposalId: integer('proposal_id')
			.notNull()
			.references(() => proposal.id),
		labId: integer('lab_id').notNull(),
		ideaId: integer('idea_id'),
		themeId: integer('theme_id')
	},
	(t) => [index('proposal_source_proposal_idx').on(t.proposalId)]
);
