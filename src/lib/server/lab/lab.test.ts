import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { isJoinCode } from '../../lab/join-code';
import type { LiveEvent } from '../../lab/view';
import { staffUser, testDb, withCatalogue } from '../../test/db';
import * as catalogue from '../catalogue';
import { createParticipant } from '../codes';
import {
	auditLog,
	labDot,
	labEvent,
	labIdea,
	labParticipant,
	labTheme,
	proposal,
	proposalSource,
	vote
} from '../db/schema';
import { engagementSteps } from '../steps';
import { getLab, loadBoard, loadView } from './board';
import { csvOf, exportBoard } from './export';
import * as fanout from './fanout';
import * as labs from './labs';
import { moderate } from './moderation';
import { addDot, addPaperParticipant, joinLab, postIdea, takeBackDot } from './participation';
import {
	createDraftVote,
	createProposal,
	listDraftVotes,
	listLabProposals,
	shortlistOf
} from './proposals';
import { tool } from './tool';
import { refusalOf } from '../../test/refusal';

const T0 = new Date('2026-10-14T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * The fan-out is shared by the process and every test's database numbers its first lab 1: a
 * listener left subscribed would hear the next test's lab. Each test's listener goes when it
 * ends, and none may be left.
 */
const listening: { labId: number; unsubscribe: () => void }[] = [];
afterEach(() => {
	for (const { labId, unsubscribe } of listening.splice(0)) {
		unsubscribe();
		expect(fanout.listenerCount(labId)).toBe(0);
	}
});

function setUp(options: { rolesEnabled?: boolean; titleCy?: string; promptsCy?: string[] } = {}) {
	const db = withCatalogue(testDb());
	const staff = staffUser(db, 'facilitator');
	const actor = { id: staff.id, email: staff.email, role: 'facilitator' as const };
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
			prompts: ['How could we design costs out of day services?', 'What could we do ourselves?'],
			titleCy: options.titleCy,
			promptsCy: options.promptsCy,
			kinds: ['savesMoney', 'improvesOutcomes', 'communityCanDo'],
			dotsPerParticipant: 5,
			maxDotsPerIdea: 2,
			rolesEnabled: options.rolesEnabled ?? true
		},
		T0
	);
	const events: LiveEvent[] = [];
	const unsubscribe = fanout.subscribe(labId, (e) => events.push(e));
	listening.push({ labId, unsubscribe });
	/** Joins a new browser and returns its lab participant id. */
	const join = (
		role: 'serviceUser' | 'carer' | 'staff' | null = null,
		name: string | null = null
	) => {
		const browser = createParticipant(db, T0);
		return joinLab(db, labId, browser.id, { displayName: name, role }, T0).member.id;
	};
	const post = (memberId: number, text: string, seconds = 0) =>
		String(
			postIdea(
				db,
				labId,
				{ kind: 'participant', labParticipantId: memberId },
				{ text, kind: 'savesMoney', contribution: null, promptId: 'p1' },
				at(seconds)
			)
		);
	const phase = (to: 'ideas' | 'group' | 'vote' | 'shortlist' | 'closed') =>
		labs.changePhase(db, actor, labId, to, T0);
	return { db, actor, engagementId, labId, events, unsubscribe, join, post, phase };
}

