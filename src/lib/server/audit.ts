import { and, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { DB } from './db/open';
import type { Role } from './session';
import { auditLog } from './db/schema';

export interface Actor {
	id: number | null;
	email: string;
}

/** A signed-in staff member acting: who (for the log) and in what role (for what they may do). */
export interface Staff extends Actor {
	role: Role;
}

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

/**
 * Appends one entry to the audit log. Call it inside the same transaction as the change it
 * records, so that a change is never made without its entry (or the other way round).
 */
export function record(db: DB, actor: Actor, entry: AuditEntry, now = new Date()): void {
	db.insert(auditLog)
		.values({
			at: now,
			actorId: actor.id,
			actorEmail: actor.email,
			action: entry.action,
			entityType: entry.entityType,
			entityId: entry.entityId == null ? null : String(entry.entityId),
			before: entry.before === undefined ? null : JSON.stringify(entry.before),
			after: entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.run();
}

export interface AuditFilter {
	actor?: string;
	entityType?: string;
	action?: string;
	from?: Date;
	to?: Date;
}

export function listEntries(db: DB, filter: AuditFilter, limit = 200, offset = 0) {
	const where: SQL[] = [];
	if (filter.actor) where.push(like(auditLog.actorEmail, `%${filter.actor}%`));
	if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
	if (filter.action) where.push(like(auditLog.action, `%${filter.action}%`));
	if (filter.from) where.push(gte(auditLog.at, filter.from));
	if (filter.to) where.push(lte(auditLog.at, filter.to));
	return db
		.select()
		.from(auditLog)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit)
		.offset(offset)
		.all();
}

export function listEntityTypes(db: DB): string[] {
	return db
		.selectDistinct({ t: auditLog.entityType })
		.from(auditLog)
		.orderBy(auditLog.entityType)
		.all()
		.map((r) => r.t);
}
