// The survey, lab and vote results a charter links to. Each tool lists its items for an
// engagement on the engagement page (src/lib/server/steps.ts); a charter stores the items'
// addresses, so it needs nothing from the other tools' tables.
import type { CharterLinks } from '../../charter/charter';
import type { DB } from '../db/open';
import { engagementSteps, type Step } from '../steps';

export type LinkKind = keyof CharterLinks;

const TOOL_OF: Record<LinkKind, Step['tool']> = {
	surveyIds: 'survey',
	labIds: 'lab',
	voteIds: 'vote'
};

export interface LinkOption {
	/** What the charter stores: the item's address on the staff side. */
	id: string;
	label: string;
}

/** What each tool has for the engagement, to choose from. */
export function linkOptions(
	db: DB,
	engagementId: number,
	now: Date
): Record<LinkKind, LinkOption[]> {
	const steps = engagementSteps(db, engagementId, now);
	const of = (kind: LinkKind) =>
		(steps.find((s) => s.tool === TOOL_OF[kind])?.items ?? [])
			.filter((i) => i.href.length <= 64)
			.map((i) => ({ id: i.href, label: i.label }));
	return { surveyIds: of('surveyIds'), labIds: of('labIds'), voteIds: of('voteIds') };
}

export interface DescribedLink {
	kind: LinkKind;
	id: string;
	/** The item's name, or null when the tool no longer lists it. */
	label: string | null;
}

/** The charter's links with their names, in the order survey, lab, vote. */
export function describeLinks(
	db: DB,
	engagementId: number,
	links: CharterLinks,
	now: Date
): DescribedLink[] {
	const options = linkOptions(db, engagementId, now);
	return (Object.keys(TOOL_OF) as LinkKind[]).flatMap((kind) =>
		links[kind].map((id) => ({
			kind,
			id,
			label: options[kind].find((o) => o.id === id)?.label ?? null
		}))
	);
}