describe('creating a lab', () => {
	it('draws a join code from the lab alphabet, numbers the prompts and audits it', () => {
		const { db, labId } = setUp();
		const record = getLab(db, labId)!;
		expect(isJoinCode(record.joinCode)).toBe(true);
		expect(record.prompts.map((p) => p.id)).toEqual(['p1', 'p2']);
		expect(record.session).toEqual({ phase: 'ideas', paused: false, countdown: null });
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'lab.create')).get();
		expect(entry?.entityId).toBe(String(labId));
	});

	it('never hands out a code another lab has', () => {
		const { db, actor, engagementId } = setUp();
		const taken = labs.listLabs(db)[0].joinCode;
		// A "random" source that first spells the taken code, then something else.
		const sequence = [...taken, ...'ACEFHK'].map((c) => 'ACEFHKMNPRTWXY3479'.indexOf(c));
		let i = 0;
		const id = labs.createLab(
			db,
			actor,
			{
				engagementId,
				serviceId: 'libraries',
				title: 'Second',
				prompts: ['Anything?'],
				kinds: ['savesMoney'],
				dotsPerParticipant: 5,
				maxDotsPerIdea: 2,
				rolesEnabled: false
			},
			T0,
			() => sequence[i++]
		);
		expect(getLab(db, id)!.joinCode).toBe('ACEFHK');
	});

	it('shows on the engagement page and, while open, to residents', () => {
		const { db, engagementId, phase } = setUp();
		const s = engagementSteps(db, engagementId, T0).find((s) => s.tool === 'lab')!;
		expect(s.items).toHaveLength(1);
		expect(s.items[0].status).toContain('ideas');
		expect(s.newHref).toBe(`/staff/labs/new?engagement=${engagementId}`);
		expect(tool.open(db, T0)).toHaveLength(1);
		phase('closed');
		expect(tool.open(db, T0)).toHaveLength(0);
	});
});

describe('a lab in Welsh', () => {
	const welsh = { titleCy: 'Cynllunio costau allan', promptsCy: ['Sut gallem ni?'] };

	it('is created with the Welsh it was given, and phones get it in the view', () => {
		const { db, labId, unsubscribe } = setUp(welsh);
		unsubscribe();
		const view = loadView(db, labId)!;
		expect(view.lab.titleCy).toBe('Cynllunio costau allan');
		expect(view.lab.prompts).toEqual([
			{
				id: 'p1',
				text: 'How could we design costs out of day services?',
				textCy: 'Sut gallem ni?'
			},
			{ id: 'p2', text: 'What could we do ourselves?' }
		]);
	});

	it('takes Welsh added later: written, audited and sent to every screen', () => {
		const { db, actor, labId, events, unsubscribe } = setUp(welsh);
		labs.saveWelsh(db, actor, labId, {
			titleCy: 'Cynllunio costau',
			promptsCy: ['', 'Beth allem ni ei wneud ein hunain?']
		});
		unsubscribe();
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
		const { db, actor, labId, unsubscribe } = setUp(welsh);
		unsubscribe();
		const before = getLab(db, labId)!;
		const refused = refusalOf(() =>
			labs.saveWelsh(db, actor, labId, { titleCy: null, promptsCy: ['a', 'b', 'c'] })
		);
		expect(refused).toMatchObject({
			field: 'promptsCy',
			message: expect.stringContaining('line for line')
		});
		expect(getLab(db, labId)).toEqual(before);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'lab.welsh')).all()).toEqual([]);
	});
});

