import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildPages, type CustomQuestion } from '../../survey/template';
import * as codes from '../codes';
import { write } from '../db/open';
import { codeUse, surveyDraft, surveyResponse, surveyResponseSpecial } from '../db/schema';
import * as responses from './responses';
import * as results from './results';
import * as surveys from './surveys';
import { TEST_NOW, testCouncil, type TestCouncil } from '../../test/survey-db';
import { refusalOf } from '../../test/refusal';

let c: TestCouncil;
beforeEach(() => {
	c = testCouncil();
});

const OPEN_ENTRY = { allowed: true, viaCode: false } as const;

const heard: CustomQuestion = {
	id: 'x',
	type: 'single',
	wording: { en: 'Have you used the mobile library?', cy: '' },
	required: true,
	options: [
		{ code: 'o1', label: { en: 'Yes', cy: 'Do' } },
		{ code: 'o2', label: { en: 'No', cy: 'Naddo' } }
	]
};
const where: CustomQuestion = {
	id: 'x',
	type: 'shortText',
	wording: { en: 'Where did you use it?', cy: '' },
	required: true,
	showIf: { questionId: 'custom:q1', value: 'o1' }
};

/** An open survey: libraries and parks, then q1 (required) and q2 (required, shown if q1 = yes). */
function openSurvey(access: surveys.Access = 'open'): surveys.Survey {
	const id = surveys.createSurvey(c.db, c.actor, c.engagementId, {
		title: 'Libraries',
		description: '',
		serviceIds: ['libraries', 'parks'],
		access,
		opensAt: null,
		closesAt: new Date('2026-07-01T00:00:00Z')
	});
	surveys.addQuestion(c.db, c.actor, id, heard);
	surveys.addQuestion(c.db, c.actor, id, where);
	surveys.openSurvey(c.db, c.actor, id, TEST_NOW);
	return surveys.getSurvey(c.db, id)!;
}

function browser(codeId?: number): responses.Participant {
	const { token, id } = codes.createParticipant(c.db, TEST_NOW);
	if (codeId !== undefined) codes.attachCode(c.db, id, codeId, TEST_NOW);
	return codes.findParticipant(c.db, token)!;
}

function letterCodes(n: number, engagementId = c.engagementId): number[] {
	const batch = codes.createBatch(c.db, c.actor, {
		engagementId,
		label: 'Test letters',
		unit: 'household',
		size: n
	});
	return batch.codes.map((code) => codes.findCode(c.db, code)!.id);
}

// Page indexes: 0 libraries, 1 parks, 2 q1, 3 q2, 4 about you, 5 special categories.
const PAGE = { libraries: 0, parks: 1, q1: 2, q2: 3, profile: 4, special: 5 };

