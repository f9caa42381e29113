import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../lab/view';
import { staffUser, testDb, withCatalogue } from '../../test/db';
import * as catalogue from '../catalogue';
import { auditLog } from '../db/schema';
import { getLab, loadView } from './board';
import * as fanout from './fanout';
import * as labs from './labs';

const T0 = new Date('2026-10-14T10:00:00Z');

function setUp() {
	const db = withCatalogue(testDb());
	const staff = staffUser(db, 'facilitator');
	const actor = { id: staff.id, email: staff.email };
	const engagementId = catalogue.createEngagement(db, actor, {
		title: 'Day services',
		serviceId: 'adult-social-care'
	});
	const labId = labs.createLab(
		db,
		actor,
		{
			engagementId,
			serviceId: 'adult-social-care',
			title: 'Designing costs out',
			titleCy: 'Cynllunio costau allan',
			prompts: ['How could we design costs out?', 'What could we do ourselves?'],
			promptsCy: ['Sut gallem ni gynllunio costau allan?'],
			kinds: ['savesMoney'],
			dotsPerParticipant: 5,
			maxDotsPerIdea: 2,
			rolesEnabled: true
		},
		T0
	);
	return { db, actor, labId };
}

describe('a lab in Welsh', () => {
	it('is created with the Welsh it was given, and phones get it in the view', () => {
		const { db, labId } = setUp();
		const view = loadView(db, labId)!;
		expect(view.lab.titleCy).toBe('Cynllunio costau allan');
		expect(view.lab.prompts).toEqual([
			{
				id: 'p1',
				text: 'How could we design costs out?',
				textCy: 'Sut gallem ni gynllunio costau allan?'
			},
			{ id: 'p2', text: 'What could we do ourselves?' }
		]);
	});

	it('takes Welsh added later: written, audited and sent to every screen', () => {
		const { db, actor, labId } = setUp();
		const events: LiveEvent[] = [];
		const stop = fanout.subscribe(labId, (e) => events.push(e));
		const done = labs.saveWelsh(db, actor, labId, {
			titleCy: 'Cynllunio costau',
			promptsCy: ['', 'Beth allem ni ei wneud ein hunain?']
		});
		stop();
		expect(done.ok).toBe(true);
		const lab = getLab(db, labId)!;
		expect(lab.titleCy).toBe('Cynllunio costau');
		expect(lab.prompts.map((p) => p.textCy)).toEqual([
			undefined,
			'Beth allem ni ei wneud ein hunain?'
		]);
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'lab.welsh')).get()!;
		expect(JSON.parse(entry.before!).titleCy).toBe('Cynllunio costau allan');
		expect(JSON.parse(entry.after!).titleCy).toBe('Cynllunio costau');
		expect(events.map((e) => e.type)).toEqual(['snapshot']);
	});

	it('refuses more Welsh prompts than the lab has, writing nothing', () => {
		const { db, actor, labId } = setUp();
		const before = getLab(db, labId)!;
		const done = labs.saveWelsh(db, actor, labId, { titleCy: null, promptsCy: ['a', 'b', 'c'] });
		expect(done.ok).toBe(false);
		expect(getLab(db, labId)).toEqual(before);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'lab.welsh')).all()).toEqual([]);
	});
});
