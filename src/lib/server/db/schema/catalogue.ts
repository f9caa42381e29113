import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A council service: what surveys ask about, proposals belong to, charters cover. */
export const service = sqliteTable('service', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	nameCy: text('name_cy'),
	description: text('description').notNull().default(''),
	department: text('department').notNull().default(''),
	archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
});

/** A ward or neighbourhood residents say they live in. */
export const area = sqliteTable('area', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	nameCy: text('name_cy'),
	archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
});

/** Population counts per area and age band, for representativeness and weighting. */
export const areaPopulation = sqliteTable(
	'area_population',
	{
		areaId: text('area_id')
			.notNull()
			.references(() => area.id, { onDelete: 'cascade' }),
		ageBand: text('age_band').notNull(),
		count: integer('count').notNull()
	},
	(t) => [primaryKey({ columns: [t.areaId, t.ageBand] })]
);

/** A population segment residents may say they belong to (carers, disabled residents, ...). */
export const segment = sqliteTable('segment', {
	id: text('id').primaryKey(),
	label: text('label').notNull(),
	labelCy: text('label_cy'),
	/** Special-category data (UK GDPR art. 9): optional, explained, reported only in aggregate. */
	specialCategory: integer('special_category', { mode: 'boolean' }).notNull().default(false),
	archived: integer('archived', { mode: 'boolean' }).notNull().default(false)
});

/** One co-commissioning process for a service, from understanding needs to reviewing the charter. */
export const engagement = sqliteTable(
	'engagement',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		title: text('title').notNull(),
		titleCy: text('title_cy'),
		summary: text('summary').notNull().default(''),
		summaryCy: text('summary_cy'),
		/**
		 * How residents send back a paper ballot or survey (an address, a drop-off point): printed
		 * at the end of every paper form of the engagement.
		 */
		paperReturn: text('paper_return'),
		paperReturnCy: text('paper_return_cy'),
		serviceId: text('service_id')
			.notNull()
			.references(() => service.id),
		stage: text('stage', {
			enum: ['understand', 'co-design', 'decide', 'agree', 'review']
		})
			.notNull()
			.default('understand'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('engagement_service_idx').on(t.serviceId)]
);
