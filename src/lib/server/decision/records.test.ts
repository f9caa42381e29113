import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adverseImpacts } from '../../decision/eqia';
import { testDb } from '../../test/db';
import { DECIDED } from '../../test/decision';
import type { DB } from '../db/open';
import { auditLog, decisionScrutiny, decisionVersion, user } from '../db/schema';
import { seedIfEmpty } from '../seed';
import type { SessionUser } from '../session';
import { councilDay } from './evidence';
import { listDecided, youSaidWeDid } from './public';
import * as records from './records';
import * as scrutiny from './scrutiny';
import { refusalOf } from '../../test/refusal';

let db: DB;
let commissioner: SessionUser;
let councillor: SessionUser;
const actor = () => ({ id: commissioner.id, email: commissioner.email });
const at = (engagementId: number): records.Editing => ({
	db,
	actor: actor(),
	engagementId,
	now: NOW
});
/** After the demo's call-in period. */
const NOW = new Date('2026-11-20T12:00:00Z');
const DAY_SERVICES = 1;
const LIBRARIES = 2;

const userOf = (email: string): SessionUser => {
	const u = db.select().from(user).where(eq(user.email, email)).get()!;
	return { id: u.id, email: u.email, name: u.name, role: u.role };
};
const decisionAudits = () =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.where(eq(auditLog.entityType, 'decision'))
		.get()!.n;
const draftOf = (engagementId: number) => records.getRecord(db, engagementId)!.draft!.content;

beforeAll(async () => {
	db = testDb();
	await seedIfEmpty(db);
	commissioner = userOf('commissioner@harbourside.example');
	councillor = userOf('councillor@harbourside.example');
}, 60_000);

describe('the demo’s decision record', () => {
	it('is published, decided as recommended, with a signed-off assessment and an answered question', () => {
		const r = records.getRecord(db, DAY_SERVICES)!;
		expect(r.draft).toBeNull();
		expect(r.current?.number).toBe(1);
		const c = r.current!.content;
		expect(c.decision).toMatchObject({
			status: 'decided',
			minuteRef: 'CAB/2026/114',
			asRecommended: true
		});
		expect(c.eqia.signOff?.name).toBe('Priya Shah');
		expect(c.evidence.vote?.proposals.find((p) => p.decision === 'protected')?.title).toBe(
			'Close two day centres for adults with learning disabilities'
		);
		expect(scrutiny.listScrutiny(db, r.id)[0].answers).toHaveLength(1);
	});

	it('lists every impact the count found with a mitigation', () => {
		const c = records.getRecord(db, DAY_SERVICES)!.current!.content;
		const rows = adverseImpacts(c.evidence, c.eqia);
		expect(rows.map((a) => a.row.key)).toEqual([
			'10-older',
			'5-users',
			'5-disabled',
			'5-users+disabled',
			'9-older'
		]);
		expect(rows.every((a) => a.row.mitigation && a.row.owner)).toBe(true);
	});

	it('is on the public page and the home page’s list', () => {
		const page = youSaidWeDid(db, DAY_SERVICES, NOW)!;
		expect(page.decision).toMatchObject({ number: 1, supersedes: null, callIn: 'lapsed' });
		expect(page.activities.map((a) => [a.kind, a.state, a.resultsHref])).toEqual([
			['survey', 'closed', '/survey/1/results'],
			['lab', 'closed', null],
			['vote', 'closed', '/vote/1/results']
		]);
		expect(page.charter).toMatchObject({
			slug: 'harbourside-day-opportunities',
			green: 3,
			amber: 1
		});
		expect(listDecided(db)).toEqual([
			{ id: DAY_SERVICES, title: 'Day services for adults: redesign for 2027' }
		]);
	});
});

