import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { engagement } from './catalogue';
import { user } from './core';
import { participant } from './participation';

/**
 * A community survey. `definition` is the instrument as JSON (`SurveyDefinition` from
 * src/lib/survey/template.ts: services, custom questions and the profile choices snapshotted
 * from the catalogue), so that answers keep meaning what they meant when they were given.
 */
export const survey = sqliteTable(
	'survey',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		engagementId: integer('engagement_id')
			.notNull()
			.references(() => engagement.id),
		title: text('title').notNull(),
		titleCy: text('title_cy'),
		description: text('description').notNull().default(''),
		descriptionCy: text('description_cy'),
		definition: text('definition').notNull(),
		/** The next custom question is `q<nextQuestion>`: ids are never reused within a survey. */
		nextQuestion: integer('next_question').notNull().default(1),
		access: text('access', { enum: ['open', 'code', 'both'] })
			.notNull()
			.default('open'),
		status: text('status', { enum: ['draft', 'open', 'closed'] })
			.notNull()
			.default('draft'),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
		/** Set while the public summary page is published. */
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		publishedWeighting: text('published_weighting', { enum: ['none', 'area', 'areaAndAge'] })
			.notNull()
			.default('none'),
		/**
		 * When the special-category answers (survey_response_special) are deleted: set by the
		 * commissioner, stated in the privacy notice, carried out by the retention sweep.
		 */
		specialCategoryUntil: integer('special_category_until', { mode: 'timestamp_ms' }),
		createdBy: integer('created_by').references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('survey_engagement_idx').on(t.engagementId)]
);

/**
 * One resident's answers in progress, keyed by their browser's participant row, saved page by
 * page so they can come back. On submit the answers move to `survey_response` (which has no
 * participant) and this row keeps only `submitted`, so a response cannot be traced back to a
 * browser or a code, while the unique index still allows one submission per participant.
 */
export const surveyDraft = sqliteTable(
	'survey_draft',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => survey.id),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id),
		/** Question id -> answer (JSON); emptied on submit. */
		answers: text('answers').notNull().default('{}'),
		/** The furthest page (0-based) the resident has saved. */
		lastPage: integer('last_page').notNull().default(0),
		submitted: integer('submitted', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('survey_draft_once_idx').on(t.surveyId, t.participantId),
		index('survey_draft_participant_idx').on(t.participantId)
	]
);

/**
 * A submitted response: survey answers and the ordinary profile (area, age band, segments),
 * with no link to a participant, code or person. The date is kept to the day only.
 */
export const surveyResponse = sqliteTable(
	'survey_response',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		surveyId: integer('survey_id')
			.notNull()
			.references(() => survey.id),
		/** Question id -> answer for the standard block and custom questions (JSON). */
		answers: text('answers').notNull(),
		/** The non-special profile answers as given, "prefer not to say" included (JSON). */
		profile: text('profile').notNull().default('{}'),
		area: text('area'),
		ageBand: text('age_band'),
		/** Non-special segment ids the respondent is in (JSON array). */
		segments: text('segments').notNull().default('[]'),
		viaCode: integer('via_code', { mode: 'boolean' }).notNull().default(false),
		submittedOn: integer('submitted_on', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('survey_response_survey_idx').on(t.surveyId)]
);

/**
 * Special-category answers (disability, ethnicity, religion, health: UK GDPR art. 9), kept
 * apart from the rest of the response so that exports leave them out unless asked, and only
 * ever reported in aggregate.
 */
export const surveyResponseSpecial = sqliteTable('survey_response_special', {
	responseId: integer('response_id')
		.primaryKey()
		.references(() => surveyResponse.id, { onDelete: 'cascade' }),
	/** The special-category answers as given (JSON). */
	answers: text('answers').notNull(),
	/** Segment ids these answers put the respondent in (JSON array). */
	segments: text('segments').notNull().default('[]')
});