describe('joining and posting', () => {
	it('publishes a joined event and each new idea with the next version', () => {
		const { db, labId, events, join, post } = setUp();
		const start = getLab(db, labId)!.version;
		const me = join('carer', 'Sue');
		const ideaId = post(me, 'Share taxis with friends');
		expect(events.map((e) => [e.type, e.version])).toEqual([
			['joined', start + 1],
			['idea', start + 2]
		]);
		const idea = events[1].type === 'idea' ? events[1].idea : null;
		expect(idea).toMatchObject({
			id: ideaId,
			text: 'Share taxis with friends',
			role: 'carer',
			name: 'Sue'
		});
		expect(loadView(db, labId)!.version).toBe(start + 2);
	});

	it('joins each browser once; joining again updates the name and role', () => {
		const { db, labId } = setUp();
		const browser = createParticipant(db, T0);
		const first = joinLab(db, labId, browser.id, { displayName: null, role: null }, T0);
		const again = joinLab(db, labId, browser.id, { displayName: 'Dan', role: 'serviceUser' }, T0);
		expect(first.member.id).toBe(again.member.id);
		expect(again.isNew).toBe(false);
		expect(loadBoard(db, labId)!.members).toEqual([
			expect.objectContaining({ name: 'Dan', role: 'serviceUser' })
		]);
	});

	it('refuses to join a lab that has finished or gone, adding nobody', () => {
		const { db, labId, events, phase } = setUp();
		phase('closed');
		const sent = events.length;
		const browser = createParticipant(db, T0);
		const person = { displayName: 'Dan', role: null };
		expect(refusalOf(() => joinLab(db, labId, browser.id, person, T0))).toMatchObject({
			field: '_',
			reason: 'closed'
		});
		expect(refusalOf(() => joinLab(db, labId + 1, browser.id, person, T0))).toMatchObject({
			field: '_',
			reason: 'noLab'
		});
		expect(db.select().from(labParticipant).all()).toEqual([]);
		expect(events).toHaveLength(sent);
	});

	it('drops roles when the lab has them switched off', () => {
		const { db, labId } = setUp({ rolesEnabled: false });
		const browser = createParticipant(db, T0);
		const joined = joinLab(db, labId, browser.id, { displayName: null, role: 'carer' }, T0);
		expect(joined.member.role).toBe(null);
	});

	it('holds a participant to five ideas a minute, with the wait in seconds', () => {
		const { db, labId, join, post } = setUp();
		const me = join();
		for (let i = 0; i < 5; i++) post(me, `Idea number ${i}`, i);
		const version = getLab(db, labId)!.version;
		const refused = refusalOf(() =>
			postIdea(
				db,
				labId,
				{ kind: 'participant', labParticipantId: me },
				{ text: 'One more', kind: 'savesMoney', contribution: null, promptId: 'p1' },
				at(10)
			)
		);
		expect(refused).toMatchObject({ field: '_', reason: 'rate', params: { seconds: 50 } });
		// The five posts that used up the allowance stay; the refused one is not written, so it
		// does not count against the next post.
		expect(
			db
				.select()
				.from(labIdea)
				.all()
				.map((i) => i.text)
		).toEqual([0, 1, 2, 3, 4].map((i) => `Idea number ${i}`));
		expect(getLab(db, labId)!.version).toBe(version);
		expect(post(me, 'After the minute', 61)).toBeTruthy();
	});

	it('refuses posts while paused, outside the ideas phase, or from someone who has not joined', () => {
		const { db, actor, labId, join } = setUp();
		const me = join();
		const idea = {
			text: 'A fine idea',
			kind: 'savesMoney' as const,
			contribution: null,
			promptId: 'p1'
		};
		const asMe = { kind: 'participant' as const, labParticipantId: me };
		labs.pause(db, actor, labId, true, T0);
		expect(refusalOf(() => postIdea(db, labId, asMe, idea, T0))).toMatchObject({
			field: '_',
			reason: 'paused'
		});
		// The facilitator typing in a sticky note is not stopped by the pause.
		const staff = postIdea(db, labId, { kind: 'staff', actor, role: 'carer' }, idea, T0);
		expect(staff).toBeGreaterThan(0);
		labs.pause(db, actor, labId, false, T0);
		labs.changePhase(db, actor, labId, 'group', T0);
		expect(refusalOf(() => postIdea(db, labId, asMe, idea, T0))).toMatchObject({
			field: '_',
			reason: 'phase'
		});
		const stranger = { kind: 'participant' as const, labParticipantId: 9999 };
		expect(refusalOf(() => postIdea(db, labId, stranger, idea, T0))).toMatchObject({
			field: '_',
			reason: 'notJoined'
		});
		expect(
			refusalOf(() => postIdea(db, labId, asMe, { ...idea, promptId: 'p9' }, T0))
		).toMatchObject({ field: '_', reason: 'invalid' });
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'lab.idea.post')).all()
		).toHaveLength(1);
	});
});