describe('a published version', () => {
	it('cannot be changed or deleted, even by SQL', () => {
		const id = records.getRecord(db, DAY_SERVICES)!.current!.id;
		expect(() =>
			db.update(decisionVersion).set({ content: '{}' }).where(eq(decisionVersion.id, id)).run()
		).toThrow(/never changed/);
		expect(() => db.delete(decisionVersion).where(eq(decisionVersion.id, id)).run()).toThrow(
			/kept/
		);
	});

	it('moves on through call-in as new versions, the old ones kept', () => {
		const before = records.getRecord(db, DAY_SERVICES)!;
		const early = refusalOf(() => records.moveCallIn(at(DAY_SERVICES), 'calledIn', 'Cllr Rees'));
		expect(early.fields).toEqual({
			to: 'The call-in period is over, so the decision can only be confirmed'
		});
		expect(records.getRecord(db, DAY_SERVICES)!.versions).toHaveLength(1);
		const moved = records.moveCallIn(at(DAY_SERVICES), 'confirmed', '');
		expect(moved).toBe(2);
		const after = records.getRecord(db, DAY_SERVICES)!;
		expect(after.versions.map((v) => [v.number, v.status])).toEqual([
			[1, 'superseded'],
			[2, 'current']
		]);
		expect(after.current!.content.decision.callIn.status).toBe('confirmed');
		expect(after.versions[0].content).toEqual(before.current!.content);
	});
});

