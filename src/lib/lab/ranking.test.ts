import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents } from './board';
import { countedItem, dotIndex, type Dot } from './dots';
import type { ItemRef, Participant } from './ideas';
import { rankItems } from './ranking';
import { arbitraryAction, ARBITRARY_IDEA_IDS, idea, ideas, log } from '../test/ideas';

const idea_ = (id: string): ItemRef => ({ type: 'idea', id });
const theme = (id: string): ItemRef => ({ type: 'theme', id });
const dots = (participantId: string, item: ItemRef, n: number): Dot[] =>
	Array.from({ length: n }, () => ({ participantId, item }));

// i1..i5 posted at 1 s, 2 s, ... 5 s. i3 is a duplicate merged into i1; i5 is hidden; theme t1
// (created at 1,000,003 ms, after every idea) holds i2 and i4.
const BOARD = applyEvents(
	ideas(5),
	log(
		{ type: 'merge', sourceId: 'i3', targetId: 'i1' },
		{ type: 'hide', ideaId: 'i5', reason: 'Off topic' },
		{ type: 'createTheme', themeId: 't1', name: 'Transport' },
		{ type: 'moveToTheme', ideaId: 'i2', themeId: 't1' },
		{ type: 'moveToTheme', ideaId: 'i4', themeId: 't1' },
		{ type: 'shortlist', item: { type: 'idea', id: 'i2' } }
	)
);

const PEOPLE: Participant[] = [
	{ id: 'p1', role: 'serviceUser' },
	{ id: 'p2', role: 'carer' },
	{ id: 'p3', role: 'staff' },
	{ id: 'p4', role: null }
	// p5 is not listed: their dots count as "none"
];

const DOTS: Dot[] = [
	...dots('p1', idea_('i1'), 1),
	...dots('p2', idea_('i3'), 2), // counts for i1
	...dots('p3', idea_('i2'), 2),
	...dots('p1', idea_('i4'), 1),
	...dots('p5', idea_('i4'), 1),
	...dots('p4', theme('t1'), 2),
	...dots('p1', idea_('i5'), 2) // hidden: left out
];

