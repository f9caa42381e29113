import {
	COMMITMENT_KIND_LABELS,
	GOVERNANCE_FIELDS,
	GOVERNANCE_LABELS,
	PARTY_KIND_LABELS,
	isBlank,
	type CharterContent,
	type CharterLinks,
	type Commitment,
	type Outcome,
	type Party,
	type Standard
} from './charter';
import type { CharterVersion } from './state';
import { charterWelshFields, welshChanges } from './welsh';

/**
 * What changed between two texts of a charter, for the history page: each outcome, party,
 * commitment and standard is matched by id across the two, so a reworded item shows as
 * changed rather than as one removed and one added.
 */

export type DiffSection =
	| 'basics'
	| 'outcomes'
	| 'parties'
	| 'commitments'
	| 'standards'
	| 'governance'
	| 'links'
	| 'welsh';

export interface FieldChange {
	field: string;
	/** Plain-English name of the field, e.g. "how often it meets". */
	label: string;
	before: string;
	after: string;
}

export interface CharterChange {
	section: DiffSection;
	/** `reordered`: the same items appear in a different order. */
	kind: 'added' | 'removed' | 'changed' | 'reordered';
	/** The item's id; blank for basics, governance, links and reorderings. */
	id: string;
	/** The changed fields (full before and after text); empty for additions and removals. */
	fields: FieldChange[];
	/** One plain-English sentence. */
	summary: string;
}

export interface CharterDiff {
	from: number;
	to: number;
	changes: CharterChange[];
}

/** The changes from version `a` to version `b` (usually a is the older). */
export function diffVersions(a: CharterVersion, b: CharterVersion): CharterDiff {
	return { from: a.number, to: b.number, changes: diffContent(a.content, b.content) };
}

/** The changes from text `a` to text `b`, in the order the charter reads. Empty when they match. */
export function diffContent(a: CharterContent, b: CharterContent): CharterChange[] {
	return [
		...diffBasics(a, b),
		...diffList('outcomes', a, b, (c) => c.outcomes, outcomeFields, outcomeName),
		...diffList('parties', a, b, (c) => c.parties, partyFields, partyName),
		...diffList('commitments', a, b, (c) => c.commitments, commitmentFields, commitmentName),
		...diffList('standards', a, b, (c) => c.standards, standardFields, standardName),
		...diffGovernance(a, b),
		...diffLinks(a.links, b.links),
		...diffWelsh(a, b)
	];
}

/** The Welsh text as one change whose fields are the paths (`outcomes.<id>.target`) that changed. */
function diffWelsh(a: CharterContent, b: CharterContent): CharterChange[] {
	const labels = new Map(
		[...charterWelshFields(a), ...charterWelshFields(b)].map((f) => [f.path, f.label])
	);
	const fields = welshChanges(a, b).map((c) => ({
		field: c.path,
		label: `${labels.get(c.path) ?? c.path} in Welsh`,
		before: c.before,
		after: c.after
	}));
	if (fields.length === 0) return [];
	return [{ section: 'welsh', kind: 'changed', id: '', fields, summary: `${describe(fields)}.` }];
}

type Fields = { field: string; label: string; value: string }[];

function outcomeFields(o: Outcome): Fields {
	return [
		{ field: 'title', label: 'name', value: o.title },
		{ field: 'indicator', label: 'indicator', value: o.indicator },
		{ field: 'baseline', label: 'baseline', value: o.baseline },
		{ field: 'target', label: 'target', value: o.target }
	];
}

function partyFields(p: Party): Fields {
	return [
		{ field: 'kind', label: 'type of party', value: PARTY_KIND_LABELS[p.kind] },
		{ field: 'organisation', label: 'organisation', value: p.organisation },
		{ field: 'contactName', label: 'contact name', value: p.contactName },
		{ field: 'contactEmail', label: 'contact email', value: p.contactEmail },
		{ field: 'role', label: 'role', value: p.role },
		{ field: 'signatoryName', label: 'signatory', value: p.signatoryName },
		{ field: 'signatoryRole', label: "signatory's role", value: p.signatoryRole }
	];
}

function commitmentFields(c: Commitment, content: CharterContent): Fields {
	const party = content.parties.find((p) => p.id === c.partyId);
	return [
		{ field: 'partyId', label: 'party', value: party?.organisation ?? '' },
		{ field: 'what', label: 'what is committed', value: c.what },
		{ field: 'kind', label: 'kind of contribution', value: COMMITMENT_KIND_LABELS[c.kind] },
		{ field: 'owner', label: 'owner', value: c.owner },
		{ field: 'measure', label: 'measure', value: c.measure },
		{
			field: 'date',
			label: 'date',
			// The date and whether it is a due or a review date read as one value.
			value: `${c.dateKind === 'due' ? 'due' : 'review'} ${isBlank(c.date) ? 'date not set' : c.date}`
		}
	];
}

function standardFields(s: Standard): Fields {
	return [{ field: 'text', label: 'wording', value: s.text }];
}

function outcomeName(o: Outcome): string {
	return `Outcome ${quote(o.title)}`;
}

function partyName(p: Party): string {
	return `Party ${quote(p.organisation)} (${PARTY_KIND_LABELS[p.kind].toLowerCase()})`;
}

function commitmentName(c: Commitment, content: CharterContent): string {
	const party = content.parties.find((p) => p.id === c.partyId);
	return `Commitment ${quote(c.what)}${party ? ` by ${party.organisation}` : ''}`;
}

function standardName(s: Standard): string {
	return `Service standard ${quote(s.text)}`;
}

