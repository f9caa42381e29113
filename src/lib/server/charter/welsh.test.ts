import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCharterContent } from '../../charter/demo';
import { staffUser, testDb } from '../../test/db';
import type { DB } from '../db/open';
import { auditLog, charter, engagement, service } from '../db/schema';
import * as charters from './charters';

const T0 = new Date('2026-03-01T09:00:00Z');
let db: DB;
let actor: { id: number; email: string };
let id: number;

function ok<T>(result: charters.Result<T>): T {
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.value;
}

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
	id = ok(charters.createCharter(db, actor, { engagementId, title: 'Draft' }, T0));
	const demo = demoCharterContent();
	ok(charters.saveBasics(db, actor, id, demo, T0));
	for (const o of demo.outcomes) ok(charters.addItem(db, actor, id, 'outcomes', o, T0, o.id));
});

const content = () => charters.getCharter(db, id)!.state.content;

describe('saving a charter in Welsh', () => {
	it('writes the Welsh into the working text and audits it like the English', () => {
		ok(
			charters.saveWelsh(db, actor, id, {
				title: 'Siarter',
				'outcomes.o-connected.title': 'Teimlo mewn cysylltiad'
			})
		);
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
		ok(
			charters.saveWelsh(db, actor, id, { title: 'Siarter', 'outcomes.o-connected.title': 'Nod' })
		);
		ok(charters.removeItem(db, actor, id, 'outcomes', 'o-connected'));
		expect(content().cy).toEqual({ title: 'Siarter' });
		ok(charters.saveWelsh(db, actor, id, { title: '' }));
		expect('cy' in content()).toBe(false);
	});

	it('cannot change the Welsh of a text being signed', () => {
		// Straight to signing for the test: the life cycle's own steps are tested elsewhere.
		db.update(charter).set({ status: 'signing' }).where(eq(charter.id, id)).run();
		const frozen = charters.getCharter(db, id)!.state;
		const result = charters.saveWelsh(db, actor, id, { title: 'Siarter' });
		expect(result).toEqual({
			ok: false,
			reasons: [expect.stringContaining('can never be changed')]
		});
		expect(charters.getCharter(db, id)!.state.content).toEqual(frozen.content);
	});
});