describe('saving and resuming', () => {
	it('saves page by page and gives the same answers back to the same browser', () => {
		const s = openSurvey();
		const p = browser();
		const draft = responses.startDraft(c.db, s, p, TEST_NOW);
		responses.savePage(c.db, s, draft.id, PAGE.libraries, {
			'svc:libraries:importance': '5',
			'svc:libraries:contribution': ['volunteer', 'organise']
		});
		responses.savePage(c.db, s, draft.id, PAGE.parks, { 'svc:parks:importance': '2' });
		// Coming back later: the same participant finds the same draft.
		const again = responses.startDraft(c.db, s, p, TEST_NOW);
		expect(again.id).toBe(draft.id);
		expect(again.answers).toEqual({
			'svc:libraries:importance': '5',
			'svc:libraries:contribution': ['volunteer', 'organise'],
			'svc:parks:importance': '2'
		});
		expect(again.lastPage).toBe(2);
	});

	it('replaces a page’s answers, and drops answers that a changed answer hides', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		responses.savePage(c.db, s, draft.id, PAGE.libraries, { 'svc:libraries:importance': '5' });
		responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o1' });
		responses.savePage(c.db, s, draft.id, PAGE.q2, { 'custom:q2': 'Harbour branch' });
		// Going back to page 1 and clearing it, then answering "no" to q1.
		responses.savePage(c.db, s, draft.id, PAGE.libraries, {});
		const saved = responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o2' });
		expect(saved.answers).toEqual({ 'custom:q1': 'o2' });
	});

	it('passes over pages that show-if hides when working out how far the resident may go', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		const pages = buildPages(s.definition);
		expect(responses.frontier(pages, {}, 0)).toBe(PAGE.libraries);
		const saved = responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o2' });
		// q2's page is hidden after "no", so the next page is "about you".
		expect(saved.lastPage).toBe(PAGE.profile);
		expect(responses.frontier(pages, saved.answers, PAGE.q2)).toBe(PAGE.profile);
		expect(responses.frontier(pages, { 'custom:q1': 'o1' }, PAGE.q2)).toBe(PAGE.q2);
		expect(responses.frontier(pages, {}, pages.length)).toBe(pages.length);
	});

	it('resumes on another device with the same code, when asked to', () => {
		const s = openSurvey('code');
		const [codeId] = letterCodes(1);
		const phone = browser(codeId);
		const draft = responses.startDraft(c.db, s, phone, TEST_NOW);
		responses.savePage(c.db, s, draft.id, PAGE.libraries, { 'svc:libraries:importance': '4' });
		const laptop = browser(codeId);
		expect(responses.findDraft(c.db, s.id, laptop.id)).toBeUndefined();
		const moved = responses.startDraft(c.db, s, laptop, TEST_NOW, { takeOver: true });
		expect(moved.id).toBe(draft.id);
		expect(moved.answers).toEqual({ 'svc:libraries:importance': '4' });
		expect(responses.findDraft(c.db, s.id, phone.id)).toBeUndefined();
	});

	it('otherwise starts afresh, leaving the other device its answers and showing none of them', () => {
		const s = openSurvey('code');
		const [codeId] = letterCodes(1);
		const phone = browser(codeId);
		const draft = responses.startDraft(c.db, s, phone, TEST_NOW);
		responses.savePage(c.db, s, draft.id, PAGE.libraries, { 'svc:libraries:importance': '4' });
		const fresh = responses.startDraft(c.db, s, browser(codeId), TEST_NOW);
		expect(fresh.id).not.toBe(draft.id);
		expect(fresh.answers).toEqual({});
		expect(responses.findDraft(c.db, s.id, phone.id)?.answers).toEqual({
			'svc:libraries:importance': '4'
		});
	});
});

describe('entry', () => {
	it('lets anyone into an open survey, and only code holders into a survey by code', () => {
		expect(responses.entryFor(c.db, openSurvey('open'), undefined)).toEqual({
			allowed: true,
			viaCode: false
		});
		const byCode = openSurvey('code');
		expect(responses.entryFor(c.db, byCode, browser())).toEqual({
			allowed: false,
			reason: 'needCode'
		});
		const [codeId] = letterCodes(1);
		expect(responses.entryFor(c.db, byCode, browser(codeId))).toEqual({
			allowed: true,
			viaCode: true,
			codeId
		});
		const both = openSurvey('both');
		expect(responses.entryFor(c.db, both, browser())).toEqual({ allowed: true, viaCode: false });
	});

	it('does not take a code from another engagement’s letters, or a spoiled one', () => {
		const s = openSurvey('code');
		const other = c.db.$client
			.prepare(
				"insert into engagement (title, service_id, stage, summary, created_at, updated_at) values ('Other', 'parks', 'understand', '', 0, 0)"
			)
			.run().lastInsertRowid as number;
		const [foreign] = letterCodes(1, other);
		expect(responses.entryFor(c.db, s, browser(foreign))).toMatchObject({ reason: 'needCode' });
		const batch = codes.createBatch(c.db, c.actor, {
			engagementId: c.engagementId,
			label: 'Spoilt',
			unit: 'person',
			size: 1
		});
		codes.spoilCode(c.db, c.actor, batch.codes[0]);
		const spoiled = codes.findCode(c.db, batch.codes[0])!.id;
		expect(responses.entryFor(c.db, s, browser(spoiled))).toMatchObject({ reason: 'needCode' });
	});
});

