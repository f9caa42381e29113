import type {
	CharterContent,
	CharterLinks,
	Commitment,
	Governance,
	Outcome,
	Party,
	Standard
} from './charter';
import { welshOf } from './welsh';

/**
 * How staff's forms change a charter's working text: each rule takes the text and what the
 * form gave, and returns the new text or every reason it cannot be changed, in plain English.
 * The input is never changed. Whether the text may change at all (its status) and whether the
 * result is sound (`structuralProblems`) is the life cycle's `edit`, which the server runs on
 * what these return.
 */
export type EditResult = { ok: true; content: CharterContent } | { ok: false; reasons: string[] };

/** The lists of a charter that are edited item by item, in the order the charter reads. */
export const LIST_SECTIONS = ['outcomes', 'parties', 'commitments', 'standards'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];

/** What a form gives for an item of each list: everything but the id, which the server makes. */
export type ItemFields = {
	outcomes: Omit<Outcome, 'id'>;
	parties: Omit<Party, 'id'>;
	commitments: Omit<Commitment, 'id'>;
	standards: Omit<Standard, 'id'>;
};

const ITEM_NAMES: Record<ListSection, string> = {
	outcomes: 'outcome',
	parties: 'party',
	commitments: 'commitment',
	standards: 'service standard'
};

/** The fields each item keeps: anything else a caller passes is dropped, not signed. */
const ITEM_FIELDS: { [S in ListSection]: readonly (keyof ItemFields[S])[] } = {
	outcomes: ['title', 'indicator', 'baseline', 'target'],
	parties: [
		'kind',
		'organisation',
		'contactName',
		'contactEmail',
		'role',
		'signatoryName',
		'signatoryRole'
	],
	commitments: ['partyId', 'what', 'kind', 'owner', 'measure', 'date', 'dateKind'],
	standards: ['text']
};

type AnyItem = { id: string };

function item<S extends ListSection>(section: S, fields: ItemFields[S], id: string): AnyItem {
	const picked: Record<string, unknown> = { id };
	for (const key of ITEM_FIELDS[section]) picked[key as string] = fields[key];
	return picked as AnyItem;
}

function listOf(content: CharterContent, section: ListSection): AnyItem[] {
	return content[section];
}

function withList(content: CharterContent, section: ListSection, items: AnyItem[]): EditResult {
	return edited({ ...content, [section]: items } as CharterContent);
}

/**
 * Every edit ends here: Welsh for items that are gone (or English now blank) is dropped, and
 * `cy` itself when nothing is left in it, so no Welsh is signed without its English.
 */
function edited(content: CharterContent): EditResult {
	if (!content.cy) return { ok: true, content };
	const { cy, ...rest } = content;
	const kept = welshOf(rest, cy);
	return { ok: true, content: Object.keys(kept).length > 0 ? { ...rest, cy: kept } : rest };
}

const refused = (...reasons: string[]): EditResult => ({ ok: false, reasons });

const gone = (section: ListSection) =>
	refused(`That ${ITEM_NAMES[section]} is no longer in the charter.`);

/** A commitment must belong to a party that is in the charter. */
function partyProblem(content: CharterContent, section: ListSection, fields: object): string[] {
	if (section !== 'commitments') return [];
	const partyId = (fields as ItemFields['commitments']).partyId;
	return content.parties.some((p) => p.id === partyId) ? [] : ['Choose a party from the list.'];
}

/** The title, the service and the summary. */
export function setBasics(
	content: CharterContent,
	basics: Pick<CharterContent, 'title' | 'service' | 'summary'>
): EditResult {
	const { title, service, summary } = basics;
	return edited({ ...content, title, service, summary });
}

/** How the charter is governed: only the governance fields are kept. */
export function setGovernance(content: CharterContent, governance: Governance): EditResult {
	return edited({
		...content,
		governance: {
			forum: governance.forum,
			membership: governance.membership,
			meetingFrequency: governance.meetingFrequency,
			decides: governance.decides,
			disputes: governance.disputes,
			concerns: governance.concerns
		}
	});
}

/** The survey, lab and vote results the charter links to (copied, not shared with the caller). */
export function setLinks(content: CharterContent, links: CharterLinks): EditResult {
	return edited({
		...content,
		links: {
			surveyIds: [...links.surveyIds],
			labIds: [...links.labIds],
			voteIds: [...links.voteIds]
		}
	});
}

/**
 * The Welsh of the text, field by field (`charterWelshFields`); blank removes it. `edited`
 * keeps only trimmed Welsh for fields the text has.
 */
export function setWelsh(content: CharterContent, welsh: Record<string, string>): EditResult {
	return edited({ ...content, cy: welsh });
}

/** Adds an item with the id the server made at the end of a list. */
export function addItem<S extends ListSection>(
	content: CharterContent,
	section: S,
	fields: ItemFields[S],
	id: string
): EditResult {
	const problems = partyProblem(content, section, fields);
	if (problems.length) return refused(...problems);
	return withList(content, section, [...listOf(content, section), item(section, fields, id)]);
}

/** Rewrites one item of a list, keeping its id and place. */
export function updateItem<S extends ListSection>(
	content: CharterContent,
	section: S,
	itemId: string,
	fields: ItemFields[S]
): EditResult {
	const items = listOf(content, section);
	if (!items.some((i) => i.id === itemId)) return gone(section);
	const problems = partyProblem(content, section, fields);
	if (problems.length) return refused(...problems);
	return withList(
		content,
		section,
		items.map((i) => (i.id === itemId ? item(section, fields, itemId) : i))
	);
}

/** Removes one item. A party is only removed once it has no commitments left. */
export function removeItem(
	content: CharterContent,
	section: ListSection,
	itemId: string
): EditResult {
	const items = listOf(content, section);
	if (!items.some((i) => i.id === itemId)) return gone(section);
	if (section === 'parties' && content.commitments.some((k) => k.partyId === itemId))
		return refused(
			'This party still has commitments: remove them or give them to another party first.'
		);
	return withList(
		content,
		section,
		items.filter((i) => i.id !== itemId)
	);
}

/**
 * Moves an item one place up or down (the order is part of what is signed). The first item
 * moved up, or the last moved down, stays where it is: not a refusal.
 */
export function moveItem(
	content: CharterContent,
	section: ListSection,
	itemId: string,
	direction: 'up' | 'down'
): EditResult {
	const items = [...listOf(content, section)];
	const i = items.findIndex((item) => item.id === itemId);
	if (i < 0) return gone(section);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (j < 0 || j >= items.length) return edited(content);
	[items[i], items[j]] = [items[j], items[i]];
	return withList(content, section, items);
}
