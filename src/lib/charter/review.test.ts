import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCharterContent } from './demo';
import {
	RAG_STATUSES,
	latestReview,
	reviewBoard,
	reviewSummary,
	targetKey,
	type RagStatus,
	type ReviewEntry
} from './review';

const entry = (
	id: string,
	targetId: string,
	status: RagStatus,
	date: string,
	kind: 'commitment' | 'outcome' = 'commitment'
): ReviewEntry => ({
	id,
	target: { kind, id: targetId },
	status,
	note: `note ${id}`,
	date,
	version: 1
});

describe('latestReview', () => {
	it.each<{ name: string; entries: ReviewEntry[]; latest: string[] }>([
		{ name: 'no entries', entries: [], latest: [] },
		{
			name: 'a later date wins over an earlier one appended after it',
			entries: [entry('a', 'c1', 'red', '2026-05-01'), entry('b', 'c1', 'green', '2026-04-01')],
			latest: ['a']
		},
		{
			name: 'on the same date the entry appended last wins',
			entries: [entry('a', 'c1', 'red', '2026-05-01'), entry('b', 'c1', 'green', '2026-05-01')],
			latest: ['b']
		},
		{
			name: 'each item keeps its own latest',
			entries: [
				entry('a', 'c1', 'red', '2026-05-01'),
				entry('b', 'c2', 'amber', '2026-05-02'),
				entry('c', 'c1', 'green', '2026-06-01')
			],
			latest: ['c', 'b']
		},
		{
			name: 'an outcome and a commitment with the same id are different items',
			entries: [
				entry('a', 'x', 'red', '2026-05-01', 'outcome'),
				entry('b', 'x', 'green', '2026-05-02', 'commitment')
			],
			latest: ['a', 'b']
		}
	])('$name', ({ entries, latest }) => {
		expect(latestReview(entries).map((e) => e.id)).toEqual(latest);
	});

	it('returns, for every item, an entry no other entry for it is later than', () => {
		const entryArb = fc.record({
			target: fc.constantFrom('c1', 'c2', 'o1'),
			status: fc.constantFrom(...RAG_STATUSES),
			day: fc.integer({ min: 1, max: 28 })
		});
		fc.assert(
			fc.property(fc.array(entryArb, { maxLength: 30 }), (raw) => {
				const entries = raw.map((r, i) =>
					entry(`e${i}`, r.target, r.status, `2026-03-${String(r.day).padStart(2, '0')}`)
				);
				const latest = latestReview(entries);
				expect(latest.map((e) => targetKey(e.target)).sort()).toEqual(
					[...new Set(entries.map((e) => targetKey(e.target)))].sort()
				);
				for (const l of latest) {
					const same = entries.filter((e) => targetKey(e.target) === targetKey(l.target));
					expect(same.every((e) => e.date <= l.date)).toBe(true);
				}
			})
		);
	});
});

describe('reviewSummary', () => {
	it('counts each item once, by its latest status', () => {
		// c1: red then green (now green); c2: amber; c3: red. So 1 green, 1 amber, 1 red.
		const entries = [
			entry('a', 'c1', 'red', '2026-05-01'),
			entry('b', 'c2', 'amber', '2026-05-01'),
			entry('c', 'c3', 'red', '2026-05-01'),
			entry('d', 'c1', 'green', '2026-06-01')
		];
		expect(reviewSummary(entries)).toEqual({ green: 1, amber: 1, red: 1 });
	});
});

describe('reviewBoard', () => {
	const entries = [
		entry('a', 'c-hours', 'red', '2026-05-01'),
		entry('b', 'c-hours', 'amber', '2026-06-01'),
		entry('c', 'o-connected', 'green', '2026-06-01', 'outcome')
	];
	const board = reviewBoard(demoCharterContent(), entries);

	it('has a row for every outcome, then every commitment', () => {
		expect(board.rows.map((r) => targetKey(r.target))).toEqual([
			'outcome:o-independent',
			'outcome:o-connected',
			'commitment:c-funding',
			'commitment:c-hours',
			'commitment:c-volunteers'
		]);
	});

	it('counts items nobody has reviewed yet', () => {
		// 5 items; c-hours is amber now, o-connected green, the other 3 not reviewed.
		expect(board.counts).toEqual({ green: 1, amber: 1, red: 0, notReviewed: 3 });
	});

	it("shows an item's history newest first and names the party", () => {
		const row = board.rows.find((r) => r.target.id === 'c-hours');
		expect(row?.history.map((e) => e.id)).toEqual(['b', 'a']);
		expect(row?.latest?.id).toBe('b');
		expect(row?.party).toBe('Hub Together CIC (Provider)');
	});
});