describe('submitting', () => {
	function fillIn(s: surveys.Survey, draftId: number): void {
		responses.savePage(c.db, s, draftId, PAGE.libraries, {
			'svc:libraries:importance': '5',
			'svc:libraries:satisfaction': '2',
			'svc:libraries:willingness': 'aLot'
		});
		responses.savePage(c.db, s, draftId, PAGE.q1, { 'custom:q1': 'o2' });
		responses.savePage(c.db, s, draftId, PAGE.profile, {
			'profile:area': 'old-town',
			'profile:ageBand': 'preferNot',
			'profile:segment:carers': 'yes'
		});
		responses.savePage(c.db, s, draftId, PAGE.special, { 'profile:segment:disabled': 'yes' });
	}

	it('writes an untraceable response, the special part apart, and empties the draft', () => {
		const s = openSurvey();
		const p = browser();
		const draft = responses.startDraft(c.db, s, p, TEST_NOW);
		fillIn(s, draft.id);
		const responseId = responses.submitDraft(
			c.db,
			s,
			draft.id,
			OPEN_ENTRY,
			new Date('2026-06-02T15:42:00Z')
		);
		const [row] = c.db.select().from(surveyResponse).all();
		expect(row.id).toBe(responseId);
		expect(Object.keys(row)).not.toContain('participantId');
		expect(row.submittedOn.toISOString()).toBe('2026-06-02T00:00:00.000Z');
		expect(JSON.parse(row.answers)).toEqual({
			'svc:libraries:importance': '5',
			'svc:libraries:satisfaction': '2',
			'svc:libraries:willingness': 'aLot',
			'custom:q1': 'o2'
		});
		expect(row).toMatchObject({ area: 'old-town', ageBand: null, segments: '["carers"]' });
		const special = c.db.select().from(surveyResponseSpecial).all();
		expect(special).toEqual([
			{
				responseId: row.id,
				answers: '{"profile:segment:disabled":"yes"}',
				segments: '["disabled"]'
			}
		]);
		const kept = c.db.select().from(surveyDraft).where(eq(surveyDraft.id, draft.id)).get()!;
		expect(kept).toMatchObject({ submitted: true, answers: '{}' });
		// The analysis sees the special segment; a second submission is refused.
		const loaded = results.forAnalysis(results.listResponses(c.db, s.id));
		expect(loaded[0].segments).toEqual(['carers', 'disabled']);
		expect(
			refusalOf(() => responses.submitDraft(c.db, s, draft.id, OPEN_ENTRY, TEST_NOW))
		).toMatchObject({ field: '_', reason: 'submitted' });
		expect(c.db.select().from(surveyResponse).all()).toHaveLength(1);
	});

	it('sends the resident back to the first page with a required answer missing', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o1' });
		// q2 is required and now shown, but unanswered.
		expect(responses.firstIncompletePage(s, { 'custom:q1': 'o1' })).toBe(PAGE.q2);
		expect(
			refusalOf(() => responses.submitDraft(c.db, s, draft.id, OPEN_ENTRY, TEST_NOW))
		).toMatchObject({
			field: `page-${PAGE.q2 + 1}`,
			reason: 'missing',
			params: { pageIndex: PAGE.q2 }
		});
		expect(c.db.select().from(surveyResponse).all()).toHaveLength(0);
	});

	it('spends the code once: a second browser with the same code cannot answer again', () => {
		const s = openSurvey('code');
		const [codeId] = letterCodes(1);
		const first = browser(codeId);
		const draft = responses.startDraft(c.db, s, first, TEST_NOW);
		fillIn(s, draft.id);
		const entry = responses.entryFor(c.db, s, first);
		expect(entry.allowed).toBe(true);
		if (!entry.allowed) return;
		responses.submitDraft(c.db, s, draft.id, entry, TEST_NOW);
		expect(c.db.select().from(codeUse).all()).toMatchObject([
			{ codeId, activity: `survey:${s.id}`, channel: 'online' }
		]);
		expect(responses.entryFor(c.db, s, browser(codeId))).toEqual({
			allowed: false,
			reason: 'codeUsed'
		});
		// Racing: a draft whose code was spent meanwhile writes nothing.
		const second = browser(codeId);
		const other = responses.startDraft(c.db, s, second, TEST_NOW);
		fillIn(s, other.id);
		expect(
			refusalOf(() =>
				responses.submitDraft(c.db, s, other.id, { allowed: true, viaCode: true, codeId }, TEST_NOW)
			)
		).toMatchObject({ field: '_', reason: 'codeUsed' });
		expect(c.db.select().from(surveyResponse).all()).toHaveLength(1);
		// The refused draft keeps its answers, unsent, for the resident to see.
		const kept = c.db.select().from(surveyDraft).where(eq(surveyDraft.id, other.id)).get()!;
		expect(kept.submitted).toBe(false);
		expect(JSON.parse(kept.answers)).toMatchObject({ 'custom:q1': 'o2' });
	});

	it('a refusal takes back what its transaction wrote before it', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		fillIn(s, draft.id);
		const before = c.db.select().from(surveyDraft).where(eq(surveyDraft.id, draft.id)).get();
		// Saving "yes" to q1 shows q2, which is unanswered: the submission in the same
		// transaction is refused, and the saved page with it.
		expect(
			refusalOf(() =>
				write(c.db, (tx) => {
					responses.savePage(tx, s, draft.id, PAGE.q1, { 'custom:q1': 'o1' });
					responses.submitDraft(tx, s, draft.id, OPEN_ENTRY, TEST_NOW);
				})
			)
		).toMatchObject({ reason: 'missing', params: { pageIndex: PAGE.q2 } });
		expect(c.db.select().from(surveyDraft).where(eq(surveyDraft.id, draft.id)).get()).toEqual(
			before
		);
		expect(c.db.select().from(surveyResponse).all()).toHaveLength(0);
	});

	it('saves no page of a draft that has been sent, or of another survey', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		fillIn(s, draft.id);
		responses.submitDraft(c.db, s, draft.id, OPEN_ENTRY, TEST_NOW);
		expect(
			refusalOf(() => responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o1' }))
		).toMatchObject({ field: '_', reason: 'submitted' });
		const other = openSurvey();
		expect(
			refusalOf(() => responses.savePage(c.db, other, draft.id, PAGE.q1, { 'custom:q1': 'o1' }))
		).toMatchObject({ field: '_', reason: 'missing' });
		const kept = c.db.select().from(surveyDraft).where(eq(surveyDraft.id, draft.id)).get()!;
		expect(kept).toMatchObject({ submitted: true, answers: '{}' });
	});

	it('refuses answers once the survey has closed', () => {
		const s = openSurvey();
		const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
		fillIn(s, draft.id);
		expect(
			refusalOf(() =>
				responses.submitDraft(c.db, s, draft.id, OPEN_ENTRY, new Date('2026-07-01T00:00:00Z'))
			)
		).toMatchObject({ field: '_', reason: 'closed' });
		expect(c.db.select().from(surveyResponse).all()).toHaveLength(0);
	});
});

describe('results', () => {
	it('analyses submitted responses with names for services, areas and segments', () => {
		const s = openSurvey();
		for (const importance of ['5', '4']) {
			const draft = responses.startDraft(c.db, s, browser(), TEST_NOW);
			responses.savePage(c.db, s, draft.id, PAGE.libraries, {
				'svc:libraries:importance': importance
			});
			responses.savePage(c.db, s, draft.id, PAGE.q1, { 'custom:q1': 'o2' });
			responses.savePage(c.db, s, draft.id, PAGE.profile, { 'profile:area': 'harbour' });
			responses.submitDraft(c.db, s, draft.id, OPEN_ENTRY, TEST_NOW);
		}
		const { analysis, names } = results.analyse(c.db, s, { locale: 'cy' });
		expect(analysis.respondents).toBe(2);
		expect(analysis.services[0]).toMatchObject({ serviceId: 'libraries' });
		expect(analysis.services[0].importance.mean).toBe(4.5);
		expect(names.services.libraries).toBe('Llyfrgelloedd');
		expect(names.areas.harbour).toBe('Harbwr');
		expect(analysis.representativeness.byArea.find((r) => r.id === 'harbour')?.n).toBe(2);
	});
});
