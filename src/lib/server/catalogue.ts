import { asc, eq } from 'drizzle-orm';
import type { AgeBand, Stage } from '../catalogue/schemas';
import { AGE_BANDS } from '../catalogue/schemas';
import * as audit from './audit';
import { write, type DB } from './db/open';
import { area, areaPopulation, engagement, segment, service } from './db/schema';
import { Refusal } from './command-refusal';

export type ServiceInput = {
	id: string;
	name: string;
	nameCy?: string;
	description?: string;
	department?: string;
};
export type AreaInput = {
	id: string;
	name: string;
	nameCy?: string;
	population: Partial<Record<AgeBand, number>>;
};
export type SegmentInput = {
	id: string;
	label: string;
	labelCy?: string;
	specialCategory: boolean;
};

export function listServices(db: DB, includeArchived = false) {
	const rows = db.select().from(service).orderBy(asc(service.name)).all();
	return includeArchived ? rows : rows.filter((r) => !r.archived);
}

export function getService(db: DB, id: string) {
	return db.select().from(service).where(eq(service.id, id)).get();
}

/** Adds a service, or updates it when `existingId` is given. The id of an existing service never changes. */
export function saveService(
	db: DB,
	actor: audit.Actor,
	input: ServiceInput,
	existingId?: string
): void {
	write(db, (tx) => {
		const before = tx
			.select()
			.from(service)
			.where(eq(service.id, existingId ?? input.id))
			.get();
		const values = {
			name: input.name,
			nameCy: input.nameCy ?? null,
			description: input.description ?? '',
			department: input.department ?? ''
		};
		if (existingId) {
			if (!before) throw new Refusal('id', 'That service no longer exists');
			tx.update(service).set(values).where(eq(service.id, existingId)).run();
		} else {
			if (before) throw new Refusal('id', 'A service with this id already exists');
			tx.insert(service)
				.values({ id: input.id, ...values })
				.run();
		}
		audit.record(tx, actor, {
			action: existingId ? 'service.update' : 'service.create',
			entityType: 'service',
			entityId: existingId ?? input.id,
			before,
			after: { id: existingId ?? input.id, ...values }
		});
	});
}

export function listAreas(db: DB) {
	const areas = db
		.select()
		.from(area)
		.where(eq(area.archived, false))
		.orderBy(asc(area.name))
		.all();
	const pops = db.select().from(areaPopulation).all();
	return areas.map((a) => {
		const population: Partial<Record<AgeBand, number>> = {};
		for (const p of pops) if (p.areaId === a.id) population[p.ageBand as AgeBand] = p.count;
		const total = Object.values(population).reduce((s, n) => s + (n ?? 0), 0);
		return { ...a, population, total };
	});
}

export function saveArea(db: DB, actor: audit.Actor, input: AreaInput, existingId?: string): void {
	write(db, (tx) => {
		const id = existingId ?? input.id;
		const before = tx.select().from(area).where(eq(area.id, id)).get();
		if (existingId && !before) throw new Refusal('id', 'That area no longer exists');
		if (!existingId && before) throw new Refusal('id', 'An area with this id already exists');
		const values = { name: input.name, nameCy: input.nameCy ?? null };
		if (existingId) tx.update(area).set(values).where(eq(area.id, id)).run();
		else
			tx.insert(area)
				.values({ id, ...values })
				.run();
		const beforePop = tx.select().from(areaPopulation).where(eq(areaPopulation.areaId, id)).all();
		tx.delete(areaPopulation).where(eq(areaPopulation.areaId, id)).run();
		for (const band of AGE_BANDS) {
			const count = input.population[band];
			if (count !== undefined)
				tx.insert(areaPopulation).values({ areaId: id, ageBand: band, count }).run();
		}
		audit.record(tx, actor, {
			action: existingId ? 'area.update' : 'area.create',
			entityType: 'area',
			entityId: id,
			before: before ? { ...before, population: beforePop } : undefined,
			after: { id, ...values, population: input.population }
		});
	});
}

export function listSegments(db: DB) {
	return db
		.select()
		.from(segment)
		.where(eq(segment.archived, false))
		.orderBy(asc(segment.label))
		.all();
}