describe('moderation', () => {
	it('hides with a reason kept for the export but never shown on the screens', () => {
		const { db, actor, labId, join, post, phase, events } = setUp();
		const me = join('staff');
		const keep = post(me, 'Merge the Friday groups');
		const off = post(me, 'Fix the potholes on Harbour Road', 1);
		phase('group');
		const hidden = moderate(
			db,
			actor,
			labId,
			{ type: 'hide', ideaId: off, reason: 'Off topic' },
			T0
		);
		expect(hidden.eventId).toBeTruthy();
		const last = events.at(-1)!;
		expect(last.type).toBe('snapshot');
		const view = last.type === 'snapshot' ? last.view : null;
		expect(view!.ideas.map((i) => i.id)).toEqual([keep]);
		expect(JSON.stringify(view)).not.toContain('Off topic');
		const exported = exportBoard(db, actor, labId, 'csv', T0)!;
		const csv = csvOf(exported.rows);
		expect(csv).toContain('Fix the potholes on Harbour Road');
		expect(csv).toContain('Off topic');
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'lab.export')).all()).toHaveLength(
			1
		);
		// The idea row is still there, untouched, and cannot be deleted.
		expect(() =>
			db
				.delete(labIdea)
				.where(eq(labIdea.id, Number(off)))
				.run()
		).toThrow(/never deleted/);
		expect(() => db.delete(labEvent).run()).toThrow(/append-only/);
	});

	it('groups, merges, undoes and redoes, each as a new event in the log', () => {
		const { db, actor, labId, join, post, phase } = setUp();
		const me = join();
		const a = post(me, 'Volunteer drivers');
		const b = post(me, 'Volunteers could drive people', 1);
		phase('group');
		const theme = moderate(db, actor, labId, { type: 'createTheme', name: 'Transport' }, T0);
		expect(theme.themeId).toBeTruthy();
		const themeId = theme.themeId!;
		moderate(db, actor, labId, { type: 'moveToTheme', ideaId: a, themeId }, T0);
		moderate(db, actor, labId, { type: 'merge', sourceId: b, targetId: a }, T0);
		let view = loadView(db, labId)!;
		expect(view.ideas).toEqual([
			expect.objectContaining({ id: a, themeId, also: ['Volunteers could drive people'] })
		]);

		moderate(db, actor, labId, { type: 'undo', eventId: null }, T0);
		view = loadView(db, labId)!;
		expect(view.ideas.map((i) => i.id)).toEqual([a, b]);
		moderate(db, actor, labId, { type: 'redo' }, T0);
		expect(loadView(db, labId)!.ideas.map((i) => i.id)).toEqual([a]);
		expect(db.select().from(labEvent).where(eq(labEvent.labId, labId)).all()).toHaveLength(5);

		const dup = refusalOf(() =>
			moderate(db, actor, labId, { type: 'createTheme', name: 'transport ' }, T0)
		);
		expect(dup).toMatchObject({ field: '_', message: expect.stringContaining('already a theme') });
	});

	it('rolls back the new theme a refused name had been given, with its audit entry and event', () => {
		const { db, actor, labId, events, phase } = setUp();
		phase('group');
		moderate(db, actor, labId, { type: 'createTheme', name: 'Transport' }, T0);
		const before = {
			themes: db.select().from(labTheme).all(),
			events: db.select().from(labEvent).all(),
			audit: db.select().from(auditLog).all(),
			version: getLab(db, labId)!.version,
			sent: events.length
		};
		// The theme's id is allocated before its name is checked: the refusal takes it back.
		expect(
			refusalOf(() => moderate(db, actor, labId, { type: 'createTheme', name: 'TRANSPORT' }, T0))
		).toMatchObject({ field: '_', message: expect.stringContaining('already a theme') });
		expect({
			themes: db.select().from(labTheme).all(),
			events: db.select().from(labEvent).all(),
			audit: db.select().from(auditLog).all(),
			version: getLab(db, labId)!.version,
			sent: events.length
		}).toEqual(before);
	});

	it('refuses grouping once voting has started, with the reason', () => {
		const { db, actor, labId, join, post, phase } = setUp();
		const me = join();
		const a = post(me, 'Idea one');
		const b = post(me, 'Idea two', 1);
		phase('vote');
		const refused = refusalOf(() =>
			moderate(db, actor, labId, { type: 'merge', sourceId: b, targetId: a }, T0)
		);
		expect(refused).toMatchObject({
			field: '_',
			message: expect.stringContaining('Merging ideas')
		});
		expect(
			refusalOf(() => moderate(db, actor, labId, { type: 'undo', eventId: null }, T0))
		).toMatchObject({ field: '_', message: 'There is nothing to undo.' });
	});
});

