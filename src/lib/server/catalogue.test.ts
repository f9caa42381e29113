import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { EngagementSchema } from '../catalogue/schemas';
import { staffUser, testDb, withCatalogue } from '../test/db';
import * as catalogue from './catalogue';
import { write } from './db/open';
import { auditLog, engagement, service } from './db/schema';
import { refusalOf } from '../test/refusal';

describe('catalogue', () => {
	it('adds a service and records who did it, before and after', () => {
		const db = testDb();
		const u = staffUser(db);
		catalogue.saveService(db, { id: u.id, email: u.email }, { id: 'museums', name: 'Museums' });
		catalogue.saveService(
			db,
			{ id: u.id, email: u.email },
			{ id: 'museums', name: 'Museums and galleries' },
			'museums'
		);
		expect(catalogue.getService(db, 'museums')?.name).toBe('Museums and galleries');
		const entries = db.select().from(auditLog).all();
		expect(entries.map((e) => e.action)).toEqual(['service.create', 'service.update']);
		expect(JSON.parse(entries[1].before!).name).toBe('Museums');
		expect(JSON.parse(entries[1].after!).name).toBe('Museums and galleries');
	});

	it('refuses a duplicate id and writes nothing, not even an audit entry', () => {
		const db = withCatalogue(testDb());
		const u = staffUser(db);
		const before = db.select({ n: count() }).from(service).get()!.n;
		expect(
			refusalOf(() =>
				catalogue.saveService(db, { id: u.id, email: u.email }, { id: 'libraries', name: 'Again' })
			)
		).toMatchObject({ field: 'id', message: 'A service with this id already exists' });
		expect(db.select({ n: count() }).from(service).get()!.n).toBe(before);
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(0);
		expect(catalogue.getService(db, 'libraries')?.name).toBe('Libraries');
	});

	it('refuses an engagement for a service that does not exist, writing nothing', () => {
		const db = withCatalogue(testDb());
		const u = staffUser(db);
		expect(
			refusalOf(() =>
				catalogue.createEngagement(
					db,
					{ id: u.id, email: u.email },
					{ title: 'X', serviceId: 'nope' }
				)
			)
		).toMatchObject({ field: 'serviceId', message: 'Choose a service from the list' });
		expect(db.select({ n: count() }).from(engagement).get()!.n).toBe(0);
	});

	it('a refusal takes back what its transaction wrote before it', () => {
		const db = withCatalogue(testDb());
		const u = staffUser(db);
		const actor = { id: u.id, email: u.email };
		const services = catalogue.listServices(db, true);
		expect(
			refusalOf(() =>
				write(db, (tx) => {
					catalogue.saveService(tx, actor, { id: 'museums', name: 'Museums' });
					catalogue.createEngagement(tx, actor, { title: 'X', serviceId: 'nope' });
				})
			).field
		).toBe('serviceId');
		expect(catalogue.listServices(db, true)).toEqual(services);
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(0);
	});

	it('keeps population counts per area and age band, replacing them on save', () => {
		const db = testDb();
		const u = staffUser(db);
		const actor = { id: u.id, email: u.email };
		catalogue.saveArea(db, actor, {
			id: 'quay',
			name: 'Quay',
			population: { '16-24': 100, '75+': 50 }
		});
		catalogue.saveArea(
			db,
			actor,
			{ id: 'quay', name: 'Quay', population: { '16-24': 120 } },
			'quay'
		);
		expect(catalogue.listAreas(db)).toMatchObject([
			{ id: 'quay', population: { '16-24': 120 }, total: 120 }
		]);
	});

	it('moves an engagement through its stages, audited', () => {
		const db = withCatalogue(testDb());
		const u = staffUser(db);
		const actor = { id: u.id, email: u.email };
		const id = catalogue.createEngagement(db, actor, { title: 'Parks', serviceId: 'parks' });
		expect(catalogue.getEngagement(db, id)?.stage).toBe('understand');
		catalogue.setStage(db, actor, id, 'decide');
		expect(catalogue.getEngagement(db, id)?.stage).toBe('decide');
	});
});

describe('the audit log', () => {
	it('cannot be changed or deleted, even by direct SQL', () => {
		const db = testDb();
		const u = staffUser(db);
		catalogue.saveService(db, { id: u.id, email: u.email }, { id: 'museums', name: 'Museums' });
		expect(() =>
			db.$client.prepare("update audit_log set actor_email = 'someone-else'").run()
		).toThrow(/append-only/);
		expect(() => db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
		expect(db.select({ n: count() }).from(auditLog).get()!.n).toBe(1);
	});
});

describe('an engagement in Welsh', () => {
	it('keeps the Welsh title and summary, audited with the English', () => {
		const db = withCatalogue(testDb());
		const u = staffUser(db);
		const actor = { id: u.id, email: u.email };
		const id = catalogue.createEngagement(db, actor, {
			title: 'Libraries',
			serviceId: 'libraries'
		});
		catalogue.updateEngagement(db, actor, id, {
			title: 'Libraries',
			titleCy: 'Llyfrgelloedd',
			summary: 'What we ask',
			summaryCy: 'Beth rydym yn ei ofyn',
			serviceId: 'libraries'
		});
		expect(catalogue.getEngagement(db, id)).toMatchObject({
			titleCy: 'Llyfrgelloedd',
			summaryCy: 'Beth rydym yn ei ofyn'
		});
		const update = db.select().from(auditLog).all().at(-1)!;
		expect(update.action).toBe('engagement.update');
		expect(JSON.parse(update.before!).titleCy).toBeNull();
		expect(JSON.parse(update.after!).titleCy).toBe('Llyfrgelloedd');
	});

	it.each([
		['titleCy', 161],
		['summaryCy', 2001]
	])('refuses a Welsh %s of %i characters, beside the field', (field, length) => {
		const parsed = EngagementSchema.safeParse({
			title: 'Libraries',
			serviceId: 'libraries',
			[field]: 'a'.repeat(length)
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
	});
});