describe('rankItems', () => {
	const ranked = rankItems(BOARD, DOTS, PEOPLE);

	it('orders by dots, ties by who came first', () => {
		// i1: 1 + 2 (its duplicate) = 3; i2: 2 (posted 2 s); i4: 1 + 1 = 2 (posted 4 s);
		// t1: 2 own (created at 1,000 s): the tie at 2 goes i2, i4, t1.
		expect(ranked.map((r) => [r.rank, r.item.id, r.dots])).toEqual([
			[1, 'i1', 3],
			[2, 'i2', 2],
			[3, 'i4', 2],
			[4, 't1', 2]
		]);
	});

	it('splits an idea’s dots by role, duplicates included', () => {
		// i1: p1 (service user) 1, p2 (carer) 2
		expect(ranked[0].byRole).toEqual({
			serviceUser: 1,
			carer: 2,
			staff: 0,
			manager: 0,
			other: 0,
			none: 0
		});
	});

	it('counts unlisted and role-less participants as none', () => {
		// i4: p1 service user 1, p5 (not listed) 1
		expect(ranked[2].byRole).toEqual({
			serviceUser: 1,
			carer: 0,
			staff: 0,
			manager: 0,
			other: 0,
			none: 1
		});
	});

	it.each([
		// i1 was posted by p-i1 and its duplicate by p-i3; dots from p1 and p2
		{ id: 'i1', voters: 2, posters: 2, ideaIds: ['i1', 'i3'], shortlisted: false },
		{ id: 'i2', voters: 1, posters: 1, ideaIds: ['i2'], shortlisted: true },
		// t1's posters are its ideas' posters (p-i2, p-i4); its own dots are all p4's
		{ id: 't1', voters: 1, posters: 2, ideaIds: ['i2', 'i4'], shortlisted: false }
	])(
		'$id: voters, posters, ideas and shortlist flag',
		({ id, voters, posters, ideaIds, shortlisted }) => {
			const row = ranked.find((r) => r.item.id === id)!;
			expect({
				voters: row.voters,
				posters: row.posters,
				ideaIds: row.ideaIds,
				shortlisted: row.shortlisted
			}).toEqual({
				voters,
				posters,
				ideaIds,
				shortlisted
			});
		}
	);

	it('can count a theme’s ideas with the theme', () => {
		// t1 = 2 own + i2's 2 + i4's 2 = 6
		const withIdeas = rankItems(BOARD, DOTS, PEOPLE, { themeScore: 'withIdeas' });
		expect(withIdeas.map((r) => [r.item.id, r.dots])).toEqual([
			['t1', 6],
			['i1', 3],
			['i2', 2],
			['i4', 2]
		]);
	});

	it('splits a theme with its ideas by role', () => {
		// own: p4 none 2; i2: p3 staff 2; i4: p1 service user 1, p5 none 1
		const t1 = rankItems(BOARD, DOTS, PEOPLE, { themeScore: 'withIdeas' })[0];
		expect(t1.byRole).toEqual({
			serviceUser: 1,
			carer: 0,
			staff: 2,
			manager: 0,
			other: 0,
			none: 3
		});
	});

	it.each([
		{
			name: 'same dots: earlier post first',
			list: [idea('a', { postedAt: 200 }), idea('b', { postedAt: 100 })],
			order: ['b', 'a']
		},
		{
			name: 'same dots and time: the order given',
			list: [idea('a', { postedAt: 100 }), idea('b', { postedAt: 100 })],
			order: ['a', 'b']
		}
	])('$name', ({ list, order }) => {
		const board = applyEvents(list, []);
		expect(rankItems(board, [], []).map((r) => r.item.id)).toEqual(order);
	});

	it('puts an idea before a theme created at the same moment', () => {
		const board = applyEvents(
			[idea('a', { postedAt: 5 })],
			[{ type: 'createTheme', themeId: 't', name: 'T', id: 'e1', at: 5 }]
		);
		expect(rankItems(board, [], []).map((r) => r.item.id)).toEqual(['a', 't']);
	});
});

describe('ranking properties', () => {
	const aBoard = fc
		.array(arbitraryAction(), { maxLength: 20 })
		.map((actions) => applyEvents(ideas(ARBITRARY_IDEA_IDS.length), log(...actions)));
	const someDots = fc.array(
		fc.record({
			participantId: fc.constantFrom('p1', 'p2', 'p3'),
			item: fc.oneof(
				fc.constantFrom(...ARBITRARY_IDEA_IDS).map(idea_),
				fc.constantFrom('t1', 't2').map(theme)
			)
		}),
		{ maxLength: 30 }
	);

	it('does not depend on the order dots were stored in', () => {
		const dotsAndShuffle = someDots.chain((ds) =>
			fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length }))
		);
		fc.assert(
			fc.property(aBoard, dotsAndShuffle, (board, [ds, shuffled]) => {
				expect(rankItems(board, shuffled, PEOPLE)).toEqual(rankItems(board, ds, PEOPLE));
			})
		);
	});

	it('ranks 1..n with dots never rising', () => {
		fc.assert(
			fc.property(aBoard, someDots, (board, ds) => {
				const ranked = rankItems(board, ds, PEOPLE);
				ranked.forEach((r, i) => {
					expect(r.rank).toBe(i + 1);
					if (i > 0) expect(r.dots).toBeLessThanOrEqual(ranked[i - 1].dots);
				});
			})
		);
	});

	it('counts every dot on an open item exactly once (theme score "own")', () => {
		fc.assert(
			fc.property(aBoard, someDots, (board, ds) => {
				const index = dotIndex(board);
				const open = ds.filter((d) => {
					const c = countedItem(index, d.item);
					return c.type === 'theme'
						? index.themes.has(c.id)
						: index.ideas.get(c.id)?.status === 'visible';
				});
				const total = rankItems(board, ds, PEOPLE).reduce((sum, r) => sum + r.dots, 0);
				expect(total).toBe(open.length);
			})
		);
	});
});