describe('phases, pause and countdown', () => {
	it('moves forward freely, back one step at a time, and audits each move', () => {
		const { db, actor, labId, events } = setUp();
		labs.changePhase(db, actor, labId, 'vote', T0);
		expect(refusalOf(() => labs.changePhase(db, actor, labId, 'ideas', T0))).toMatchObject({
			field: '_',
			message: expect.stringContaining('back one phase at a time')
		});
		expect(getLab(db, labId)!.session.phase).toBe('vote');
		labs.changePhase(db, actor, labId, 'group', T0);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'lab.phase')).all()).toHaveLength(
			2
		);
		expect(events.filter((e) => e.type === 'snapshot')).toHaveLength(2);
	});

	it('starts and stops a countdown the screens can show', () => {
		const { db, actor, labId } = setUp();
		labs.startCountdown(db, actor, labId, 5, T0);
		expect(loadView(db, labId)!.countdownEndsAt).toBe(T0.getTime() + 5 * 60_000);
		labs.stopCountdown(db, actor, labId, T0);
		expect(refusalOf(() => labs.stopCountdown(db, actor, labId, T0))).toMatchObject({
			field: '_',
			message: 'There is no countdown running.'
		});
		expect(loadView(db, labId)!.countdownEndsAt).toBe(null);
	});
});

describe('dots', () => {
	it('keeps to the budget and the limit on one item, and streams the new totals', () => {
		const { db, labId, join, post, phase, events } = setUp();
		const me = join('carer');
		const ideas = [0, 1, 2].map((i) => post(me, `Idea ${i}`, i));
		phase('vote');
		const item = (id: string) => ({ type: 'idea' as const, id });
		addDot(db, labId, me, item(ideas[0]), T0);
		addDot(db, labId, me, item(ideas[0]), T0);
		expect(refusalOf(() => addDot(db, labId, me, item(ideas[0]), T0))).toMatchObject({
			field: '_',
			reason: 'itemLimit',
			params: { max: 2 }
		});
		addDot(db, labId, me, item(ideas[1]), T0);
		addDot(db, labId, me, item(ideas[1]), T0);
		addDot(db, labId, me, item(ideas[2]), T0);
		const sent = events.length;
		expect(refusalOf(() => addDot(db, labId, me, item(ideas[2]), T0))).toMatchObject({
			field: '_',
			reason: 'noDotsLeft'
		});
		// A refused dot is neither stored nor sent to the screens.
		expect(events).toHaveLength(sent);
		expect(db.select().from(labDot).all()).toHaveLength(5);
		const last = events.at(-1)!;
		expect(last).toMatchObject({ type: 'dots', key: `idea:${ideas[2]}`, dots: 1, dotsPlaced: 5 });
		takeBackDot(db, labId, me, item(ideas[0]), T0);
		expect(events.at(-1)).toMatchObject({
			type: 'dots',
			key: `idea:${ideas[0]}`,
			dots: 1,
			dotsPlaced: 4
		});
		takeBackDot(db, labId, me, item(ideas[2]), T0);
		expect(refusalOf(() => takeBackDot(db, labId, me, item(ideas[2]), T0))).toMatchObject({
			field: '_',
			reason: 'noDotHere'
		});
		expect(loadView(db, labId)!.dots).toEqual({ [`idea:${ideas[0]}`]: 1, [`idea:${ideas[1]}`]: 2 });
	});

	it('are placed only in the vote phase', () => {
		const { db, labId, join, post } = setUp();
		const me = join();
		const a = post(me, 'Idea');
		expect(refusalOf(() => addDot(db, labId, me, { type: 'idea', id: a }, T0))).toMatchObject({
			field: '_',
			reason: 'phase'
		});
		expect(db.select().from(labDot).all()).toEqual([]);
	});
});