export function saveSegment(
	db: DB,
	actor: audit.Actor,
	input: SegmentInput,
	existingId?: string
): void {
	write(db, (tx) => {
		const id = existingId ?? input.id;
		const before = tx.select().from(segment).where(eq(segment.id, id)).get();
		if (existingId && !before) throw new Refusal('id', 'That segment no longer exists');
		if (!existingId && before) throw new Refusal('id', 'A segment with this id already exists');
		const values = {
			label: input.label,
			labelCy: input.labelCy ?? null,
			specialCategory: input.specialCategory
		};
		if (existingId) tx.update(segment).set(values).where(eq(segment.id, id)).run();
		else
			tx.insert(segment)
				.values({ id, ...values })
				.run();
		audit.record(tx, actor, {
			action: existingId ? 'segment.update' : 'segment.create',
			entityType: 'segment',
			entityId: id,
			before,
			after: { id, ...values }
		});
	});
}

export function listEngagements(db: DB) {
	return db
		.select({
			id: engagement.id,
			title: engagement.title,
			stage: engagement.stage,
			serviceId: engagement.serviceId,
			serviceName: service.name,
			updatedAt: engagement.updatedAt
		})
		.from(engagement)
		.innerJoin(service, eq(engagement.serviceId, service.id))
		.orderBy(asc(engagement.id))
		.all();
}

/** An engagement as staff type it; the Welsh is what residents on Welsh pages read. */
export interface EngagementInput {
	title: string;
	titleCy?: string;
	summary?: string;
	summaryCy?: string;
	/** How residents send back paper ballots and surveys: printed on every paper form. */
	paperReturn?: string;
	paperReturnCy?: string;
	serviceId: string;
}

export function getEngagement(db: DB, id: number) {
	return db
		.select({
			id: engagement.id,
			title: engagement.title,
			titleCy: engagement.titleCy,
			summary: engagement.summary,
			summaryCy: engagement.summaryCy,
			paperReturn: engagement.paperReturn,
			paperReturnCy: engagement.paperReturnCy,
			stage: engagement.stage,
			serviceId: engagement.serviceId,
			serviceName: service.name,
			createdAt: engagement.createdAt,
			updatedAt: engagement.updatedAt
		})
		.from(engagement)
		.innerJoin(service, eq(engagement.serviceId, service.id))
		.where(eq(engagement.id, id))
		.get();
}

export function createEngagement(
	db: DB,
	actor: audit.Actor,
	input: EngagementInput,
	now = new Date()
): number {
	return write(db, (tx) => {
		if (!tx.select().from(service).where(eq(service.id, input.serviceId)).get())
			throw new Refusal('serviceId', 'Choose a service from the list');
		const row = tx
			.insert(engagement)
			.values({
				title: input.title,
				titleCy: input.titleCy ?? null,
				summary: input.summary ?? '',
				summaryCy: input.summaryCy ?? null,
				paperReturn: input.paperReturn ?? null,
				paperReturnCy: input.paperReturnCy ?? null,
				serviceId: input.serviceId,
				stage: 'understand',
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: engagement.id })
			.get();
		audit.record(
			tx,
			actor,
			{ action: 'engagement.create', entityType: 'engagement', entityId: row.id, after: input },
			now
		);
		return row.id;
	});
}

export function updateEngagement(
	db: DB,
	actor: audit.Actor,
	id: number,
	input: EngagementInput,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = tx.select().from(engagement).where(eq(engagement.id, id)).get();
		if (!before) throw new Refusal('id', 'That engagement no longer exists');
		if (!tx.select().from(service).where(eq(service.id, input.serviceId)).get())
			throw new Refusal('serviceId', 'Choose a service from the list');
		const values = {
			title: input.title,
			titleCy: input.titleCy ?? null,
			summary: input.summary ?? '',
			summaryCy: input.summaryCy ?? null,
			paperReturn: input.paperReturn ?? null,
			paperReturnCy: input.paperReturnCy ?? null,
			serviceId: input.serviceId,
			updatedAt: now
		};
		tx.update(engagement).set(values).where(eq(engagement.id, id)).run();
		audit.record(
			tx,
			actor,
			{
				action: 'engagement.update',
				entityType: 'engagement',
				entityId: id,
				before,
				after: values
			},
			now
		);
	});
}

export function setStage(
	db: DB,
	actor: audit.Actor,
	id: number,
	stage: Stage,
	now = new Date()
): void {
	write(db, (tx) => {
		const before = tx.select().from(engagement).where(eq(engagement.id, id)).get();
		if (!before) throw new Refusal('id', 'That engagement no longer exists');
		tx.update(engagement).set({ stage, updatedAt: now }).where(eq(engagement.id, id)).run();
		audit.record(
			tx,
			actor,
			{
				action: 'engagement.stage',
				entityType: 'engagement',
				entityId: id,
				before: { stage: before.stage },
				after: { stage }
			},
			now
		);
	});
}
