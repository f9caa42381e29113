import * as budgetTool from './budget/registry';
import * as charterTool from './charter/registry';
import type { DB } from './db/open';
import * as labTool from './lab/registry';
import * as surveyTool from './survey/registry';

/** What one tool has for an engagement, for the engagement page's list of steps. */
export interface StepItem {
	label: string;
	href: string;
	status: string;
}
export interface Step {
	tool: 'survey' | 'lab' | 'vote' | 'charter';
	title: string;
	/** What this tool is for, in a line. */
	purpose: string;
	items: StepItem[];
	/** Where staff start a new one, if they may. */
	newHref?: string;
}

export type StepSource = (db: DB, engagementId: number) => Step;

const TOOLS: Step[] = [
	{
		tool: 'survey',
		title: 'Community survey',
		purpose: 'Which services people value, how satisfied they are, and who would do more.',
		items: []
	},
	{
		tool: 'lab',
		title: 'Co-production lab',
		purpose: 'Ideas for designing costs out and improving outcomes, dot-voted in the room.',
		items: []
	},
	{
		tool: 'vote',
		title: 'Community budget',
		purpose: 'Residents mark the proposals they want and do not want; minorities are protected.',
		items: []
	},
	{
		tool: 'charter',
		title: 'Community charter',
		purpose: 'Who contributes what, signed by every party and reviewed together.',
		items: []
	}
];

/** Each tool registers how it lists its surveys, labs, votes or charters for an engagement. */
const sources: Partial<Record<Step['tool'], StepSource>> = {
	survey: surveyTool.step,
	lab: labTool.step,
	vote: budgetTool.step,
	charter: charterTool.step
};

export function engagementSteps(db: DB, engagementId: number): Step[] {
	return TOOLS.map((t) => sources[t.tool]?.(db, engagementId) ?? t);
}
