import * as catalogue from './catalogue';
import type { DB } from './db/open';
import { engagementSteps } from './steps';

/** An engagement as the API and the report describe it: where it stands and what each tool has. */
export function engagementSummary(db: DB, id: number, now: Date) {
	const engagement = catalogue.getEngagement(db, id);
	if (!engagement) return undefined;
	return {
		id: engagement.id,
		title: engagement.title,
		summary: engagement.summary,
		stage: engagement.stage,
		service: { id: engagement.serviceId, name: engagement.serviceName },
		updatedAt: engagement.updatedAt.toISOString(),
		steps: engagementSteps(db, engagement.id, now).map((s) => ({
			tool: s.tool,
			title: s.title,
			items: s.items.map((i) => ({ label: i.label, status: i.status }))
		}))
	};
}
