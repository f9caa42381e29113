import type { DB } from './db/open';
import type { Activity, ClosedActivity } from './tool';
import { TOOLS } from './tools';

export type { Activity, ClosedActivity } from './tool';

/** What each tool has open, in pipeline order; the home page and the code page show them together. */
export function listOpenActivities(db: DB, now: Date, engagementId?: number): Activity[] {
	const all = TOOLS.flatMap((tool) => tool.open(db, now));
	return engagementId === undefined ? all : all.filter((a) => a.engagementId === engagementId);
}

/** Finished activities, the most recently closed first, at most `limit` of them. */
export function listClosedActivities(db: DB, now: Date, limit = 12): ClosedActivity[] {
	return TOOLS.flatMap((tool) => tool.closed?.(db, now) ?? [])
		.sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())
		.slice(0, limit);
}
