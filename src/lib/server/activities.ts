import * as budgetTool from './budget/registry';
import * as charterTool from './charter/registry';
import type { DB } from './db/open';
import * as labTool from './lab/registry';
import * as surveyTool from './survey/registry';

/** Something a resident can take part in now: a survey, a vote, a lab, a charter to comment on. */
export interface Activity {
	kind: 'survey' | 'vote' | 'lab' | 'charter';
	engagementId: number;
	/** Where the resident goes (without the language prefix). */
	href: string;
	title: string;
	titleCy?: string | null;
	/** When it closes, if it has a closing date. */
	closesAt?: Date | null;
	/** Whether a participation code from this engagement's letters opens it. */
	acceptsCodes: boolean;
}

export type ActivitySource = (db: DB, now: Date) => Activity[];

/** Each tool lists what it has open; the home page and the code page show them together. */
const sources: ActivitySource[] = [
	surveyTool.activities,
	labTool.activities,
	budgetTool.activities,
	charterTool.activities
];

export function listOpenActivities(db: DB, now: Date, engagementId?: number): Activity[] {
	const all = sources.flatMap((source) => source(db, now));
	return engagementId === undefined ? all : all.filter((a) => a.engagementId === engagementId);
}
