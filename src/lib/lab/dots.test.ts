import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents } from './board';
import {
	countedItem,
	dotIndex,
	dotSummary,
	placeDot,
	removeDot,
	type Dot,
	type DotRules
} from './dots';
import type { ItemRef } from './ideas';
import { ideas, log } from '../test/ideas';

// i3 is a duplicate merged into i1; i4 is hidden; t1 is a theme.
const BOARD = applyEvents(
	ideas(4),
	log(
		{ type: 'merge', sourceId: 'i3', targetId: 'i1' },
		{ type: 'hide', ideaId: 'i4', reason: 'Off topic' },
		{ type: 'createTheme', themeId: 't1', name: 'Transport' }
	)
);

const idea = (id: string): ItemRef => ({ type: 'idea', id });
const theme = (id: string): ItemRef => ({ type: 'theme', id });
const dot = (participantId: string, item: ItemRef): Dot => ({ participantId, item });
const times = (n: number, d: Dot): Dot[] => Array.from({ length: n }, () => d);

describe('placeDot', () => {
	it.each<{
		name: string;
		dots: Dot[];
		item: ItemRef;
		rules?: DotRules;
		stored?: ItemRef;
		reason?: string;
	}>([
		{ name: 'on a visible idea', dots: [], item: idea('i2'), stored: idea('i2') },
		{ name: 'on a theme', dots: [], item: theme('t1'), stored: theme('t1') },
		// a dot on a duplicate is stored on the idea it was merged into
		{ name: 'on a merged idea', dots: [], item: idea('i3'), stored: idea('i1') },
		{
			name: 'on a hidden idea',
			dots: [],
			item: idea('i4'),
			reason: 'The facilitator has taken that idea off the board.'
		},
		{
			name: 'on an unknown idea',
			dots: [],
			item: idea('i9'),
			reason: 'That idea is not on the board.'
		},
		{
			name: 'on an unknown theme',
			dots: [],
			item: theme('t9'),
			reason: 'That theme is no longer on the board.'
		},
		{
			// 2 on i2 + 2 on t1 + 1 on i1 = 5 = the default budget
			name: 'with the budget spent',
			dots: [
				...times(2, dot('p1', idea('i2'))),
				...times(2, dot('p1', theme('t1'))),
				dot('p1', idea('i1'))
			],
			item: idea('i2'),
			reason: 'You have no dots left. Take one back to place it somewhere else.'
		},
		{
			// the 5th dot, on the hidden i4, still uses the budget
			name: 'with the budget spent partly on a hidden idea',
			dots: [
				...times(2, dot('p1', idea('i2'))),
				...times(2, dot('p1', theme('t1'))),
				dot('p1', idea('i4'))
			],
			item: idea('i1'),
			reason: 'You have no dots left. Take one back to place it somewhere else.'
		},
		{
			name: 'with 4 used, the 5th is allowed',
			dots: [...times(2, dot('p1', idea('i2'))), ...times(2, dot('p1', theme('t1')))],
			item: idea('i1'),
			stored: idea('i1')
		},
		{
			name: 'a third on one idea',
			dots: times(2, dot('p1', idea('i2'))),
			item: idea('i2'),
			reason: 'You can put at most 2 dots on one idea.'
		},
		{
			name: 'a third on one theme',
			dots: times(2, dot('p1', theme('t1'))),
			item: theme('t1'),
			reason: 'You can put at most 2 dots on one theme.'
		},
		{
			// one dot stored on the duplicate i3 (placed before the merge) + one on i1 = 2 on i1
			name: 'a third on an idea counting its duplicate',
			dots: [dot('p1', idea('i3')), dot('p1', idea('i1'))],
			item: idea('i1'),
			reason: 'You can put at most 2 dots on one idea.'
		},
		{
			name: 'when only others have used their dots',
			dots: [...times(2, dot('p2', idea('i2'))), ...times(3, dot('p2', theme('t1')))],
			item: idea('i2'),
			stored: idea('i2')
		},
		{
			name: 'a second on one idea with a limit of 1',
			dots: [dot('p1', idea('i2'))],
			item: idea('i2'),
			rules: { perParticipant: 3, perItem: 1 },
			reason: 'You can put at most 1 dot on one idea.'
		},
		{
			name: 'a fourth with a budget of 3',
			dots: [dot('p1', idea('i2')), dot('p1', idea('i1')), dot('p1', theme('t1'))],
			item: idea('i2'),
			rules: { perParticipant: 3, perItem: 2 },
			reason: 'You have no dots left. Take one back to place it somewhere else.'
		}
	])('$name', ({ dots, item, rules, stored, reason }) => {
		const result = placeDot(dots, 'p1', item, BOARD, rules);
		if (reason) expect(result).toEqual({ ok: false, reason });
		else
			expect(result).toEqual({
				ok: true,
				value: { dot: dot('p1', stored!), dots: [...dots, dot('p1', stored!)] }
			});
	});
});