describe('paper participants', () => {
	it('are added by the facilitator, counted in the room and audit-logged', () => {
		const { db, actor, labId, events } = setUp();
		const added = addPaperParticipant(
			db,
			actor,
			labId,
			{ displayName: 'Mary, table 3', role: 'carer' },
			T0
		);
		expect(added).toBeGreaterThan(0);
		expect(events.at(-1)).toMatchObject({ type: 'joined', participantCount: 1 });
		expect(loadBoard(db, labId)!.members).toEqual([
			expect.objectContaining({ name: 'Mary, table 3', role: 'carer', paper: true })
		]);
		const entry = db.select().from(auditLog).where(eq(auditLog.action, 'lab.paper.add')).get();
		expect(entry?.entityId).toBe(String(labId));
		expect(
			refusalOf(() =>
				addPaperParticipant(db, actor, labId, { displayName: ' mary, TABLE 3', role: null }, T0)
			)
		).toMatchObject({
			field: 'displayName',
			reason: 'invalid',
			message: expect.stringContaining('already someone called')
		});
		addPaperParticipant(db, actor, labId, { displayName: 'Siân', role: null }, T0);
		expect(
			refusalOf(() =>
				addPaperParticipant(db, actor, labId, { displayName: 'SIÂN', role: null }, T0)
			)
		).toMatchObject({ field: 'displayName', reason: 'invalid' });
		labs.changePhase(db, actor, labId, 'closed', T0);
		expect(
			refusalOf(() => addPaperParticipant(db, actor, labId, { displayName: 'Tom', role: null }, T0))
		).toMatchObject({ field: '_', reason: 'closed' });
		// The refused names were not added, nor anyone behind them.
		expect(loadBoard(db, labId)!.members.map((m) => m.name)).toEqual(['Mary, table 3', 'Siân']);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'lab.paper.add')).all()
		).toHaveLength(2);
	});

	it('have their dots placed from the console, within the same budget, even while phones are paused', () => {
		const { db, actor, labId, join, post, phase, events } = setUp();
		const phone = join('carer');
		const ideas = [0, 1, 2].map((i) => post(phone, `Idea ${i}`, i));
		const mary = addPaperParticipant(
			db,
			actor,
			labId,
			{ displayName: 'Mary', role: 'serviceUser' },
			T0
		);
		const item = (id: string) => ({ type: 'idea' as const, id });
		const staff = { kind: 'staff' as const, actor };
		expect(refusalOf(() => addDot(db, labId, mary, item(ideas[0]), T0, staff))).toMatchObject({
			field: '_',
			reason: 'phase'
		});
		phase('vote');
		labs.pause(db, actor, labId, true, T0);
		addDot(db, labId, mary, item(ideas[0]), T0, staff);
		addDot(db, labId, mary, item(ideas[0]), T0, staff);
		expect(refusalOf(() => addDot(db, labId, mary, item(ideas[0]), T0, staff))).toMatchObject({
			reason: 'itemLimit'
		});
		addDot(db, labId, mary, item(ideas[1]), T0, staff);
		addDot(db, labId, mary, item(ideas[1]), T0, staff);
		addDot(db, labId, mary, item(ideas[2]), T0, staff);
		expect(refusalOf(() => addDot(db, labId, mary, item(ideas[2]), T0, staff))).toMatchObject({
			reason: 'noDotsLeft'
		});
		expect(events.at(-1)).toMatchObject({ type: 'dots', key: `idea:${ideas[2]}`, dotsPlaced: 5 });
		takeBackDot(db, labId, mary, item(ideas[2]), T0, staff);
		// Nobody's phone can spend Mary's dots, and the console cannot spend a phone's.
		expect(refusalOf(() => addDot(db, labId, phone, item(ideas[2]), T0))).toMatchObject({
			reason: 'paused'
		});
		expect(refusalOf(() => addDot(db, labId, phone, item(ideas[2]), T0, staff))).toMatchObject({
			field: '_',
			reason: 'notJoined',
			message: expect.stringContaining('without a phone')
		});
		const logged = db
			.select()
			.from(auditLog)
			.all()
			.filter((e) => e.action === 'lab.dot.place' || e.action === 'lab.dot.remove')
			.map((e) => e.action);
		expect(logged).toEqual([...Array(5).fill('lab.dot.place'), 'lab.dot.remove']);
		phase('shortlist');
		const view = loadView(db, labId)!;
		expect(view.dotsPlaced).toBe(4);
		expect(view.ranking[0]).toMatchObject({ id: ideas[0], dots: 2 });
		expect(view.ranking[0].byRole.serviceUser).toBe(2);
	});
});

