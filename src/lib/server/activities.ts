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
	/** What a code is spent on here (`vote:3`), for activities that take codes. */
	codeUse?: string;
}

/** Something that has finished, and where its published outcome can be read. */
export interface ClosedActivity {
	kind: 'survey' | 'vote' | 'lab';
	engagementId: number;
	title: string;
	titleCy?: string | null;
	/** When it closed, as far as the tool knows. */
	closedAt: Date;
	/** The published results (or outcome) page; null while they are still being prepared. */
	resultsHref: string | null;
}

export type ActivitySource = (db: DB, now: Date) => Activity[];
export type ClosedSource = (db: DB, now: Date) => ClosedActivity[];

/** Each tool lists what it has open; the home page and the code page show them together. */
const sources: ActivitySource[] = [
	surveyTool.activities,
	labTool.activities,
	budgetTool.activities,
	charterTool.activities
];

/** And what it has finished; a charter is never finished, it is read and reviewed. */
const closedSources: ClosedSource[] = [surveyTool.closed, labTool.closed, budgetTool.closed];

export function listOpenActivities(db: DB, now: Date, engagementId?: number): Activity[] {
	const all = sources.flatMap((source) => source(db, now));
	return engagementId === undefined ? all : all.filter((a) => a.engagementId === engagementId);
}

/** Finished activities, the most recently closed first, at most `limit` of them. */
export function listClosedActivities(db: DB, now: Date, limit = 12): ClosedActivity[] {
	return closedSources
		.flatMap((source) => source(db, now))
		.sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())
		.slice(0, limit);
}
