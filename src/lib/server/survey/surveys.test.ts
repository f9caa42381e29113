import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CustomQuestion } from '../../survey/template';
import * as codes from '../codes';
import { auditLog } from '../db/schema';
import * as responses from './responses';
import * as surveys from './surveys';
import { TEST_NOW, testCouncil, type TestCouncil } from '../../test/survey-db';
import { refusalOf } from '../../test/refusal';

const details = (over: Partial<surveys.SurveyDetails> = {}): surveys.SurveyDetails => ({
	title: 'Libraries survey',
	description: 'Tell us what you think.',
	serviceIds: ['libraries', 'parks'],
	access: 'open',
	opensAt: null,
	closesAt: null,
	...over
});

const single = (id: string, extra: Partial<CustomQuestion> = {}): CustomQuestion =>
	({
		id,
		type: 'single',
		wording: { en: `Question ${id}`, cy: '' },
		required: false,
		options: [
			{ code: 'o1', label: { en: 'Yes', cy: 'Ie' } },
			{ code: 'o2', label: { en: 'No', cy: 'Na' } }
		],
		...extra
	}) as CustomQuestion;

let c: TestCouncil;
beforeEach(() => {
	c = testCouncil();
});

/** Submits one (empty) response, so the survey counts as having responses. */
function respond(surveyId: number): void {
	surveys.openSurvey(c.db, c.actor, surveyId, TEST_NOW);
	const s = surveys.getSurvey(c.db, surveyId)!;
	const p = codes.findParticipant(c.db, codes.createParticipant(c.db, TEST_NOW).token)!;
	const draft = responses.startDraft(c.db, s, p, TEST_NOW);
	const responseId = responses.submitDraft(
		c.db,
		s,
		draft.id,
		{ allowed: true, viaCode: false },
		TEST_NOW
	);
	expect(responseId).toBeGreaterThan(0);
}

describe('createSurvey', () => {
	it('makes a draft with the standard block and the catalogue profile, and audits it', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details(), TEST_NOW);
		const s = surveys.getSurvey(c.db, id)!;
		expect(s.status).toBe('draft');
		expect(s.definition.serviceIds).toEqual(['libraries', 'parks']);
		expect(s.definition.areas.map((a) => a.id)).toContain('old-town');
		expect(s.definition.ageBands.map((a) => a.label.en)).toEqual([
			'16 to 24',
			'25 to 34',
			'35 to 49',
			'50 to 64',
			'65 to 74',
			'75 or over'
		]);
		expect(s.definition.segments.find((x) => x.id === 'disabled')?.specialCategory).toBe(true);
		const entries = c.db.select().from(auditLog).where(eq(auditLog.entityType, 'survey')).all();
		expect(entries.map((e) => e.action)).toEqual(['survey.create']);
	});

	it('refuses a service that is not in the catalogue', () => {
		expect(
			refusalOf(() =>
				surveys.createSurvey(c.db, c.actor, c.engagementId, details({ serviceIds: ['nope'] }))
			)
		).toMatchObject({ field: 'serviceIds', message: 'Choose services from the list.' });
		expect(surveys.listSurveys(c.db, TEST_NOW)).toEqual([]);
	});
});

describe('custom questions', () => {
	it('numbers questions q1, q2, ... and never reuses a number', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details());
		expect(surveys.addQuestion(c.db, c.actor, id, single('x'))).toBe('q1');
		surveys.removeQuestion(c.db, c.actor, id, 'q1');
		expect(surveys.addQuestion(c.db, c.actor, id, single('x'))).toBe('q2');
		expect(surveys.getSurvey(c.db, id)!.definition.customQuestions.map((q) => q.id)).toEqual([
			'q2'
		]);
	});

	it('refuses a show-if that points at nothing, and a removal that would orphan one', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details());
		expect(() =>
			surveys.addQuestion(
				c.db,
				c.actor,
				id,
				single('x', { showIf: { questionId: 'custom:q9', value: 'o1' } })
			)
		).toThrow(/not in the survey/);
		surveys.addQuestion(c.db, c.actor, id, single('x'));
		surveys.addQuestion(
			c.db,
			c.actor,
			id,
			single('x', { showIf: { questionId: 'custom:q1', value: 'o1' } })
		);
		expect(() => surveys.removeQuestion(c.db, c.actor, id, 'q1')).toThrow(/change or remove q2/);
		// Moving q2 above the question it depends on is refused too.
		expect(() => surveys.moveQuestion(c.db, c.actor, id, 'q2', 'up')).toThrow(/before it/);
	});

	it('may depend on a standard question about a service', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details());
		surveys.addQuestion(
			c.db,
			c.actor,
			id,
			single('x', { showIf: { questionId: 'svc:libraries:willingness', value: 'aLot' } })
		);
		// Dropping that service would orphan the condition.
		expect(() =>
			surveys.updateSurvey(c.db, c.actor, id, details({ serviceIds: ['parks'] }))
		).toThrow(/not in the survey/);
	});
});

