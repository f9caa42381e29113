import { describe, expect, it } from 'vitest';
import { testDb } from '../test/db';
import { listClosedActivities, listOpenActivities } from './activities';
import { DEMO_OPEN_VOTE_TITLE, DEMO_VOTE_TITLE } from './budget/seed';
import { seedIfEmpty } from './seed';

describe('what residents can find on the home page', async () => {
	const db = testDb();
	const now = new Date();
	await seedIfEmpty(db, { now });

	it('lists closed activities, newest first, each with where its results are', () => {
		const closed = listClosedActivities(db, now);
		const vote = closed.find((a) => a.title === DEMO_VOTE_TITLE)!;
		expect(vote.resultsHref).toMatch(/^\/vote\/\d+\/results$/);
		const survey = closed.find((a) => a.kind === 'survey')!;
		expect(survey.resultsHref).toMatch(/^\/survey\/\d+\/results$/);
		expect(survey.titleCy).toBeTruthy();
		expect(closed.find((a) => a.kind === 'lab')?.resultsHref).toBe('/lab/CARE49');
		const times = closed.map((a) => a.closedAt.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
		// Nothing still open is listed as closed.
		const open = listOpenActivities(db, now).map((a) => a.title);
		expect(closed.filter((a) => open.includes(a.title))).toEqual([]);
	});

	it('lets a code from the libraries letters open the open vote, and names what the code is spent on', () => {
		const vote = listOpenActivities(db, now).find((a) => a.title === DEMO_OPEN_VOTE_TITLE)!;
		expect(vote.acceptsCodes).toBe(true);
		expect(vote.codeUse).toMatch(/^vote:\d+$/);
		expect(vote.titleCy).toBe('Llyfrgelloedd: eich blaenoriaethau ar gyfer 2027');
	});
});
