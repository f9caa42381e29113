// How the lab tool plugs into the shared pages: what residents can open, the engagement page's
// step, and the demo seed.
import type { ActivitySource, ClosedSource } from '../activities';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';
import { listClosedLabs, listLabs, listOpenLabs, phaseLabel } from './labs';
import { seedDemo as seedLabs } from './seed';

/** Labs still running: anyone with the link (or the code on the wall) can join from a phone. */
export const activities: ActivitySource = (db) =>
	listOpenLabs(db).map((l) => ({
		kind: 'lab',
		engagementId: l.engagementId,
		href: `/lab/${l.joinCode}`,
		title: l.title,
		titleCy: l.titleCy,
		acceptsCodes: false
	}));

/** Finished labs: their page shows the ranking and the shortlist. */
export const closed: ClosedSource = (db) =>
	listClosedLabs(db).map((l) => ({
		kind: 'lab',
		engagementId: l.engagementId,
		title: l.title,
		titleCy: l.titleCy,
		closedAt: l.updatedAt,
		resultsHref: `/lab/${l.joinCode}`
	}));

export const step: StepSource = (db, engagementId) => ({
	tool: 'lab',
	title: 'Co-production lab',
	purpose: 'Ideas for designing costs out and improving outcomes, dot-voted in the room.',
	items: listLabs(db, engagementId).map((l) => ({
		label: l.title,
		href: `/staff/labs/${l.id}`,
		status: `${phaseLabel(l.phase)}${l.paused ? ', paused' : ''}: ${l.ideas} ideas, ${l.participants} people`
	})),
	newHref: `/staff/labs/new?engagement=${engagementId}`
});

export const seedDemo: ToolSeed = seedLabs;