/** Matches one list's items by id; the whole texts are passed so a commitment can name its party. */
function diffList<T extends { id: string }>(
	section: DiffSection,
	ca: CharterContent,
	cb: CharterContent,
	listOf: (content: CharterContent) => readonly T[],
	fieldsOf: (item: T, content: CharterContent) => Fields,
	nameOf: (item: T, content: CharterContent) => string
): CharterChange[] {
	const before = listOf(ca);
	const after = listOf(cb);
	const changes: CharterChange[] = [];
	const afterIds = new Set(after.map((i) => i.id));
	const beforeById = new Map(before.map((i) => [i.id, i]));
	for (const item of before) {
		if (!afterIds.has(item.id))
			changes.push({
				section,
				kind: 'removed',
				id: item.id,
				fields: [],
				summary: `${nameOf(item, ca)} removed.`
			});
	}
	for (const item of after) {
		const old = beforeById.get(item.id);
		if (!old) {
			changes.push({
				section,
				kind: 'added',
				id: item.id,
				fields: [],
				summary: `${nameOf(item, cb)} added.`
			});
			continue;
		}
		const fields = changedFields(fieldsOf(old, ca), fieldsOf(item, cb));
		if (fields.length > 0)
			changes.push({
				section,
				kind: 'changed',
				id: item.id,
				fields,
				summary: `${nameOf(old, ca)}: ${describe(fields)}.`
			});
	}
	const kept = before.filter((i) => afterIds.has(i.id)).map((i) => i.id);
	const keptAfter = after.filter((i) => beforeById.has(i.id)).map((i) => i.id);
	if (kept.some((id, i) => keptAfter[i] !== id))
		changes.push({
			section,
			kind: 'reordered',
			id: '',
			fields: [],
			summary: `${SECTION_NAMES[section]} put in a different order.`
		});
	return changes;
}

const SECTION_NAMES: Record<DiffSection, string> = {
	basics: 'Basics',
	outcomes: 'Outcomes',
	parties: 'Parties',
	commitments: 'Commitments',
	standards: 'Service standards',
	governance: 'Governance',
	links: 'Links',
	welsh: 'Welsh text'
};

function diffBasics(a: CharterContent, b: CharterContent): CharterChange[] {
	const fields = changedFields(
		[
			{ field: 'title', label: 'title', value: a.title },
			{ field: 'service', label: 'service', value: a.service },
			{ field: 'summary', label: 'summary', value: a.summary }
		],
		[
			{ field: 'title', label: 'title', value: b.title },
			{ field: 'service', label: 'service', value: b.service },
			{ field: 'summary', label: 'summary', value: b.summary }
		]
	);
	if (fields.length === 0) return [];
	return [
		{ section: 'basics', kind: 'changed', id: '', fields, summary: `Charter ${describe(fields)}.` }
	];
}

function diffGovernance(a: CharterContent, b: CharterContent): CharterChange[] {
	const fieldsOf = (content: CharterContent): Fields =>
		GOVERNANCE_FIELDS.map((f) => ({
			field: f,
			label: GOVERNANCE_LABELS[f],
			value: content.governance[f]
		}));
	const fields = changedFields(fieldsOf(a), fieldsOf(b));
	if (fields.length === 0) return [];
	return [
		{
			section: 'governance',
			kind: 'changed',
			id: '',
			fields,
			summary: `Governance: ${describe(fields)}.`
		}
	];
}

const LINK_NAMES: Record<keyof CharterLinks, string> = {
	surveyIds: 'survey',
	labIds: 'co-production lab',
	voteIds: 'budget vote'
};

function diffLinks(a: CharterLinks, b: CharterLinks): CharterChange[] {
	const changes: CharterChange[] = [];
	for (const key of Object.keys(LINK_NAMES) as (keyof CharterLinks)[]) {
		const before = new Set(a[key]);
		const after = new Set(b[key]);
		for (const id of a[key])
			if (!after.has(id))
				changes.push({
					section: 'links',
					kind: 'removed',
					id,
					fields: [],
					summary: `Link to ${LINK_NAMES[key]} ${id} removed.`
				});
		for (const id of b[key])
			if (!before.has(id))
				changes.push({
					section: 'links',
					kind: 'added',
					id,
					fields: [],
					summary: `Link to ${LINK_NAMES[key]} ${id} added.`
				});
		const kept = a[key].filter((id) => after.has(id));
		const keptAfter = b[key].filter((id) => before.has(id));
		if (kept.length !== keptAfter.length || kept.some((id, i) => keptAfter[i] !== id))
			changes.push({
				section: 'links',
				kind: 'reordered',
				id: '',
				fields: [],
				summary: `Links to ${LINK_NAMES[key]}s put in a different order.`
			});
	}
	return changes;
}

function changedFields(before: Fields, after: Fields): FieldChange[] {
	return before.flatMap((f, i) =>
		f.value === after[i].value
			? []
			: [{ field: f.field, label: f.label, before: f.value, after: after[i].value }]
	);
}

function describe(fields: FieldChange[]): string {
	return fields
		.map((f) => {
			if (isBlank(f.before)) return `${f.label} set to ${quote(f.after)}`;
			if (isBlank(f.after)) return `${f.label} cleared (was ${quote(f.before)})`;
			return `${f.label} changed from ${quote(f.before)} to ${quote(f.after)}`;
		})
		.join('; ');
}

/** Quotes a value for a summary line, shortening long text (the fields keep it whole). */
function quote(text: string): string {
	const t = text.trim().replace(/\s+/g, ' ');
	if (t === '') return '(blank)';
	return `"${t.length > 60 ? `${t.slice(0, 57)}...` : t}"`;
}
