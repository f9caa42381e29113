// The lab's manifest: what residents can open, the engagement page's step, its settings and
// exports, and the demo seed.
import { createLabSchema } from '../../lab/schemas';
import type { Tool } from '../tool';
import { listClosedLabs, listLabs, listOpenLabs, phaseLabel } from './labs';
import { seedDemo } from './seed';

export const tool: Tool = {
	kind: 'lab',
	title: 'Co-production lab',
	purpose: 'Ideas for designing costs out and improving outcomes, dot-voted in the room.',
	settings: createLabSchema,
	exports: [{ label: 'The board (CSV)', href: (id) => `/staff/labs/${id}/export.csv` }],
	newHref: (engagementId) => `/staff/labs/new?engagement=${engagementId}`,

	/** Labs still running: anyone with the link (or the code on the wall) can join from a phone. */
	open: (db) =>
		listOpenLabs(db).map((l) => ({
			kind: 'lab',
			engagementId: l.engagementId,
			href: `/lab/${l.joinCode}`,
			title: l.title,
			titleCy: l.titleCy,
			acceptsCodes: false
		})),

	/** Finished labs: their page shows the ranking and the shortlist. */
	closed: (db) =>
		listClosedLabs(db).map((l) => ({
			kind: 'lab',
			engagementId: l.engagementId,
			title: l.title,
			titleCy: l.titleCy,
			closedAt: l.updatedAt,
			resultsHref: `/lab/${l.joinCode}`
		})),

	items: (db, engagementId) =>
		listLabs(db, engagementId).map((l) => ({
			label: l.title,
			href: `/staff/labs/${l.id}`,
			status: `${phaseLabel(l.phase)}${l.paused ? ', paused' : ''}: ${l.ideas} ideas, ${l.participants} people`
		})),

	seedDemo
};
