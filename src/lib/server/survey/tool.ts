// The survey's manifest: what residents can open, the engagement page's step, its settings and
// exports, and the demo seed.
import { eq, ne } from 'drizzle-orm';
import { surveyBuilderSchema } from '../../survey/schemas';
import { STATE_LABELS, surveyState } from '../../survey/status';
import type { Activity, Tool } from '../tool';
import { survey } from '../db/schema';
import { seedDemoSurveys } from './seed';
import { activityKey } from './responses';
import { listSurveys } from './surveys';

export const tool: Tool = {
	kind: 'survey',
	title: 'Community survey',
	purpose: 'Which services people value, how satisfied they are, and who would do more.',
	settings: surveyBuilderSchema,
	exports: [
		{ label: 'Responses (CSV)', href: (id) => `/staff/surveys/${id}/export.csv` },
		{ label: 'Analysis (Excel)', href: (id) => `/staff/surveys/${id}/export.xlsx` },
		{ label: 'Analysis (JSON)', href: (id) => `/staff/surveys/${id}/export.json` }
	],
	newHref: (engagementId) => `/staff/surveys/new?engagement=${engagementId}`,

	/** Surveys taking answers now (open, between their dates). */
	open: (db, now) => {
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
	},

	/** Surveys that have stopped taking answers; their summary once staff publish it. */
	closed: (db, now) =>
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
			})),

	items: (db, engagementId, now) =>
		listSurveys(db, now, engagementId).map((s) => ({
			label: s.title,
			href: `/staff/surveys/${s.id}`,
			status: `${STATE_LABELS[s.state]}, ${s.responses} ${s.responses === 1 ? 'response' : 'responses'}`
		})),

	seedDemo: (tx, ctx) => seedDemoSurveys(tx, ctx)
};
