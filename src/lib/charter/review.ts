import { PARTY_KIND_LABELS, type CharterContent } from './charter';

/**
 * Co-assessment (docs/charter.md, "review"): progress on each commitment and each outcome
 * indicator is recorded with a red, amber or green status and a note, and residents see it.
 * Entries are only ever appended; the latest one for each item is its current status.
 */

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

export const RAG_LABELS: Record<RagStatus, string> = {
	green: 'On track',
	amber: 'Some concerns',
	red: 'Off track'
};

export const REVIEW_TARGET_KINDS = ['commitment', 'outcome'] as const;
export type ReviewTargetKind = (typeof REVIEW_TARGET_KINDS)[number];

export interface ReviewTarget {
	kind: ReviewTargetKind;
	/** The commitment's or the outcome's id. */
	id: string;
}

export interface ReviewEntry {
	id: string;
	target: ReviewTarget;
	status: RagStatus;
	note: string;
	/** ISO date or date-time the entry was recorded. */
	date: string;
	/** The charter version in force when it was recorded. */
	version: number;
}

export type RagCounts = Record<RagStatus, number>;

/** One key per reviewed item, e.g. "commitment:c1". */
export function targetKey(target: ReviewTarget): string {
	return `${target.kind}:${target.id}`;
}

/**
 * The latest entry for each item, in the order the items were first reviewed. "Latest" is the
 * latest date; of two entries with the same date, the one appended later wins.
 */
export function latestReview(entries: readonly ReviewEntry[]): ReviewEntry[] {
	const latest = new Map<string, ReviewEntry>();
	for (const entry of entries) {
		const key = targetKey(entry.target);
		const seen = latest.get(key);
		if (seen === undefined || seen.date <= entry.date) latest.set(key, entry);
	}
	return [...latest.values()];
}

/** How many items are green, amber and red now (counting each item's latest entry once). */
export function reviewSummary(entries: readonly ReviewEntry[]): RagCounts {
	const counts: RagCounts = { green: 0, amber: 0, red: 0 };
	for (const entry of latestReview(entries)) counts[entry.status]++;
	return counts;
}

export interface ReviewRow {
	target: ReviewTarget;
	/** The outcome's name, or the commitment's "what". */
	label: string;
	/** For a commitment, the party that made it, e.g. "Riverside Residents (Community representative)". */
	party: string;
	/** For an outcome, its indicator and target; for a commitment, its measure. */
	measure: string;
	latest: ReviewEntry | null;
	/** Every entry for the item, newest first. */
	history: ReviewEntry[];
}

export interface ReviewBoard {
	rows: ReviewRow[];
	counts: RagCounts & { notReviewed: number };
}

/**
 * The public review page: every outcome and commitment of a version, with its current
 * status and its history. Items with no entry yet show as not reviewed, so a charter cannot
 * look all green just because nobody has looked.
 */
export function reviewBoard(content: CharterContent, entries: readonly ReviewEntry[]): ReviewBoard {
	const byKey = new Map<string, ReviewEntry[]>();
	for (const entry of entries) {
		const key = targetKey(entry.target);
		byKey.set(key, [...(byKey.get(key) ?? []), entry]);
	}
	const row = (target: ReviewTarget, label: string, party: string, measure: string): ReviewRow => {
		const list = byKey.get(targetKey(target)) ?? [];
		const latest = latestReview(list)[0] ?? null;
		// Newest first: by date, then by the order they were appended.
		const history = list
			.map((entry, i) => ({ entry, i }))
			.sort((a, b) =>
				a.entry.date === b.entry.date ? b.i - a.i : a.entry.date < b.entry.date ? 1 : -1
			)
			.map(({ entry }) => entry);
		return { target, label, party, measure, latest, history };
	};
	const parties = new Map(content.parties.map((p) => [p.id, p]));
	const rows = [
		...content.outcomes.map((o) =>
			row(
				{ kind: 'outcome', id: o.id },
				o.title,
				'',
				`${o.indicator} (baseline ${o.baseline}, target ${o.target})`
			)
		),
		...content.commitments.map((c) => {
			const party = parties.get(c.partyId);
			return row(
				{ kind: 'commitment', id: c.id },
				c.what,
				party ? `${party.organisation} (${PARTY_KIND_LABELS[party.kind]})` : '',
				c.measure
			);
		})
	];
	const counts = { green: 0, amber: 0, red: 0, notReviewed: 0 };
	for (const r of rows) {
		if (r.latest) counts[r.latest.status]++;
		else counts.notReviewed++;
	}
	return { rows, counts };
}
