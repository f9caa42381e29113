import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyEvents,
	checkEvent,
	findTheme,
	ideasInTheme,
	lastRedoable,
	lastUndoable,
	mergedInto,
	ungroupedIdeas
} from './board';
import type { ModerationAction, ModerationEvent } from './events';
import type { BoardState } from './moderation';
import type { Phase } from './phases';
import { append, arbitraryAction, ideas, log } from '../test/ideas';

const IDEAS = ideas(4);

function board(...actions: ModerationAction[]): BoardState {
	return applyEvents(IDEAS, log(...actions));
}

function status(state: BoardState, id: string) {
	return state.ideas.find((i) => i.id === id)!;
}

/** The board without its history, for comparing what is on the screen. */
function screen(state: BoardState) {
	return { ideas: state.ideas, themes: state.themes, shortlist: state.shortlist };
}

describe('hide and unhide', () => {
	it('keeps a hidden idea, with its reason', () => {
		const state = board({ type: 'hide', ideaId: 'i2', reason: 'Names a member of staff' });
		expect(status(state, 'i2')).toMatchObject({
			status: 'hidden',
			hidden: { reason: 'Names a member of staff', eventId: 'e1', at: 1_000_001, by: null }
		});
	});

	it('keeps every idea in the list, in posting order', () => {
		const state = board({ type: 'hide', ideaId: 'i2', reason: 'Off topic' });
		expect(state.ideas.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4']);
	});

	it('unhides', () => {
		const state = board(
			{ type: 'hide', ideaId: 'i2', reason: 'Off topic' },
			{ type: 'unhide', ideaId: 'i2' }
		);
		expect(status(state, 'i2')).toMatchObject({ status: 'visible', hidden: null });
	});
});

describe('merge', () => {
	const state = board({ type: 'merge', sourceId: 'i3', targetId: 'i1' });

	it('marks the duplicate as merged into the target', () => {
		expect(status(state, 'i3')).toMatchObject({
			status: 'merged',
			mergedInto: 'i1',
			mergeEventId: 'e1'
		});
	});

	it('lists the duplicate under its target', () => {
		expect(mergedInto(state, 'i1').map((i) => i.id)).toEqual(['i3']);
	});

	it('leaves the target visible', () => {
		expect(status(state, 'i1').status).toBe('visible');
	});
});

describe('themes', () => {
	const base: ModerationAction[] = [
		{ type: 'createTheme', themeId: 't1', name: '  Transport ' },
		{ type: 'createTheme', themeId: 't2', name: 'Volunteers' },
		{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' },
		{ type: 'moveToTheme', ideaId: 'i2', themeId: 't1' }
	];

	it('creates themes in order with trimmed names', () => {
		expect(board(...base).themes.map((t) => [t.id, t.name, t.eventId])).toEqual([
			['t1', 'Transport', 'e1'],
			['t2', 'Volunteers', 'e2']
		]);
	});

	it('lists a theme’s visible ideas', () => {
		expect(ideasInTheme(board(...base), 't1').map((i) => i.id)).toEqual(['i1', 'i2']);
	});

	it('moves an idea from one theme to another', () => {
		const state = board(...base, { type: 'moveToTheme', ideaId: 'i1', themeId: 't2' });
		expect([status(state, 'i1').themeId, ideasInTheme(state, 't1').map((i) => i.id)]).toEqual([
			't2',
			['i2']
		]);
	});

	it('takes an idea out of its theme', () => {
		const state = board(...base, { type: 'removeFromTheme', ideaId: 'i2' });
		expect(ungroupedIdeas(state).map((i) => i.id)).toEqual(['i2', 'i3', 'i4']);
	});

	it('renames', () => {
		const state = board(...base, { type: 'renameTheme', themeId: 't2', name: 'Neighbours' });
		expect(findTheme(state, 't2')?.name).toBe('Neighbours');
	});

	it('leaves a hidden idea out of its theme’s list but remembers the theme', () => {
		const state = board(...base, { type: 'hide', ideaId: 'i1', reason: 'Rude' });
		expect([ideasInTheme(state, 't1').map((i) => i.id), status(state, 'i1').themeId]).toEqual([
			['i2'],
			't1'
		]);
	});
});

describe('shortlist', () => {
	it('keeps picks in order and drops an unpicked one', () => {
		const state = board(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'shortlist', item: { type: 'idea', id: 'i2' } },
			{ type: 'shortlist', item: { type: 'theme', id: 't1' } },
			{ type: 'shortlist', item: { type: 'idea', id: 'i4' } },
			{ type: 'unshortlist', item: { type: 'theme', id: 't1' } }
		);
		expect(state.shortlist).toEqual([
			{ type: 'idea', id: 'i2' },
			{ type: 'idea', id: 'i4' }
		]);
	});
});

describe('undo', () => {
	it.each<{ name: string; before: ModerationAction[]; change: ModerationAction }>([
		{
			name: 'a hide',
			before: [],
			change: { type: 'hide', ideaId: 'i1', reason: 'Off topic' }
		},
		{
			name: 'an unhide',
			before: [{ type: 'hide', ideaId: 'i1', reason: 'Off topic' }],
			change: { type: 'unhide', ideaId: 'i1' }
		},
		{
			name: 'a merge',
			before: [{ type: 'merge', sourceId: 'i2', targetId: 'i1' }],
			change: { type: 'merge', sourceId: 'i1', targetId: 'i3' }
		},
		{
			name: 'creating a theme',
			before: [],
			change: { type: 'createTheme', themeId: 't1', name: 'Transport' }
		},
		{
			name: 'a rename',
			before: [{ type: 'createTheme', themeId: 't1', name: 'Transport' }],
			change: { type: 'renameTheme', themeId: 't1', name: 'Buses' }
		},
		{
			// undoing must put the idea back in its old theme, not just take it out
			name: 'a move between themes',
			before: [
				{ type: 'createTheme', themeId: 't1', name: 'Transport' },
				{ type: 'createTheme', themeId: 't2', name: 'Buses' },
				{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' }
			],
			change: { type: 'moveToTheme', ideaId: 'i1', themeId: 't2' }
		},
		{
			name: 'taking an idea out of a theme',
			before: [
				{ type: 'createTheme', themeId: 't1', name: 'Transport' },
				{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' }
			],
			change: { type: 'removeFromTheme', ideaId: 'i1' }
		},
		{
			name: 'a shortlist pick',
			before: [],
			change: { type: 'shortlist', item: { type: 'idea', id: 'i1' } }
		}
	])('undoing $name restores the board before it', ({ before, change }) => {
		const earlier = log(...before);
		const withChange = append(earlier, change);
		const undone = append(withChange, {
			type: 'undo',
			eventId: withChange[withChange.length - 1].id
		});
		// The change must have done something, or the test would pass trivially.
		expect(screen(applyEvents(IDEAS, withChange))).not.toEqual(screen(applyEvents(IDEAS, earlier)));
		expect(screen(applyEvents(IDEAS, undone))).toEqual(screen(applyEvents(IDEAS, earlier)));
	});

	it('undoes a named change and keeps the ones after it', () => {
		const state = board(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' },
			{ type: 'hide', ideaId: 'i2', reason: 'Off topic' },
			{ type: 'undo', eventId: 'e2' }
		);
		expect([status(state, 'i1').themeId, status(state, 'i2').status]).toEqual([null, 'hidden']);
	});

	it('skips a later change that depended on the undone one, saying why', () => {
		const state = board(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' },
			{ type: 'undo', eventId: 'e1' }
		);
		expect(state.history.map((r) => [r.id, r.status, r.reason])).toEqual([
			['e1', 'undone', null],
			['e2', 'skipped', 'That theme is not on this board.'],
			['e3', 'applied', null]
		]);
	});

	it('redoes: undoing the undo brings the change and what depended on it back', () => {
		const state = board(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'moveToTheme', ideaId: 'i1', themeId: 't1' },
			{ type: 'undo', eventId: 'e1' },
			{ type: 'undo', eventId: 'e3' }
		);
		expect([state.themes.map((t) => t.id), status(state, 'i1').themeId]).toEqual([['t1'], 't1']);
	});

	it('undoing a redo undoes the change again', () => {
		const state = board(
			{ type: 'hide', ideaId: 'i1', reason: 'Off topic' },
			{ type: 'undo', eventId: 'e1' },
			{ type: 'undo', eventId: 'e2' },
			{ type: 'undo', eventId: 'e3' }
		);
		expect(status(state, 'i1').status).toBe('visible');
	});

	it('unmerging gives the duplicate back its theme', () => {
		const state = board(
			{ type: 'createTheme', themeId: 't1', name: 'Transport' },
			{ type: 'moveToTheme', ideaId: 'i2', themeId: 't1' },
			{ type: 'merge', sourceId: 'i2', targetId: 'i1' },
			{ type: 'undo', eventId: 'e3' }
		);
		expect(ideasInTheme(state, 't1').map((i) => i.id)).toEqual(['i2']);
	});

	it.each<{ name: string; events: ModerationEvent[]; hidden: string[] }>([
		{
			name: 'an undo of an unknown event',
			events: log({ type: 'undo', eventId: 'nope' }),
			hidden: []
		},
		{
			// an undo can only revert an earlier event
			name: 'an undo naming a later event',
			events: log({ type: 'undo', eventId: 'e2' }, { type: 'hide', ideaId: 'i1', reason: 'x' }),
			hidden: ['i1']
		},
		{
			name: 'an undo reusing an earlier id',
			events: [
				{ type: 'hide', ideaId: 'i1', reason: 'x', id: 'e1', at: 1 },
				{ type: 'undo', eventId: 'e1', id: 'e1', at: 2 }
			],
			hidden: ['i1']
		}
	])('$name is skipped and changes nothing', ({ events, hidden }) => {
		const state = applyEvents(IDEAS, events);
		const undo = state.history.find((r) => r.type === 'undo');
		expect(undo?.status).toBe('skipped');
		expect(state.ideas.filter((i) => i.status === 'hidden').map((i) => i.id)).toEqual(hidden);
	});
});

describe('checkEvent: the board', () => {
	const state = board(
		{ type: 'hide', ideaId: 'i4', reason: 'Off topic' },
		{ type: 'merge', sourceId: 'i3', targetId: 'i1' },
		{ type: 'createTheme', themeId: 't1', name: 'Transport' },
		{ type: 'moveToTheme', ideaId: 'i2', themeId: 't1' },
		{ type: 'shortlist', item: { type: 'idea', id: 'i2' } }
	);

	it.each<{ action: ModerationAction; reason: string | null }>([
		{ action: { type: 'hide', ideaId: 'i1', reason: 'Rude' }, reason: null },
		{
			action: { type: 'hide', ideaId: 'i4', reason: 'Rude' },
			reason: 'That idea is already hidden.'
		},
		{
			action: { type: 'hide', ideaId: 'i3', reason: 'Rude' },
			reason: 'That idea is merged into another. Undo the merge first, or hide the other idea.'
		},
		{
			action: { type: 'hide', ideaId: 'i9', reason: 'Rude' },
			reason: 'That idea is not on this board.'
		},
		{ action: { type: 'unhide', ideaId: 'i4' }, reason: null },
		{ action: { type: 'unhide', ideaId: 'i1' }, reason: 'That idea is not hidden.' },
		{ action: { type: 'merge', sourceId: 'i2', targetId: 'i1' }, reason: null },
		{
			action: { type: 'merge', sourceId: 'i1', targetId: 'i1' },
			reason: 'An idea cannot be merged into itself.'
		},
		{
			action: { type: 'merge', sourceId: 'i4', targetId: 'i1' },
			reason: 'That idea is hidden. Unhide it first.'
		},
		{
			action: { type: 'merge', sourceId: 'i2', targetId: 'i4' },
			reason: 'That idea is hidden. Unhide it first.'
		},
		{
			action: { type: 'merge', sourceId: 'i2', targetId: 'i3' },
			reason: 'That idea has been merged into another. Use the idea it was merged into.'
		},
		{
			action: { type: 'merge', sourceId: 'i3', targetId: 'i2' },
			reason: 'That idea has been merged into another. Use the idea it was merged into.'
		},
		{ action: { type: 'createTheme', themeId: 't2', name: 'Buses' }, reason: null },
		{
			action: { type: 'createTheme', themeId: 't1', name: 'Buses' },
			reason: 'That theme already exists.'
		},
		{
			action: { type: 'createTheme', themeId: 't2', name: ' transport ' },
			reason: 'There is already a theme called "Transport".'
		},
		{ action: { type: 'renameTheme', themeId: 't1', name: 'TRANSPORT' }, reason: null },
		{
			action: { type: 'renameTheme', themeId: 't1', name: 'Transport' },
			reason: 'The theme already has that name.'
		},
		{
			action: { type: 'renameTheme', themeId: 't9', name: 'Buses' },
			reason: 'That theme is not on this board.'
		},
		{ action: { type: 'moveToTheme', ideaId: 'i1', themeId: 't1' }, reason: null },
		{
			action: { type: 'moveToTheme', ideaId: 'i2', themeId: 't1' },
			reason: 'That idea is already in "Transport".'
		},
		{
			action: { type: 'moveToTheme', ideaId: 'i4', themeId: 't1' },
			reason: 'That idea is hidden. Unhide it first.'
		},
		{
			action: { type: 'moveToTheme', ideaId: 'i1', themeId: 't9' },
			reason: 'That theme is not on this board.'
		},
		{ action: { type: 'removeFromTheme', ideaId: 'i2' }, reason: null },
		{ action: { type: 'removeFromTheme', ideaId: 'i1' }, reason: 'That idea is not in a theme.' },
		{ action: { type: 'shortlist', item: { type: 'theme', id: 't1' } }, reason: null },
		{
			action: { type: 'shortlist', item: { type: 'idea', id: 'i2' } },
			reason: 'That is already on the shortlist.'
		},
		{
			action: { type: 'shortlist', item: { type: 'idea', id: 'i4' } },
			reason: 'That idea is hidden. Unhide it first.'
		},
		{ action: { type: 'unshortlist', item: { type: 'idea', id: 'i2' } }, reason: null },
		{
			action: { type: 'unshortlist', item: { type: 'idea', id: 'i1' } },
			reason: 'That is not on the shortlist.'
		}
	])('$action.type $action: $reason', ({ action, reason }) => {
		// The shortlist phase allows shortlisting; the others are checked in the group phase.
		const phase: Phase = action.type.includes('shortlist') ? 'shortlist' : 'group';
		expect(checkEvent(phase, state, action)).toEqual(
			reason === null ? { ok: true } : { ok: false, reason }
		);
	});

	it('applies the phase table first', () => {
		expect(checkEvent('vote', state, { type: 'merge', sourceId: 'i2', targetId: 'i1' })).toEqual({
			ok: false,
			reason:
				'Merging ideas is only possible in the ideas and grouping phases. The session is in the voting phase.'
		});
	});

	it('does not change the state it checks', () => {
		const copy = structuredClone(state);
		checkEvent('group', state, { type: 'hide', ideaId: 'i1', reason: 'Rude' });
		expect(state).toEqual(copy);
	});
});

describe('checkEvent: undo', () => {
	const state = board(
		{ type: 'merge', sourceId: 'i2', targetId: 'i1' }, // e1
		{ type: 'hide', ideaId: 'i3', reason: 'Off topic' }, // e2
		{ type: 'createTheme', themeId: 't1', name: 'Transport' }, // e3
		{ type: 'moveToTheme', ideaId: 'i4', themeId: 't1' }, // e4
		{ type: 'undo', eventId: 'e3' } // e5: undoes e3, so e4 is skipped
	);

	it.each<{ phase: Phase; eventId: string; reason: string | null }>([
		{ phase: 'group', eventId: 'e1', reason: null },
		{ phase: 'vote', eventId: 'e2', reason: null }, // hiding is allowed in voting, so is its undo
		{
			phase: 'vote',
			eventId: 'e1',
			reason:
				'That change cannot be undone now. Merging ideas is only possible in the ideas and grouping phases. The session is in the voting phase.'
		},
		{ phase: 'group', eventId: 'e5', reason: null }, // a redo
		{
			// the redo would bring back a theme, which voting does not allow
			phase: 'vote',
			eventId: 'e5',
			reason:
				'That change cannot be undone now. Creating themes is only possible in the ideas and grouping phases. The session is in the voting phase.'
		},
		{ phase: 'group', eventId: 'e3', reason: 'That change has already been undone.' },
		{
			phase: 'group',
			eventId: 'e4',
			reason: 'That change no longer has any effect, so there is nothing to undo.'
		},
		{ phase: 'group', eventId: 'e9', reason: 'That change is not in this board’s history.' },
		{
			phase: 'closed',
			eventId: 'e2',
			reason:
				'Undoing is only possible in the ideas, grouping, voting and shortlist phases. The session is in the closed phase.'
		}
	])('undo $eventId in $phase: $reason', ({ phase, eventId, reason }) => {
		expect(checkEvent(phase, state, { type: 'undo', eventId })).toEqual(
			reason === null ? { ok: true } : { ok: false, reason }
		);
	});
});

describe('lastUndoable and lastRedoable', () => {
	const hideAll: ModerationAction[] = [
		{ type: 'hide', ideaId: 'i1', reason: 'x' },
		{ type: 'hide', ideaId: 'i2', reason: 'x' }
	];

	it.each<{ name: string; extra: ModerationAction[]; undo: string | null; redo: string | null }>([
		{ name: 'nothing undone', extra: [], undo: 'e2', redo: null },
		{ name: 'after one undo', extra: [{ type: 'undo', eventId: 'e2' }], undo: 'e1', redo: 'e3' },
		{
			name: 'after two undos',
			extra: [
				{ type: 'undo', eventId: 'e2' },
				{ type: 'undo', eventId: 'e1' }
			],
			undo: null,
			redo: 'e4'
		},
		{
			// redoing e4 brings e1 back; the next redo is e3 (bringing e2 back)
			name: 'after two undos and a redo',
			extra: [
				{ type: 'undo', eventId: 'e2' },
				{ type: 'undo', eventId: 'e1' },
				{ type: 'undo', eventId: 'e4' }
			],
			undo: 'e1',
			redo: 'e3'
		},
		{
			name: 'a new change ends redo',
			extra: [
				{ type: 'undo', eventId: 'e2' },
				{ type: 'hide', ideaId: 'i3', reason: 'x' }
			],
			undo: 'e4',
			redo: null
		}
	])('$name', ({ extra, undo, redo }) => {
		const state = board(...hideAll, ...extra);
		expect([lastUndoable(state), lastRedoable(state)]).toEqual([undo, redo]);
	});

	it('has nothing to undo on a new board', () => {
		expect(lastUndoable(board())).toBeNull();
	});
});

/** Freezes a value and everything in it. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

const IDEAS5 = ideas(5);
const aLog = fc.array(arbitraryAction(), { maxLength: 25 }).map((actions) => log(...actions));

describe('replay properties', () => {
	it('is deterministic: the same rows give the same board, whatever was replayed before', () => {
		fc.assert(
			fc.property(aLog, aLog, (events, other) => {
				// The rows as the server holds them: frozen, so replay cannot write to them.
				const rows = deepFreeze({
					ideas: structuredClone(IDEAS5),
					events: structuredClone(events)
				});
				const board = applyEvents(rows.ideas, rows.events);
				const shown = structuredClone(board);
				// Another replay of the same ideas (the next change's fan-out) leaves this board
				// as it was, and the same rows read again give it again.
				applyEvents(rows.ideas, other);
				expect(board).toEqual(shown);
				expect(applyEvents(structuredClone(IDEAS5), structuredClone(events))).toEqual(shown);
			})
		);
	});

	it('undoing any event restores the board before it', () => {
		fc.assert(
			fc.property(aLog, arbitraryAction(), (events, change) => {
				const withChange = append(events, change);
				const undone = append(withChange, {
					type: 'undo',
					eventId: withChange[withChange.length - 1].id
				});
				expect(screen(applyEvents(IDEAS5, undone))).toEqual(screen(applyEvents(IDEAS5, events)));
			})
		);
	});

	it('keeps the board consistent whatever the log', () => {
		fc.assert(
			fc.property(aLog, (events) => {
				const state = applyEvents(IDEAS5, events);
				const byId = new Map(state.ideas.map((i) => [i.id, i]));
				for (const idea of state.ideas) {
					// hidden exactly when it has a hide record; merged exactly when it points somewhere
					expect(idea.hidden !== null).toBe(idea.status === 'hidden');
					expect(idea.mergedInto !== null).toBe(idea.status === 'merged');
					if (idea.mergedInto) expect(byId.has(idea.mergedInto)).toBe(true);
				}
				expect(state.ideas.map((i) => i.id)).toEqual(IDEAS5.map((i) => i.id));
				expect(new Set(state.themes.map((t) => t.name.toLowerCase())).size).toBe(
					state.themes.length
				);
				expect(state.history).toHaveLength(events.length);
			})
		);
	});

	it('never skips an event checkEvent accepted, until something is undone', () => {
		const noUndo = arbitraryAction().filter((a) => a.type !== 'undo');
		fc.assert(
			fc.property(fc.array(noUndo, { maxLength: 25 }), (actions) => {
				let events: ModerationEvent[] = [];
				for (const action of actions) {
					// The ideas phase allows every moderation action except shortlisting.
					const phase: Phase = action.type.includes('shortlist') ? 'shortlist' : 'ideas';
					if (checkEvent(phase, applyEvents(IDEAS5, events), action).ok) {
						events = append(events, action);
					}
				}
				const history = applyEvents(IDEAS5, events).history;
				expect(history.filter((r) => r.status !== 'applied')).toEqual([]);
			})
		);
	});
});

describe('replay speed', () => {
	it('replays 10,000 events over 1,000 ideas quickly', () => {
		const many = ideas(1000);
		const actions: ModerationAction[] = [];
		for (let t = 1; t <= 50; t++)
			actions.push({ type: 'createTheme', themeId: `t${t}`, name: `Theme ${t}` });
		for (let k = 0; actions.length < 10_000; k++) {
			const a = `i${(k % 1000) + 1}`;
			const b = `i${((k * 7) % 1000) + 1}`;
			switch (k % 5) {
				case 0:
					actions.push({ type: 'moveToTheme', ideaId: a, themeId: `t${(k % 50) + 1}` });
					break;
				case 1:
					actions.push({ type: 'hide', ideaId: a, reason: 'Off topic' });
					break;
				case 2:
					actions.push({ type: 'unhide', ideaId: a });
					break;
				case 3:
					actions.push({ type: 'merge', sourceId: a, targetId: b });
					break;
				default:
					actions.push({ type: 'undo', eventId: `e${actions.length}` });
			}
		}
		const events = log(...actions);
		const start = performance.now();
		const state = applyEvents(many, events);
		const ms = performance.now() - start;
		console.info(
			`replay: ${events.length} events over ${many.length} ideas in ${ms.toFixed(1)} ms`
		);
		expect(state.history).toHaveLength(10_000);
		expect(ms).toBeLessThan(500);
	});
});