describe('drafting a new version from the data', () => {
	it('starts afresh: options from the vote plus those staff added, a blank decision', () => {
		const started = records.startDraft(at(DAY_SERVICES), 'data');
		expect(started).toBe(records.getRecord(db, DAY_SERVICES)!.draft!.id);
		const c = draftOf(DAY_SERVICES);
		expect(c.options.filter((o) => o.source === 'staff').map((o) => o.id)).toEqual([
			's-per-session'
		]);
		expect(c.options.filter((o) => o.source === 'vote')).toHaveLength(10);
		expect(c.decision.status).toBe('pending');
		expect(c.eqia.signOff).toBeNull();
		expect(c.summary.views).toContain('Residents protected 1 saving');
	});

	it('refuses a second draft', () => {
		expect(() => records.startDraft(at(DAY_SERVICES), 'published')).toThrowError(
			expect.objectContaining({
				field: '_',
				message: 'There is already a draft: change it, or publish it first.'
			})
		);
	});

	it('refuses a decision dated before the vote closed, and writes nothing', () => {
		const audits = decisionAudits();
		const draft = draftOf(DAY_SERVICES);
		const refused = refusalOf(() =>
			records.saveDecision(at(DAY_SERVICES), {
				...DECIDED,
				date: '2026-10-29',
				minuteRef: 'CAB/1',
				callIn: { ...DECIDED.callIn, until: '2026-11-30' }
			})
		);
		expect(refused).toMatchObject({ field: 'date', reason: undefined });
		expect(refused.fields).toEqual({
			date: 'The decision date cannot be before the vote closed on 30 October 2026'
		});
		expect(draftOf(DAY_SERVICES)).toEqual(draft);
		expect(decisionAudits()).toBe(audits);
	});

	it('refuses "decided" with an empty minute reference, and writes nothing', () => {
		const draft = draftOf(DAY_SERVICES);
		const refused = refusalOf(() =>
			records.saveDecision(at(DAY_SERVICES), {
				...DECIDED,
				date: '2026-11-19',
				minuteRef: ' ',
				callIn: { ...DECIDED.callIn, until: '2026-11-30' }
			})
		);
		expect(Object.keys(refused.fields)).toEqual(['minuteRef']);
		expect(draftOf(DAY_SERVICES)).toEqual(draft);
	});

	it('refuses to sign off an assessment with an unmitigated adverse impact, and writes nothing', () => {
		const audits = decisionAudits();
		const draft = draftOf(DAY_SERVICES);
		const keys = adverseImpacts(draft.evidence, draft.eqia).map((a) => a.row.key);
		const refused = refusalOf(() =>
			records.saveAssessment(at(DAY_SERVICES), {
				entries: keys.map((key) => ({
					key,
					mitigation: key === '9-older' ? '' : 'Mitigated',
					owner: 'Head'
				})),
				judgement: 'continue',
				reasons: 'Justified',
				signOff: { name: 'P Shah', role: 'Equality lead', date: councilDay(NOW) }
			})
		);
		expect(Object.keys(refused.fields)).toEqual(['mitigation-9-older']);
		expect(draftOf(DAY_SERVICES)).toEqual(draft);
		expect(decisionAudits()).toBe(audits);
	});

	it('refuses a sign-off with every field at fault at once, each beside its field', () => {
		const draft = draftOf(DAY_SERVICES);
		const keys = adverseImpacts(draft.evidence, draft.eqia).map((a) => a.row.key);
		const refused = refusalOf(() =>
			records.saveAssessment(at(DAY_SERVICES), {
				entries: keys.map((key) => ({ key, mitigation: 'Mitigated', owner: '' })),
				judgement: 'continue',
				reasons: 'Justified',
				signOff: { name: ' ', role: 'Equality lead', date: councilDay(NOW) }
			})
		);
		const errors = refused.fields;
		expect(Object.keys(errors)).toEqual([...keys.map((k) => `owner-${k}`), 'signOffName']);
		expect(errors.signOffName).toBe('Enter the name of the person signing off');
		expect(refused).toMatchObject({ field: `owner-${keys[0]}`, message: errors[refused.field] });
		expect(draftOf(DAY_SERVICES)).toEqual(draft);
	});

	it('refuses to remove an option the vote listed, or one that is gone, and writes nothing', () => {
		const audits = decisionAudits();
		const draft = draftOf(DAY_SERVICES);
		const fromVote = draft.options.find((o) => o.source === 'vote')!.id;
		expect(() => records.removeOption(at(DAY_SERVICES), fromVote)).toThrowError(
			expect.objectContaining({
				field: '_',
				message: 'The vote’s proposals are always listed as options.'
			})
		);
		expect(() => records.removeOption(at(DAY_SERVICES), 'gone')).toThrowError(
			expect.objectContaining({ field: '_', message: 'That is no longer listed.' })
		);
		expect(draftOf(DAY_SERVICES)).toEqual(draft);
		expect(decisionAudits()).toBe(audits);
	});

	it('audit-logs every change with what it was before and after', () => {
		const audits = decisionAudits();
		records.rewriteSummary(at(DAY_SERVICES));
		records.markImpacts(at(DAY_SERVICES), '1', ['carers']);
		expect(decisionAudits()).toBe(audits + 2);
		const last = db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'decision'), eq(auditLog.action, 'decision.eqia.impacts')))
			.get()!;
		expect(JSON.parse(last.after!)).toEqual([
			{ proposalId: '1', group: 'carers', adverse: true, mitigation: '', owner: '' }
		]);
	});

	it('will not publish until every scrutiny question is answered', () => {
		const asked = scrutiny.ask(
			db,
			councillor,
			DAY_SERVICES,
			{ kind: 'question', text: 'Why now?' },
			NOW
		);
		expect(asked).toBeGreaterThan(0);
		const r = records.getRecord(db, DAY_SERVICES)!;
		expect(records.draftProblems(db, r, NOW).map((p) => p.section)).toContain('scrutiny');
		expect(() => records.publish(at(DAY_SERVICES))).toThrowError(
			expect.objectContaining({ reason: 'incomplete' })
		);
		expect(records.whatStopsPublishing(db, DAY_SERVICES, NOW).map((p) => p.section)).toContain(
			'scrutiny'
		);
		scrutiny.answer(db, commissioner, DAY_SERVICES, { itemId: asked, answer: 'Because.' }, NOW);
		expect(
			records.draftProblems(db, records.getRecord(db, DAY_SERVICES)!, NOW).map((p) => p.section)
		).not.toContain('scrutiny');
	});

	it('refuses an answer to a question on another record, and writes nothing', () => {
		const audits = decisionAudits();
		const items = () => scrutiny.listScrutiny(db, records.getRecord(db, DAY_SERVICES)!.id);
		const before = items();
		expect(() =>
			scrutiny.answer(db, commissioner, DAY_SERVICES, { itemId: 99_999, answer: 'No.' }, NOW)
		).toThrowError(
			expect.objectContaining({ field: '_', message: 'That question is not on this record.' })
		);
		expect(items()).toEqual(before);
		expect(decisionAudits()).toBe(audits);
	});

	it('keeps scrutiny as written', () => {
		expect(() => db.update(decisionScrutiny).set({ text: 'changed' }).run()).toThrow(
			/kept as written/
		);
		expect(() => db.delete(decisionScrutiny).run()).toThrow(/kept/);
	});
});