describe('shortlist to proposals', () => {
	function shortlisted() {
		const ctx = setUp();
		const { db, actor, labId, join, post, phase } = ctx;
		const sue = join('carer');
		const dan = join('serviceUser');
		const drivers = post(sue, 'Volunteer drivers');
		const drivers2 = post(dan, 'Volunteers could drive people', 1);
		const taxis = post(dan, 'Share taxis', 2);
		phase('group');
		const themeId = moderate(
			db,
			actor,
			labId,
			{ type: 'createTheme', name: 'Transport' },
			T0
		).themeId!;
		moderate(db, actor, labId, { type: 'merge', sourceId: drivers2, targetId: drivers }, T0);
		moderate(db, actor, labId, { type: 'moveToTheme', ideaId: taxis, themeId }, T0);
		phase('vote');
		addDot(db, labId, sue, { type: 'idea', id: drivers }, T0);
		addDot(db, labId, dan, { type: 'theme', id: themeId }, T0);
		phase('shortlist');
		moderate(db, actor, labId, { type: 'shortlist', item: { type: 'idea', id: drivers } }, T0);
		moderate(db, actor, labId, { type: 'shortlist', item: { type: 'theme', id: themeId } }, T0);
		const voteId = createDraftVote(db, actor, ctx.labId, 'Day services budget 2027', T0);
		return { ...ctx, drivers, drivers2, taxis, themeId, voteId };
	}

	it('drafts a proposal from an idea, linked to it and the duplicate merged into it', () => {
		const { db, actor, labId, drivers, drivers2, voteId } = shortlisted();
		const id = createProposal(db, actor, labId, {
			item: { type: 'idea', id: drivers },
			voteId,
			title: 'Volunteer driver scheme',
			description: 'Drivers bring people to sessions.',
			kind: 'development',
			amountPence: 1_500_000,
			serviceId: 'adult-social-care'
		});
		expect(id).toBeGreaterThan(0);
		expect(db.select().from(proposal).where(eq(proposal.id, id)).get()).toMatchObject({
			voteId,
			amount: 1_500_000,
			kind: 'development'
		});
		const sources = db.select().from(proposalSource).where(eq(proposalSource.proposalId, id)).all();
		expect(sources.map((s) => [s.ideaId, s.themeId])).toEqual([
			[Number(drivers), null],
			[Number(drivers2), null]
		]);
		const again = refusalOf(() =>
			createProposal(db, actor, labId, {
				item: { type: 'idea', id: drivers },
				voteId,
				title: 'Again',
				description: 'Twice',
				kind: 'development',
				amountPence: 0,
				serviceId: 'adult-social-care'
			})
		);
		expect(again).toMatchObject({ field: '_', message: expect.stringContaining('already') });
		expect(db.select().from(proposal).all()).toHaveLength(1);
	});

	it('drafts a proposal from a theme, linked to the theme and its ideas', () => {
		const { db, actor, labId, themeId, taxis, voteId } = shortlisted();
		const made = createProposal(db, actor, labId, {
			item: { type: 'theme', id: themeId },
			voteId,
			title: 'Smarter transport',
			description: 'Fuller buses.',
			kind: 'saving',
			amountPence: 8_500_000,
			serviceId: 'adult-social-care'
		});
		expect(made).toBeGreaterThan(0);
		const listed = listLabProposals(db, labId);
		expect(listed).toEqual([
			expect.objectContaining({ title: 'Smarter transport', item: { type: 'theme', id: themeId } })
		]);
		const sources = db
			.select()
			.from(proposalSource)
			.where(and(eq(proposalSource.labId, labId)))
			.all();
		expect(sources.map((s) => [s.ideaId, s.themeId])).toEqual([
			[null, Number(themeId)],
			[Number(taxis), Number(themeId)]
		]);
		const entries = shortlistOf(loadBoard(db, labId)!, listed);
		expect(entries.map((e) => e.canPropose.allowed)).toEqual([true, false]);
		expect(entries[0].draft?.kind).toBe('saving');
	});

	it('refuses a vote of another engagement, and items not on the shortlist', () => {
		const { db, actor, labId, taxis, voteId } = shortlisted();
		const other = catalogue.createEngagement(db, actor, { title: 'Other', serviceId: 'libraries' });
		const otherLab = labs.createLab(
			db,
			actor,
			{
				engagementId: other,
				serviceId: 'libraries',
				title: 'Library ideas',
				prompts: ['What would help?'],
				kinds: ['improvesOutcomes'],
				dotsPerParticipant: 5,
				maxDotsPerIdea: 2,
				rolesEnabled: false
			},
			T0
		);
		const foreign = createDraftVote(db, actor, otherLab, 'Libraries budget', T0);
		const input = {
			voteId: foreign,
			title: 'Smarter transport',
			description: 'Fuller buses.',
			kind: 'saving' as const,
			amountPence: 0,
			serviceId: 'adult-social-care'
		};
		expect(
			refusalOf(() =>
				createProposal(db, actor, labId, { ...input, item: { type: 'idea', id: taxis } })
			)
		).toMatchObject({ field: '_', message: 'Add it to the shortlist first.' });
		const [first] = loadBoard(db, labId)!.board.shortlist;
		expect(
			refusalOf(() => createProposal(db, actor, labId, { ...input, item: first }))
		).toMatchObject({ field: 'voteId', message: 'Choose a vote of this engagement.' });
		expect(
			refusalOf(() =>
				createProposal(db, actor, labId, {
					...input,
					voteId,
					serviceId: 'no-such-service',
					item: first
				})
			)
		).toMatchObject({ field: 'serviceId', message: 'Choose a service.' });
		expect(db.select().from(proposal).all()).toEqual([]);
		expect(db.select().from(proposalSource).all()).toEqual([]);
		expect(
			db
				.select()
				.from(vote)
				.all()
				.map((v) => v.status)
		).toEqual(['draft', 'draft']);
		expect(voteId).toBeGreaterThan(0);
		expect(db.select().from(auditLog).where(eq(auditLog.action, 'vote.create')).all()).toHaveLength(
			2
		);
	});

	it("lets a facilitator add only to the lab's own drafts, and a commissioner to any", () => {
		const { db, actor, labId, drivers, themeId, engagementId } = shortlisted();
		const boss = staffUser(db, 'commissioner');
		const commissioner = { id: boss.id, email: boss.email, role: 'commissioner' as const };
		// A draft the budget team is preparing on the vote pages, not made from this lab.
		const theirs = db
			.insert(vote)
			.values({ engagementId, title: 'Council draft', createdAt: T0, updatedAt: T0 })
			.returning({ id: vote.id })
			.get().id;
		const input = {
			voteId: theirs,
			title: 'Volunteer driver scheme',
			description: 'Drivers bring people to sessions.',
			kind: 'development' as const,
			amountPence: 1_500_000,
			serviceId: 'adult-social-care'
		};
		expect(
			refusalOf(() =>
				createProposal(db, actor, labId, { ...input, item: { type: 'idea', id: drivers } })
			)
		).toMatchObject({ field: 'voteId', message: expect.stringContaining('facilitator') });
		expect(db.select().from(proposal).where(eq(proposal.voteId, theirs)).all()).toEqual([]);
		expect(listDraftVotes(db, engagementId, actor, labId).map((v) => v.id)).not.toContain(theirs);
		expect(listDraftVotes(db, engagementId, commissioner, labId).map((v) => v.id)).toContain(
			theirs
		);
		expect(
			createProposal(db, commissioner, labId, { ...input, item: { type: 'theme', id: themeId } })
		).toBeGreaterThan(0);
	});

	it('shows the ranking with the split by role once the shortlist phase starts', () => {
		const { db, labId, drivers, themeId } = shortlisted();
		const view = loadView(db, labId)!;
		expect(view.ranking.slice(0, 2)).toEqual([
			expect.objectContaining({ type: 'idea', id: drivers, dots: 1, shortlisted: true }),
			expect.objectContaining({ type: 'theme', id: themeId, dots: 1 })
		]);
		expect(view.ranking[0].byRole.carer).toBe(1);
		expect(view.ranking[1].byRole.serviceUser).toBe(1);
	});
});