describe('removeDot', () => {
	const onI2Old: Dot = { id: 'd1', participantId: 'p1', item: idea('i2') };
	const onI2New: Dot = { id: 'd2', participantId: 'p1', item: idea('i2') };
	const onI3: Dot = { id: 'd3', participantId: 'p1', item: idea('i3') };
	const onI1: Dot = { id: 'd4', participantId: 'p1', item: idea('i1') };
	const onI4: Dot = { id: 'd5', participantId: 'p1', item: idea('i4') };
	const othersOnT1: Dot = { id: 'd6', participantId: 'p2', item: theme('t1') };

	it.each<{ name: string; dots: Dot[]; item: ItemRef; removed?: string; reason?: string }>([
		{
			name: 'takes back the latest dot on that idea',
			dots: [onI2Old, onI2New],
			item: idea('i2'),
			removed: 'd2'
		},
		{
			name: 'prefers a dot placed on exactly that idea',
			dots: [onI1, onI3],
			item: idea('i3'),
			removed: 'd3'
		},
		{
			name: 'takes a duplicate’s dot back from the merged idea',
			dots: [onI3],
			item: idea('i1'),
			removed: 'd3'
		},
		{ name: 'takes a dot back from a hidden idea', dots: [onI4], item: idea('i4'), removed: 'd5' },
		{
			name: 'refuses with no dot there',
			dots: [onI2Old],
			item: idea('i1'),
			reason: 'You have no dots on that idea.'
		},
		{
			name: 'never takes someone else’s dot',
			dots: [othersOnT1],
			item: theme('t1'),
			reason: 'You have no dots on that theme.'
		}
	])('$name', ({ dots, item, removed, reason }) => {
		const result = removeDot(dots, 'p1', item, BOARD);
		if (reason) expect(result).toEqual({ ok: false, reason });
		else {
			const gone = dots.find((d) => d.id === removed)!;
			expect(result).toEqual({
				ok: true,
				value: { removed: gone, dots: dots.filter((d) => d !== gone) }
			});
		}
	});

	it('frees a dot from a theme the board no longer has', () => {
		const undone = applyEvents(
			ideas(1),
			log(
				{ type: 'createTheme', themeId: 't1', name: 'Transport' },
				{ type: 'undo', eventId: 'e1' }
			)
		);
		expect(removeDot([othersOnT1], 'p2', theme('t1'), undone).ok).toBe(true);
	});
});

describe('dotSummary', () => {
	it('counts used and left, by counted item, marking closed ones', () => {
		const dots = [
			dot('p1', idea('i3')),
			dot('p1', idea('i1')),
			dot('p1', idea('i4')),
			dot('p2', idea('i2'))
		];
		// p1: 2 counted on i1 (one via its duplicate i3) and 1 on hidden i4: 3 used of 5
		expect(dotSummary(dots, 'p1', BOARD)).toEqual({
			used: 3,
			left: 2,
			items: [
				{ item: idea('i1'), count: 2, open: true },
				{ item: idea('i4'), count: 1, open: false }
			]
		});
	});
});

describe('dot budget properties', () => {
	const items: ItemRef[] = [
		idea('i1'),
		idea('i2'),
		idea('i3'),
		idea('i4'),
		idea('i9'),
		theme('t1'),
		theme('t9')
	];
	const op = fc.record({
		place: fc.boolean(),
		participant: fc.constantFrom('p1', 'p2', 'p3'),
		item: fc.constantFrom(...items)
	});
	const rules = fc.record({
		perParticipant: fc.integer({ min: 1, max: 8 }),
		perItem: fc.integer({ min: 1, max: 4 })
	});

	it('never lets anyone exceed the budget or the per-item limit, whatever they try', () => {
		fc.assert(
			fc.property(rules, fc.array(op, { maxLength: 60 }), (r, ops) => {
				let dots: Dot[] = [];
				for (const o of ops) {
					const result = o.place
						? placeDot(dots, o.participant, o.item, BOARD, r)
						: removeDot(dots, o.participant, o.item, BOARD);
					if (result.ok) dots = result.value.dots;
				}
				const index = dotIndex(BOARD);
				const perParticipant = new Map<string, number>();
				const perItem = new Map<string, number>();
				for (const d of dots) {
					perParticipant.set(d.participantId, (perParticipant.get(d.participantId) ?? 0) + 1);
					const counted = countedItem(index, d.item);
					const key = `${d.participantId}/${counted.type}/${counted.id}`;
					perItem.set(key, (perItem.get(key) ?? 0) + 1);
				}
				for (const n of perParticipant.values()) expect(n).toBeLessThanOrEqual(r.perParticipant);
				for (const n of perItem.values()) expect(n).toBeLessThanOrEqual(r.perItem);
			})
		);
	});

	it('placing then taking back returns the same dots', () => {
		fc.assert(
			fc.property(fc.constantFrom(...items), (item) => {
				const start = [dot('p2', idea('i2')), dot('p1', theme('t1'))];
				const placed = placeDot(start, 'p1', item, BOARD);
				fc.pre(placed.ok);
				if (!placed.ok) return;
				const removed = removeDot(placed.value.dots, 'p1', item, BOARD);
				expect(removed.ok && removed.value.dots).toEqual(start);
			})
		);
	});
});
