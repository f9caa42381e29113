import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMITMENT_KINDS, PARTY_KINDS, type CharterContent } from './charter';
import { demoCharter, demoCharterContent } from './demo';
import { diffContent, diffVersions, type CharterChange } from './diff';
import { contentHash } from './hash';

function edited(change: (c: CharterContent) => void): CharterContent {
	const content = demoCharterContent();
	change(content);
	return content;
}

describe('diffContent', () => {
	it('finds nothing between a text and itself', () => {
		expect(diffContent(demoCharterContent(), demoCharterContent())).toEqual([]);
	});

	it.each<{ name: string; change: (c: CharterContent) => void; summary: string }>([
		{
			name: 'a changed outcome target',
			change: (c) => (c.outcomes[1].target = '70% by March 2027'),
			summary:
				'Outcome "Feeling connected": target changed from "65% by March 2027" to "70% by March 2027".'
		},
		{
			name: 'an added outcome',
			change: (c) =>
				c.outcomes.push({
					id: 'o-safe',
					title: 'Feeling safe',
					indicator: 'i',
					baseline: 'b',
					target: 't'
				}),
			summary: 'Outcome "Feeling safe" added.'
		},
		{
			name: 'a removed standard',
			change: (c) => c.standards.pop(),
			summary: 'Service standard "Reply to every concern within 10 working days" removed.'
		},
		{
			name: 'a reworded standard (same id)',
			change: (c) => (c.standards[0].text = 'Open 45 hours a week'),
			summary:
				'Service standard "Open 40 hours a week, including one evening": wording changed from "Open 40 hours a week, including one evening" to "Open 45 hours a week".'
		},
		{
			name: 'a commitment date that becomes a due date',
			change: (c) => {
				c.commitments[1].date = '2026-10-31';
				c.commitments[1].dateKind = 'due';
			},
			summary:
				'Commitment "Open the hub 40 hours a week, including one evening" by Hub Together CIC: date changed from "review 2026-09-30" to "due 2026-10-31".'
		},
		{
			name: 'a commitment moved to another party',
			change: (c) => (c.commitments[2].partyId = 'p-provider'),
			summary:
				'Commitment "Run a peer support group every week" by Riverside Carers Forum: party changed from "Riverside Carers Forum" to "Hub Together CIC".'
		},
		{
			name: 'a party given a contact email',
			change: (c) => (c.parties[2].contactEmail = 'jean@carers.example.org'),
			summary:
				'Party "Riverside Carers Forum" (community representative): contact email set to "jean@carers.example.org".'
		},
		{
			name: 'a governance change',
			change: (c) => (c.governance.meetingFrequency = 'Monthly, in public'),
			summary:
				'Governance: how often it meets changed from "Every two months, in public" to "Monthly, in public".'
		},
		{
			name: 'a cleared summary, quoted short',
			change: (c) => {
				c.summary = '';
			},
			// The old summary is 76 characters: the first 57, then "...".
			summary:
				'Charter summary cleared (was "How the council, the provider and residents run the River...").'
		},
		{
			name: 'two outcomes swapped',
			change: (c) => c.outcomes.reverse(),
			summary: 'Outcomes put in a different order.'
		},
		{
			name: 'a linked survey',
			change: (c) => c.links.surveyIds.push('sv-2025'),
			summary: 'Link to survey sv-2025 added.'
		}
	])('describes $name in one sentence', ({ change, summary }) => {
		expect(diffContent(demoCharterContent(), edited(change)).map((c) => c.summary)).toEqual([
			summary
		]);
	});

	it('gives the full text of each changed field', () => {
		const [change] = diffContent(
			demoCharterContent(),
			edited((c) => {
				c.outcomes[0].baseline = '80% (2025)';
				c.outcomes[0].target = '90% by March 2027';
			})
		);
		expect(change).toEqual<CharterChange>({
			section: 'outcomes',
			kind: 'changed',
			id: 'o-independent',
			fields: [
				{ field: 'baseline', label: 'baseline', before: '78% (2025)', after: '80% (2025)' },
				{
					field: 'target',
					label: 'target',
					before: '85% by March 2027',
					after: '90% by March 2027'
				}
			],
			summary:
				'Outcome "Living independently": baseline changed from "78% (2025)" to "80% (2025)"; target changed from "85% by March 2027" to "90% by March 2027".'
		});
	});

	it('lists a removed party and its commitment in charter order', () => {
		const changes = diffContent(
			demoCharterContent(),
			edited((c) => {
				c.parties = c.parties.filter((p) => p.id !== 'p-provider');
				c.commitments = c.commitments.filter((x) => x.partyId !== 'p-provider');
			})
		);
		expect(changes.map((c) => [c.section, c.kind, c.id])).toEqual([
			['parties', 'removed', 'p-provider'],
			['commitments', 'removed', 'c-hours']
		]);
	});
});

describe('diffVersions', () => {
	it('compares the texts of two versions and names them', () => {
		const state = demoCharter('published');
		const v1 = state.versions[0];
		const v2 = { ...v1, number: 2, content: edited((c) => (c.title = 'Riverside Hub Charter')) };
		const diff = diffVersions(v1, v2);
		expect(diff.from).toBe(1);
		expect(diff.to).toBe(2);
		expect(diff.changes.map((c) => c.summary)).toEqual([
			'Charter title changed from "Riverside Day Opportunities Charter" to "Riverside Hub Charter".'
		]);
	});
});

