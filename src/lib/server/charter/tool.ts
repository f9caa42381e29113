// The charter's manifest: what residents can open, the engagement page's step, its settings and
// exports (none: a charter is read and printed from its pages), and the demo seed.
import { ne } from 'drizzle-orm';
import { isBlank } from '../../charter/charter';
import { NewCharterSchema } from '../../charter/schemas';
import { CHARTER_STATUS_LABELS, publishedVersion } from '../../charter/state';
import type { Activity, Tool } from '../tool';
import { charter } from '../db/schema';
import { listCharters } from './charters';
import { loadCharter } from './rows';
import { seedDemoCharter } from './seed';

const TITLE = 'Community charter';

export const tool: Tool = {
	kind: 'charter',
	title: TITLE,
	purpose: 'Who contributes what, signed by every party and reviewed together.',
	settings: NewCharterSchema,
	exports: [],
	newHref: (engagementId) => `/staff/charters/new?engagement=${engagementId}`,

	/**
	 * A charter open for comments can be commented on; a published charter can be read (and
	 * stays readable while an amendment is drafted, consulted on and signed).
	 */
	open: (db) => {
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
				const title = isBlank(state.content.title) ? TITLE : state.content.title;
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
	},

	items: (db, engagementId) =>
		listCharters(db, engagementId).map((c) => ({
			label: isBlank(c.title) ? `Charter ${c.id} (no title yet)` : c.title,
			href: `/staff/charters/${c.id}`,
			status: CHARTER_STATUS_LABELS[c.status]
		})),

	seedDemo: (tx, ctx) => seedDemoCharter(tx, ctx)
};
