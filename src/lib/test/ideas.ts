/** Builders for the lab's tests: short ideas and event logs without the boilerplate. */
import fc from 'fast-check';
import type { ModerationAction, ModerationEvent } from '../lab/events';
import type { Idea } from '../lab/ideas';

/** An idea `id` posted at `postedAt` (default: its number in seconds, so i1 < i2 < ...). */
export function idea(id: string, over: Partial<Idea> = {}): Idea {
	const n = Number(id.replace(/\D/g, '')) || 0;
	return {
		id,
		text: `Idea ${id}`,
		kind: 'savesMoney',
		contribution: null,
		participantId: `p-${id}`,
		role: null,
		promptId: 'q1',
		postedAt: n * 1000,
		...over
	};
}

/** Ideas i1..in. */
export function ideas(n: number): Idea[] {
	return Array.from({ length: n }, (_, k) => idea(`i${k + 1}`));
}

/** A log from actions: ids e1, e2, ... and times 1000001, 1000002, ... in order. */
export function log(...actions: ModerationAction[]): ModerationEvent[] {
	return actions.map((a, k) => ({ ...a, id: `e${k + 1}`, at: 1_000_001 + k }));
}

/** Appends actions to a log, continuing its ids and times. */
export function append(
	events: readonly ModerationEvent[],
	...actions: ModerationAction[]
): ModerationEvent[] {
	const start = events.length;
	return [
		...events,
		...actions.map((a, k) => ({ ...a, id: `e${start + k + 1}`, at: 1_000_001 + start + k }))
	];
}

// Small pools so that random events often collide: merging what is hidden, undoing undos...
export const ARBITRARY_IDEA_IDS = ['i1', 'i2', 'i3', 'i4', 'i5'];
const themeIds = ['t1', 't2'];
const anIdea = fc.constantFrom(...ARBITRARY_IDEA_IDS);
const aTheme = fc.constantFrom(...themeIds);
const anItem = fc.oneof(
	anIdea.map((id) => ({ type: 'idea' as const, id })),
	aTheme.map((id) => ({ type: 'theme' as const, id }))
);

/** Any moderation action, undo naming any of the first `maxEvents` events. */
export function arbitraryAction(maxEvents = 25): fc.Arbitrary<ModerationAction> {
	return fc.oneof(
		fc.record({
			type: fc.constant('hide' as const),
			ideaId: anIdea,
			reason: fc.constantFrom('Rude', 'Off topic')
		}),
		fc.record({ type: fc.constant('unhide' as const), ideaId: anIdea }),
		fc.record({ type: fc.constant('merge' as const), sourceId: anIdea, targetId: anIdea }),
		fc.record({
			type: fc.constant('createTheme' as const),
			themeId: aTheme,
			name: fc.constantFrom('Transport', 'Buses', 'Food')
		}),
		fc.record({
			type: fc.constant('renameTheme' as const),
			themeId: aTheme,
			name: fc.constantFrom('Transport', 'Buses', 'Food')
		}),
		fc.record({ type: fc.constant('moveToTheme' as const), ideaId: anIdea, themeId: aTheme }),
		fc.record({ type: fc.constant('removeFromTheme' as const), ideaId: anIdea }),
		fc.record({ type: fc.constant('shortlist' as const), item: anItem }),
		fc.record({ type: fc.constant('unshortlist' as const), item: anItem }),
		fc.record({
			type: fc.constant('undo' as const),
			eventId: fc.integer({ min: 1, max: maxEvents }).map((n) => `e${n}`)
		})
	);
}