describe('once there are responses', () => {
	it('keeps the standard block and existing questions, but allows wording, dates and new questions', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details());
		surveys.addQuestion(c.db, c.actor, id, single('x'));
		respond(id);
		expect(surveys.isFrozen(c.db, id)).toBe(true);
		const before = surveys.getSurvey(c.db, id);
		const audited = c.db.select().from(auditLog).all().length;
		expect(
			refusalOf(() =>
				surveys.updateSurvey(
					c.db,
					c.actor,
					id,
					details({ title: 'Renamed', serviceIds: ['libraries'] })
				)
			)
		).toMatchObject({ field: 'serviceIds', message: expect.stringMatching(/cannot change/) });
		// Refused, the change writes nothing: not the new title, not an audit entry.
		expect(surveys.getSurvey(c.db, id)).toEqual(before);
		expect(c.db.select().from(auditLog).all()).toHaveLength(audited);
		expect(refusalOf(() => surveys.removeQuestion(c.db, c.actor, id, 'q1'))).toMatchObject({
			field: '_',
			message: expect.stringMatching(/cannot change/)
		});
		expect(() =>
			surveys.updateQuestion(c.db, c.actor, id, single('q1', { required: true }))
		).toThrow(/cannot change/);
		surveys.updateSurvey(c.db, c.actor, id, details({ title: 'Libraries survey 2026' }));
		expect(surveys.addQuestion(c.db, c.actor, id, single('x'))).toBe('q2');
		expect(surveys.getSurvey(c.db, id)!.title).toBe('Libraries survey 2026');
	});
});

describe('status and listing', () => {
	it('opens, closes and lists with response counts and state', () => {
		const id = surveys.createSurvey(
			c.db,
			c.actor,
			c.engagementId,
			details({ closesAt: new Date('2026-07-01T00:00:00Z') })
		);
		expect(surveys.listSurveys(c.db, TEST_NOW, c.engagementId)[0].state).toBe('draft');
		respond(id);
		const [row] = surveys.listSurveys(c.db, TEST_NOW, c.engagementId);
		expect(row).toMatchObject({ state: 'open', responses: 1 });
		expect(surveys.listSurveys(c.db, new Date('2026-07-02T00:00:00Z'))[0].state).toBe('closed');
		surveys.closeSurvey(c.db, c.actor, id, TEST_NOW);
		expect(surveys.listSurveys(c.db, TEST_NOW)[0].state).toBe('closed');
	});

	it('publishes with a weighting and unpublishes, auditing both', () => {
		const id = surveys.createSurvey(c.db, c.actor, c.engagementId, details());
		surveys.setPublished(c.db, c.actor, id, { weighting: 'area' }, TEST_NOW);
		expect(surveys.getSurvey(c.db, id)).toMatchObject({
			publishedAt: TEST_NOW,
			publishedWeighting: 'area'
		});
		surveys.setPublished(c.db, c.actor, id, null, TEST_NOW);
		expect(surveys.getSurvey(c.db, id)!.publishedAt).toBeNull();
		const actions = c.db
			.select()
			.from(auditLog)
			.all()
			.map((e) => e.action);
		expect(actions).toContain('survey.publish');
		expect(actions).toContain('survey.unpublish');
	});
});
