// The activities residents can read a privacy notice for, and the facts each notice needs:
// every survey and vote staff have opened, every lab, every charter the public can see.
import { ne } from 'drizzle-orm';
import { publicCharter } from '../charter/public';
import type { ActivityKind, PrivacyFacts } from '../notices/privacy';
import { listStartedVotes } from './budget/votes';
import * as catalogue from './catalogue';
import { listCharters } from './charter/charters';
import { loadCharter } from './charter/rows';
import type { DB } from './db/open';
import { lab, survey } from './db/schema';
import type { SurveyDefinition } from '../survey/template';

export interface NoticeEntry {
	kind: ActivityKind;
	/** What the resident's address uses: survey and vote id, lab code, charter slug. */
	ref: string;
	title: string;
	titleCy: string | null;
	facts: PrivacyFacts;
}

function surveys(db: DB): NoticeEntry[] {
	return db
		.select()
		.from(survey)
		.where(ne(survey.status, 'draft'))
		.all()
		.map((s) => ({
			kind: 'survey',
			ref: String(s.id),
			title: s.title,
			titleCy: s.titleCy,
			facts: {
				kind: 'survey',
				asksSpecialCategory: (JSON.parse(s.definition) as SurveyDefinition).segments.some(
					(g) => g.specialCategory
				),
				takesCodes: s.access !== 'open',
				// Set by the survey's commissioner once the retention settings exist.
				specialCategoryDeletedOn: null
			}
		}));
}

function votes(db: DB): NoticeEntry[] {
	// The ballot's "about you" page asks the catalogue's segments.
	const special = catalogue.listSegments(db).some((s) => s.specialCategory);
	return listStartedVotes(db).map((v) => ({
		kind: 'vote',
		ref: String(v.id),
		title: v.title,
		titleCy: v.titleCy,
		facts: { kind: 'vote', asksSpecialCategory: special, takesCodes: v.eligibility !== 'open' }
	}));
}

function labs(db: DB): NoticeEntry[] {
	return db
		.select({ title: lab.title, titleCy: lab.titleCy, code: lab.joinCode })
		.from(lab)
		.all()
		.map((l) => ({
			kind: 'lab',
			ref: l.code,
			title: l.title,
			titleCy: l.titleCy,
			facts: { kind: 'lab', asksSpecialCategory: false, takesCodes: false }
		}));
}

function charters(db: DB): NoticeEntry[] {
	return listCharters(db).flatMap((c) => {
		const loaded = loadCharter(db, c.id);
		const view = loaded ? publicCharter(loaded.state) : null;
		if (!loaded || !view) return [];
		return [
			{
				kind: 'charter' as const,
				ref: loaded.slug,
				title: view.content.title,
				titleCy: view.content.cy?.title ?? null,
				facts: { kind: 'charter' as const, asksSpecialCategory: false, takesCodes: false }
			}
		];
	});
}

/** Every activity with a privacy notice, tool by tool. */
export function listNotices(db: DB): NoticeEntry[] {
	return [...surveys(db), ...labs(db), ...votes(db), ...charters(db)];
}

export function findNotice(db: DB, kind: string, ref: string): NoticeEntry | undefined {
	return listNotices(db).find((n) => n.kind === kind && n.ref === ref);
}
