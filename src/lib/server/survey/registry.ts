// How the survey plugs into the shared pages: what residents can open, the engagement page's
// step, and the demo seed.
import { eq, ne } from 'drizzle-orm';
import { STATE_LABELS, surveyState } from '../../survey/status';
import type { Activity, ActivitySource, ClosedSource } from '../activities';
import { survey } from '../db/schema';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';
import { seedDemoSurveys } from './seed';
import { activityKey } from './responses';
import { listSurveys } from './surveys';

/** Surveys taking answers now (open, between their dates). */
export const activities: ActivitySource = (db, now) => {
	const found: Activity[] = [];
	for (const s of db
		.select()
		.from(survey)
		.where(eq(survey.status, 'open'))
		.orderBy(survey.id)
		.all()) {
		if (surveyState(s, now) !== 'open') continue;
		found.push({
			kind: 'survey',
			engagementId: s.engagementId,
			href: `/survey/${s.id}`,
			title: s.title,
			titleCy: s.titleCy,
			closesAt: s.closesAt,
			acceptsCodes: s.access !== 'open',
			codeUse: activityKey(s.id)
		});
	}
	return found;
};

/** Surveys that have stopped taking answers; their summary once staff publish it. */
export const closed: ClosedSource = (db, now) =>
	db
		.select()
		.from(survey)
		.where(ne(survey.status, 'draft'))
		.orderBy(survey.id)
		.all()
		.filter((s) => surveyState(s, now) === 'closed')
		.map((s) => ({
			kind: 'survey',
			engagementId: s.engagementId,
			title: s.title,
			titleCy: s.titleCy,
			closedAt: s.closesAt && s.closesAt <= now ? s.closesAt : s.updatedAt,
			resultsHref: s.publishedAt ? `/survey/${s.id}/results` : null
		}));

export const step: StepSource = (db, engagementId) => ({
	tool: 'survey',
	title: 'Community survey',
	purpose: 'Which services people value, how satisfied they are, and who would do more.',
	items: listSurveys(db, new Date(), engagementId).map((s) => ({
		label: s.title,
		href: `/staff/surveys/${s.id}`,
		status: `${STATE_LABELS[s.state]}, ${s.responses} ${s.responses === 1 ? 'response' : 'responses'}`
	})),
	newHref: `/staff/surveys/new?engagement=${engagementId}`
});

export const seedDemo: ToolSeed = (tx, ctx) => seedDemoSurveys(tx, ctx);
