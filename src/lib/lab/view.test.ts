import { describe, expect, it } from 'vitest';
import { applyEvents } from './board';
import type { Dot } from './dots';
import { idea, log } from '../test/ideas';
import {
	applyLiveEvent,
	boardView,
	groupedIdeas,
	itemKey,
	latestIdeas,
	parseItemKey,
	voteItems,
	type BoardView,
	type ViewInput
} from './view';

const LAB = {
	id: 1,
	title: 'Lab',
	titleCy: null,
	code: 'ACEFHK',
	prompts: [{ id: 'q1', text: 'How?' }],
	kinds: ['savesMoney' as const],
	rolesEnabled: true,
	dotsPerParticipant: 5,
	maxDotsPerIdea: 2
};

function input(over: Partial<ViewInput> = {}): ViewInput {
	const ideas = [
		idea('i1', { participantId: 'a', role: 'carer' }),
		idea('i2', { participantId: 'b' }),
		idea('i3', { participantId: 'a' })
	];
	const events = log(
		{ type: 'hide', ideaId: 'i2', reason: 'Rude remark' },
		{ type: 'createTheme', themeId: 't1', name: 'Transport' },
		{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' },
		{ type: 'merge', sourceId: 'i3', targetId: 'i1' }
	);
	const dots: Dot[] = [
		{ participantId: 'a', item: { type: 'idea', id: 'i1' } },
		{ participantId: 'b', item: { type: 'idea', id: 'i3' } },
		{ participantId: 'b', item: { type: 'theme', id: 't1' } }
	];
	return {
		version: 7,
		lab: LAB,
		phase: 'vote',
		paused: false,
		countdownEndsAt: null,
		board: applyEvents(ideas, events),
		dots,
		participants: [
			{ id: 'a', role: 'carer', name: 'Sue' },
			{ id: 'b', role: null, name: null }
		],
		...over
	};
}

describe('boardView', () => {
	it('shows visible ideas with their duplicates and names, never hidden ones or reasons', () => {
		const view = boardView(input());
		expect(view.ideas).toEqual([
			expect.objectContaining({ id: 'i1', name: 'Sue', themeId: 't1', also: ['Idea i3'] })
		]);
		expect(JSON.stringify(view)).not.toContain('Rude');
		expect(JSON.stringify(view)).not.toContain('Idea i2');
		expect(view.ideaCount).toBe(2);
		expect(view.participantCount).toBe(2);
	});

	it('counts dots after merges from the vote phase on, and ranks from the shortlist phase', () => {
		const vote = boardView(input());
		expect(vote.dots).toEqual({ 'idea:i1': 2, 'theme:t1': 1 });
		expect(vote.dotsPlaced).toBe(3);
		expect(vote.ranking).toEqual([]);
		const ideas = boardView(input({ phase: 'ideas' }));
		expect(ideas.dots).toEqual({});
		const shortlist = boardView(input({ phase: 'shortlist' }));
		expect(shortlist.ranking.map((r) => [r.type, r.id, r.dots])).toEqual([
			['idea', 'i1', 2],
			['theme', 't1', 1]
		]);
		expect(shortlist.ranking[0].byRole).toMatchObject({ carer: 1, none: 1 });
	});
});

describe('applyLiveEvent', () => {
	const base = (): BoardView => boardView(input({ phase: 'ideas' }));
	const newIdea = { ...base().ideas[0], id: 'i9', text: 'New', themeId: null, also: [] };

	it('appends an idea that comes next in order', () => {
		const { view, resync } = applyLiveEvent(base(), { type: 'idea', version: 8, idea: newIdea });
		expect(resync).toBe(false);
		expect(view.version).toBe(8);
		expect(view.ideas.map((i) => i.id)).toEqual(['i1', 'i9']);
		expect(view.ideaCount).toBe(3);
	});

	it('ignores what it already has and asks for a snapshot after a gap', () => {
		const old = applyLiveEvent(base(), { type: 'idea', version: 7, idea: newIdea });
		expect(old.view).toEqual(base());
		const gap = applyLiveEvent(base(), { type: 'idea', version: 9, idea: newIdea });
		expect(gap).toEqual({ view: base(), resync: true });
	});

	it('takes a newer snapshot whole and keeps counts and dots from deltas', () => {
		const fresh = { ...base(), version: 20, ideaCount: 99 };
		expect(applyLiveEvent(base(), { type: 'snapshot', version: 20, view: fresh }).view).toBe(fresh);
		expect(applyLiveEvent(base(), { type: 'snapshot', version: 3, view: fresh }).view).toEqual(
			base()
		);
		const joined = applyLiveEvent(base(), { type: 'joined', version: 8, participantCount: 9 });
		expect(joined.view.participantCount).toBe(9);
		const dotted = applyLiveEvent(joined.view, {
			type: 'dots',
			version: 9,
			key: 'idea:i1',
			dots: 4,
			dotsPlaced: 4
		});
		expect(dotted.view.dots).toEqual({ 'idea:i1': 4 });
		const cleared = applyLiveEvent(dotted.view, {
			type: 'dots',
			version: 10,
			key: 'idea:i1',
			dots: 0,
			dotsPlaced: 0
		});
		expect(cleared.view.dots).toEqual({});
	});
});

describe('display helpers', () => {
	it('list the newest ideas first, themes with their ideas, and items by dots', () => {
		const view = boardView(input({ phase: 'vote' }));
		expect(latestIdeas(view, 5).map((i) => i.id)).toEqual(['i1']);
		expect(groupedIdeas(view)).toEqual([
			{ theme: { id: 't1', name: 'Transport' }, ideas: [expect.objectContaining({ id: 'i1' })] }
		]);
		expect(voteItems(view, true).map((i) => [i.key, i.dots, i.theme])).toEqual([
			['idea:i1', 2, 'Transport'],
			['theme:t1', 1, null]
		]);
		expect(voteItems(view)[0].detail).toEqual(['Idea i1']);
	});

	it('round-trips item keys', () => {
		expect(parseItemKey(itemKey({ type: 'theme', id: '12' }))).toEqual({ type: 'theme', id: '12' });
		expect(parseItemKey('nonsense')).toBe(null);
		expect(parseItemKey('user:1')).toBe(null);
	});
});
