import type { DB } from './db/open';
import type { StepItem, ToolKind } from './tool';
import { TOOLS } from './tools';

export type { StepItem } from './tool';

/** What one tool has for an engagement, for the engagement page's list of steps. */
export interface Step {
	tool: ToolKind;
	title: string;
	/** What this tool is for, in a line. */
	purpose: string;
	items: StepItem[];
	/** Where staff start a new one, if they may. */
	newHref?: string;
}

/** Each tool's step for the engagement, in pipeline order. */
export function engagementSteps(db: DB, engagementId: number, now: Date): Step[] {
	return TOOLS.map((tool) => ({
		tool: tool.kind,
		title: tool.title,
		purpose: tool.purpose,
		items: tool.items(db, engagementId, now),
		newHref: tool.newHref(engagementId)
	}));
}