describe('a record for an engagement with no closed vote', () => {
	it('takes no questions before a record is started', () => {
		expect(() =>
			scrutiny.ask(db, councillor, LIBRARIES, { kind: 'question', text: 'When?' }, NOW)
		).toThrowError(
			expect.objectContaining({
				field: '_',
				message: 'There is no decision record to scrutinise yet.'
			})
		);
		expect(() => records.publish(at(LIBRARIES))).toThrowError(
			expect.objectContaining({ reason: 'incomplete', message: 'There is no draft to publish.' })
		);
		expect(records.whatStopsPublishing(db, LIBRARIES, NOW)).toEqual([
			{ section: 'options', message: 'There is no draft to publish.' }
		]);
	});

	it('drafts from what exists, and publishes once complete', () => {
		expect(records.startDraft(at(LIBRARIES), 'data')).toBeGreaterThan(0);
		let c = draftOf(LIBRARIES);
		expect(c.evidence.vote).toBeNull();
		expect(c.options).toEqual([]);
		expect(c.summary.views).toBe(
			'No community budget vote has closed for this engagement, so there are no vote results.'
		);
		expect(() => records.publish(at(LIBRARIES))).toThrowError(
			expect.objectContaining({ field: '_', reason: 'incomplete' })
		);
		expect(records.getRecord(db, LIBRARIES)!.current).toBeNull();

		records.addOption(
			at(LIBRARIES),
			{
				title: 'Keep all six branches',
				titleCy: '',
				kind: 'alternative',
				amount: null,
				description: ''
			},
			's-keep'
		);
		records.saveRecommendation(at(LIBRARIES), {
			recommended: ['s-keep'],
			recommendation: 'Keep them.',
			financeNote: ''
		});
		records.saveAssessment(at(LIBRARIES), {
			entries: [],
			judgement: 'noMajorChange',
			reasons: 'Nothing changes.',
			signOff: { name: 'P Shah', role: 'Lead', date: '2026-11-20' }
		});
		c = draftOf(LIBRARIES);
		expect(c.eqia.signOff?.name).toBe('P Shah');
		records.saveDecision(at(LIBRARIES), {
			...c.decision,
			status: 'decided',
			date: '2020-01-01',
			meeting: 'Cabinet',
			minuteRef: 'CAB/2026/200',
			asRecommended: true,
			publicSummary: 'All branches stay open.',
			publicSummaryCy: "Mae'r holl ganghennau yn aros ar agor.",
			callIn: { until: '2020-01-08', status: 'open', note: '' }
		});
		expect(draftOf(LIBRARIES).decision.minuteRef).toBe('CAB/2026/200');
		expect(records.whatStopsPublishing(db, LIBRARIES, NOW)).toEqual([]);
		expect(records.publish(at(LIBRARIES))).toBe(1);
		expect(youSaidWeDid(db, LIBRARIES, NOW)?.decision?.number).toBe(1);
	});
});
