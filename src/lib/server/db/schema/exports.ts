import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './core';

/**
 * A long export a staff member asked for (the open-data ZIP, a vote's count): it is built away
 * from the request, its progress is kept here for the job page, and the finished file is kept on
 * disk until `expiresAt`. `id` is a random token so that job addresses cannot be guessed.
 */
export const exportJob = sqliteTable(
	'export_job',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: ['open-data', 'vote'] }).notNull(),
		format: text('format').notNull(),
		/** The engagement (open data) or vote the export is of. */
		entityId: integer('entity_id').notNull(),
		requestedBy: integer('requested_by').references(() => user.id),
		status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'expired'] }).notNull(),
		step: integer('step').notNull().default(0),
		steps: integer('steps').notNull().default(1),
		stepLabel: text('step_label').notNull(),
		error: text('error'),
		fileName: text('file_name'),
		mime: text('mime'),
		size: integer('size'),
		/** Which server process runs it: a job left running by a process that ended has failed. */
		runner: text('runner').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('export_job_status_idx').on(t.status)]
);
