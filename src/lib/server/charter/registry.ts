// How the charter tool plugs into the shared pages: what residents can open, the engagement
// page's step, and the demo seed.
import { ne } from 'drizzle-orm';
import { isBlank } from '../../charter/charter';
import { CHARTER_STATUS_LABELS, publishedVersion } from '../../charter/state';
import type { Activity, ActivitySource } from '../activities';
import { charter } from '../db/schema';
import type { StepSource } from '../steps';
import type { ToolSeed } from '../seed/types';
import { listCharters } from './charters';
import { loadCharter } from './rows';
import { seedDemoCharter } from './seed';

/**
 * A charter open for comments can be commented on; a published charter can be read (and
 * stays readable while an amendment is drafted, consulted on and signed).
 */
export const activities: ActivitySource = (db) => {
	const rows = db
		.select({ id: charter.id })
		.from(charter)
		.where(ne(charter.status, 'draft'))
		.orderBy(charter.id)
		.all();
	const found: Activity[] = [];
	for (const { id } of rows) {
		const loaded = loadCharter(db, id);
		if (!loaded) continue;
		const { state, slug, engagementId } = loaded;
		const inForce = publishedVersion(state);
		if (inForce)
			found.push({
				kind: 'charter',
				engagementId,
				href: `/charter/${slug}`,
				title: inForce.content.title,
				titleCy: inForce.content.cy?.title,
				acceptsCodes: false
			});
		if (state.status === 'consultation') {
			const title = isBlank(state.content.title) ? 'Community charter' : state.content.title;
			const titleCy = state.content.cy?.title || title;
			found.push({
				kind: 'charter',
				engagementId,
				href: `/charter/${slug}/comments`,
				// Both cards can show at once during an amendment, so the comment one says so.
				title: inForce ? `Changes for comment: ${title}` : `Draft for comment: ${title}`,
				titleCy: inForce
					? `Newidiadau i roi sylwadau arnynt: ${titleCy}`
					: `Drafft i roi sylwadau arno: ${titleCy}`,
				acceptsCodes: false
			});
		}
	}
	return found;
};

export const step: StepSource = (db, engagementId) => ({
	tool: 'charter',
	title: 'Community charter',
	purpose: 'Who contributes what, signed by every party and reviewed together.',
	items: listCharters(db, engagementId).map((c) => ({
		label: isBlank(c.title) ? `Charter ${c.id} (no title yet)` : c.title,
		href: `/staff/charters/${c.id}`,
		status: CHARTER_STATUS_LABELS[c.status]
	})),
	newHref: `/staff/charters/new?engagement=${engagementId}`
});

export const seedDemo: ToolSeed = (tx, ctx) => seedDemoCharter(tx, ctx);