/** Random edits of the demo charter, including removals, additions and reorderings. */
const editArb = fc.oneof(
	fc.record({
		op: fc.constant('text' as const),
		path: fc.nat(40),
		text: fc.constantFrom('A', 'B', '')
	}),
	fc.record({ op: fc.constant('remove' as const), list: fc.nat(3), index: fc.nat(3) }),
	fc.record({ op: fc.constant('add' as const), list: fc.nat(3), n: fc.nat(2) }),
	fc.record({ op: fc.constant('swap' as const), list: fc.nat(3) }),
	fc.record({ op: fc.constant('kind' as const), n: fc.nat(6) }),
	fc.record({ op: fc.constant('link' as const), n: fc.nat(2) })
);

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function apply(edits: Edit[]): CharterContent {
	const c = demoCharterContent();
	const lists = () => [c.outcomes, c.parties, c.commitments, c.standards] as { id: string }[][];
	for (const e of edits) {
		if (e.op === 'text') {
			// Text fields of the items, of governance and the title, picked by position.
			const slots: ((text: string) => void)[] = [
				...c.outcomes.flatMap((o) =>
					(['title', 'indicator', 'baseline', 'target'] as const).map(
						(f) => (t: string) => (o[f] = t)
					)
				),
				// Organisations stay distinct, so a commitment's party is always told apart by name.
				...c.parties.map((p) => (t: string) => (p.organisation = `${t} ${p.id}`)),
				...c.parties.flatMap((p) =>
					(['role', 'contactEmail'] as const).map((f) => (t: string) => (p[f] = t))
				),
				...c.commitments.flatMap((x) =>
					(['what', 'owner', 'measure', 'date'] as const).map((f) => (t: string) => (x[f] = t))
				),
				...c.standards.map((s) => (t: string) => (s.text = t)),
				(t: string) => (c.governance.forum = t),
				(t: string) => (c.title = t)
			];
			slots[e.path % slots.length](e.text);
		} else if (e.op === 'remove') {
			lists()[e.list].splice(e.index, 1);
		} else if (e.op === 'add') {
			const id = `new-${e.n}`;
			if (e.list === 0 && !c.outcomes.some((o) => o.id === id))
				c.outcomes.push({ id, title: 'New', indicator: 'i', baseline: 'b', target: 't' });
			if (e.list === 1 && !c.parties.some((p) => p.id === id))
				c.parties.push({
					...(c.parties[0] ?? demoCharterContent().parties[0]),
					id,
					organisation: `Org ${id}`
				});
			if (e.list === 2 && !c.commitments.some((x) => x.id === id))
				c.commitments.push({ ...demoCharterContent().commitments[0], id });
			if (e.list === 3 && !c.standards.some((s) => s.id === id))
				c.standards.push({ id, text: 'New' });
		} else if (e.op === 'swap') {
			lists()[e.list].reverse();
		} else if (e.op === 'kind') {
			if (c.parties[0]) c.parties[0].kind = PARTY_KINDS[e.n % PARTY_KINDS.length];
			if (c.commitments[0]) {
				c.commitments[0].kind = COMMITMENT_KINDS[e.n];
				c.commitments[0].dateKind = e.n % 2 === 0 ? 'due' : 'review';
				c.commitments[0].partyId = c.parties[e.n % Math.max(1, c.parties.length)]?.id ?? 'none';
			}
		} else {
			c.links.voteIds = ['v1', 'v2', 'v3'].slice(e.n);
		}
	}
	return c;
}

const contentArb = fc.array(editArb, { maxLength: 8 }).map(apply);

/** Two texts that differ by at most one edit, so a change the diff misses cannot hide behind others. */
const nearPairArb = fc
	.tuple(fc.array(editArb, { maxLength: 6 }), editArb)
	.map(([edits, last]) => [apply(edits), apply([...edits, last])] as const);

describe('diffContent properties', () => {
	it.each([
		{ name: 'unrelated texts', pairs: fc.tuple(contentArb, contentArb) },
		{ name: 'texts one edit apart', pairs: nearPairArb }
	])('finds no change exactly when the two texts hash the same ($name)', ({ pairs }) => {
		fc.assert(
			fc.property(pairs, ([a, b]) => {
				expect(diffContent(a, b).length === 0).toBe(contentHash(a) === contentHash(b));
			}),
			{ numRuns: 500 }
		);
	});

	it('sees an addition one way as a removal the other way', () => {
		fc.assert(
			fc.property(contentArb, contentArb, (a, b) => {
				const key = (c: CharterChange) => `${c.section}:${c.id}`;
				const added = diffContent(a, b)
					.filter((c) => c.kind === 'added')
					.map(key)
					.sort();
				const removed = diffContent(b, a)
					.filter((c) => c.kind === 'removed')
					.map(key)
					.sort();
				expect(added).toEqual(removed);
			}),
			{ numRuns: 300 }
		);
	});
});
