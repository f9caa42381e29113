import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCharterContent } from '../../charter/demo';
import { staffUser, testDb } from '../../test/db';
import type { DB } from '../db/open';
import { auditLog, charter, engagement, service } from '../db/schema';
import { Refusal } from '../command-refusal';
import * as charters from './charters';

const T0 = new Date('2026-03-01T09:00:00Z');
let db: DB;
let actor: { id: number; email: string };
let id: number;

beforeEach(() => {
	db = testDb();
	const staff = staffUser(db);
	actor = { id: staff.id, email: staff.email };
	db.insert(service).values({ id: 'day', name: 'Adult day services' }).run();
	const engagementId = db
		.insert(engagement)
		.values({ title: 'Day services', serviceId: 'day', createdAt: T0, updatedAt: T0 })
		.returning({ id: engagement.id })
		.get().id;
	id = charters.createCharter(db, actor, { engagementId, title: 'Draft' }, T0);
	const demo = demoCharterContent();
	charters.saveBasics(db, actor, id, demo, T0);
	for (const o of demo.outcomes) charters.addItem(db, actor, id, 'outcomes', o, T0, o.id);
});

const content = () => charters.getCharter(db, id)!.state.content;

describe('saving a charter in Welsh', () => {
	it('writes the Welsh into the working text and audits it like the English', () => {
		charters.saveWelsh(db, actor, id, {
			title: 'Siarter',
			'outcomes.o-connected.title': 'Teimlo mewn cysylltiad'
		});
		expect(content().cy).toEqual({
			title: 'Siarter',
			'outcomes.o-connected.title': 'Teimlo mewn cysylltiad'
		});
		const entry = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'charter.edit.welsh'), eq(auditLog.entityId, String(id))))
			.get()!;
		expect(JSON.parse(entry.after!).content.cy.title).toBe('Siarter');
	});

	it('forgets the Welsh of an item that is removed, and all of it when cleared', () => {
		charters.saveWelsh(db, actor, id, { title: 'Siarter', 'outcomes.o-connected.title': 'Nod' });
		charters.removeItem(db, actor, id, 'outcomes', 'o-connected');
		expect(content().cy).toEqual({ title: 'Siarter' });
		charters.saveWelsh(db, actor, id, { title: '' });
		expect('cy' in content()).toBe(false);
	});

	it('cannot change the Welsh of a text being signed', () => {
		// Straight to signing for the test: the life cycle's own steps are tested elsewhere.
		db.update(charter).set({ status: 'signing' }).where(eq(charter.id, id)).run();
		const frozen = charters.getCharter(db, id)!.state;
		let refused: unknown;
		try {
			charters.saveWelsh(db, actor, id, { title: 'Siarter' });
		} catch (e) {
			refused = e;
		}
		expect(refused).toBeInstanceOf(Refusal);
		expect((refused as Refusal).details).toEqual([expect.stringContaining('can never be changed')]);
		expect(charters.getCharter(db, id)!.state.content).toEqual(frozen.content);
	});
});
