import { describe, expect, it } from 'vitest';
import { publishedAnalysis } from '../../survey/analyse';
import { showIfProblems } from '../../survey/show-if';
import { surveyResponse } from '../db/schema';
import * as results from './results';
import { DEMO_RESPONSES, seedDemoSurveys } from './seed';
import * as surveys from './surveys';
import { TEST_NOW, testCouncil } from '../../test/survey-db';

function seeded() {
	const c = testCouncil();
	const id = c.actor.id!;
	seedDemoSurveys(c.db, {
		now: TEST_NOW,
		engagementIds: [c.engagementId, c.engagementId],
		staffIds: { admin: id, commissioner: id, facilitator: id }
	});
	return c;
}

describe('the demo surveys', () => {
	const c = seeded();
	const [closed, open] = surveys.listSurveys(c.db, TEST_NOW);

	it('are a closed, published survey with responses and an open one', () => {
		expect(closed).toMatchObject({ state: 'closed', responses: DEMO_RESPONSES });
		expect(closed.publishedAt).not.toBeNull();
		expect(open).toMatchObject({ state: 'open', responses: 0 });
		for (const s of [closed, open]) {
			expect(showIfProblems(surveys.getSurvey(c.db, s.id)!.definition)).toEqual([]);
		}
	});

	it('show a fix-first service that people would help with, and carers keenest to co-produce it', () => {
		const s = surveys.getSurvey(c.db, closed.id)!;
		const { analysis } = results.analyse(c.db, s);
		const quadrant = (id: string) =>
			analysis.priority.services.find((p) => p.serviceId === id)?.quadrant;
		expect(quadrant('adult-social-care')).toBe('fixFirst');
		expect(quadrant('parks')).toBe('keep');
		expect(quadrant('libraries')).toBe('rethink');
		const published = publishedAnalysis(analysis);
		const focus = published.readout.focusIt.services.find(
			(f) => f.serviceId === 'adult-social-care'
		);
		expect(focus?.highWillingness).toBe(true);
		const people = published.readout.peopleIt.find((p) => p.serviceId === 'adult-social-care');
		expect(people?.segments[0]?.groupId).toBe('carers');
		expect(people?.areas.map((a) => a.groupId)).toContain('old-town');
		expect(published.readout.mapIt.ranked[0].serviceId).toBe('parks');
	});

	it('are the same every time', () => {
		const again = seeded();
		const rows = (db: typeof c.db) => db.select().from(surveyResponse).all();
		expect(rows(again.db)).toEqual(rows(c.db));
	});
});
