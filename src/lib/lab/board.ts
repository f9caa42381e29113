/**
 * # The lab board: an append-only moderation log, replayed
 *
 * For the server engineer. A lab's board is two lists the server stores and one it derives:
 *
 * - **Ideas** (`Idea[]`, ideas.ts): one row each, in posting order, never edited or deleted.
 * - **Moderation events** (`ModerationEvent[]`, events.ts): one row each, in the order the
 *   server accepted them (an autoincrement column), never edited or deleted. Types: `hide`
 *   (with a reason), `unhide`, `merge` (source into target), `createTheme`, `renameTheme`,
 *   `moveToTheme`, `removeFromTheme`, `shortlist`, `unshortlist`, and `undo` (names the event
 *   it reverts).
 * - **The board** (`BoardState`) = `applyEvents(ideas, events)`. Nothing else is stored: a
 *   hidden idea is an idea plus a hide event, so the idea and its reason are always in the
 *   export, and every change can be undone.
 *
 * Undo appends; it never deletes. An `undo` event switches its target off; an undo of an undo
 * (a redo) switches it back on. Replay first works out which events are in effect (one pass
 * from the end, since an undo always follows its target), then applies those in order. An
 * event that no longer makes sense because an earlier one was undone (moving an idea into a
 * theme whose creation was undone) is skipped, with its reason, in `history`; undoing that
 * undo brings it back. So `applyEvents(ideas, [...log, e, undo(e)])` shows the same board
 * (ideas, themes, shortlist; `history` keeps both records) as `applyEvents(ideas, log)` for
 * any `e`, and replay is deterministic: same rows, same board.
 *
 * To accept a facilitator's change the server:
 * 1. loads the ideas and events, `state = applyEvents(ideas, events)`;
 * 2. `checkEvent(session.phase, state, action)`: if refused, `fail(400)` with the reason;
 *    for "undo the last change" resolve the id first with `lastUndoable(state)` (or
 *    `lastRedoable(state)` for redo);
 * 3. inserts the event (new id, `at` = now) and replays for the fan-out.
 * Replaying 10,000 events over 1,000 ideas takes a few milliseconds (see board.test.ts), so
 * there is no snapshot to keep in step.
 *
 * Dots (dots.ts) are a separate table, not events: a participant's dot placements are theirs
 * to move while voting is open. Phase, pause and countdown (phases.ts, countdown.ts) live on
 * the lab row.
 *
 * A participant's request goes: `canDo(phase, paused, action, 'participant')`, then for a
 * post `postIdeaSchemaFor(lab)` and `checkPostRate(recentPostTimes, now)`, for a dot
 * `placeDot`/`removeDot` (which check the budget against the dots table).
 */
import type { ModerationAction, ModerationEvent, ModerationType } from './events';
import type { Idea } from './ideas';
import { canDo, type Phase } from './phases';
import {
	applyAction,
	checkAction,
	draftOf,
	freshDraft,
	type BoardIdea,
	type BoardState,
	type EventRecord,
	type Theme
} from './moderation';
import { refuse, type Verdict } from './verdict';

function targetIndexes(events: readonly ModerationEvent[]): {
	firstIndex: Map<string, number>;
	target: Int32Array;
} {
	const firstIndex = new Map<string, number>();
	const target = new Int32Array(events.length).fill(-1);
	events.forEach((event, i) => {
		// A repeated id is a storage fault; the repeat is skipped and must not undo anything.
		if (firstIndex.has(event.id)) return;
		if (event.type === 'undo') {
			const t = firstIndex.get(event.eventId);
			// Only an earlier event can be undone; anything else is a no-op.
			if (t !== undefined) target[i] = t;
		}
		firstIndex.set(event.id, i);
	});
	return { firstIndex, target };
}

/**
 * Replays the moderation log over the ideas.
 * @param ideas every idea of the lab, in posting order
 * @param events every moderation event of the lab, in the order the server accepted them
 */
export function applyEvents(
	ideas: readonly Idea[],
	events: readonly ModerationEvent[]
): BoardState {
	const { firstIndex, target } = targetIndexes(events);
	// Which events are in effect: an event is switched off by any later undo that is itself in
	// effect. Walking backwards settles each undo before the events it targets.
	const active = new Uint8Array(events.length).fill(1);
	for (let j = events.length - 1; j >= 0; j--) {
		if (active[j] && target[j] >= 0) active[target[j]] = 0;
	}
	const draft = freshDraft(ideas);
	const history: EventRecord[] = [];
	events.forEach((event, i) => {
		const record: EventRecord = {
			id: event.id,
			type: event.type,
			status: 'applied',
			targetId: event.type === 'undo' ? event.eventId : null,
			reason: null
		};
		history.push(record);
		if (firstIndex.get(event.id) !== i) {
			record.status = 'skipped';
			record.reason = 'Another change already has this id.';
		} else if (!active[i]) {
			record.status = 'undone';
		} else if (event.type === 'undo') {
			if (target[i] < 0) {
				record.status = 'skipped';
				record.reason = 'The change it undoes is not earlier in the history.';
			}
		} else {
			const verdict = checkAction(draft, event);
			if (verdict.ok) applyAction(draft, event);
			else {
				record.status = 'skipped';
				record.reason = verdict.reason;
			}
		}
	});
	return {
		ideas: ideas.map((idea) => draft.ideas.get(idea.id)!),
		themes: [...draft.themes.values()],
		shortlist: draft.shortlist,
		history
	};
}

/** The action an undo finally reverts (following undo-of-undo), for the phase check. */
function underlyingType(state: BoardState, eventId: string): ModerationType | null {
	const byId = new Map(state.history.map((r) => [r.id, r]));
	let record = byId.get(eventId);
	for (let hops = 0; record?.type === 'undo' && hops <= byId.size; hops++) {
		record = record.targetId === null ? undefined : byId.get(record.targetId);
	}
	return record?.type ?? null;
}

/**
 * Whether the facilitator may add `action` to the log now: the phase allows it, and the
 * board (or, for undo, the history) makes sense of it. Call before storing the event.
 */
export function checkEvent(phase: Phase, state: BoardState, action: ModerationAction): Verdict {
	// Moderation is the facilitator's; a pause only stops participants.
	const phaseVerdict = canDo(phase, false, action.type, 'facilitator');
	if (!phaseVerdict.ok) return phaseVerdict;
	if (action.type !== 'undo') return checkAction(draftOf(state), action);
	const record = state.history.find((r) => r.id === action.eventId);
	if (!record) return refuse('That change is not in this board’s history.');
	if (record.status === 'undone') return refuse('That change has already been undone.');
	if (record.status === 'skipped') {
		return refuse('That change no longer has any effect, so there is nothing to undo.');
	}
	const original = underlyingType(state, action.eventId);
	if (original && original !== 'undo') {
		const allowed = canDo(phase, false, original, 'facilitator');
		if (!allowed.ok) return refuse(`That change cannot be undone now. ${allowed.reason}`);
	}
	return { ok: true };
}

/** The id of the change "Undo" should revert: the latest one still in effect, or null. */
export function lastUndoable(state: BoardState): string | null {
	for (let i = state.history.length - 1; i >= 0; i--) {
		const r = state.history[i];
		if (r.status === 'applied' && r.type !== 'undo') return r.id;
	}
	return null;
}

/**
 * The id of the undo "Redo" should revert, or null. Like an editor, redo is only offered
 * until the facilitator makes a new change.
 */
export function lastRedoable(state: BoardState): string | null {
	const types = new Map(state.history.map((r) => [r.id, r.type]));
	for (let i = state.history.length - 1; i >= 0; i--) {
		const r = state.history[i];
		if (r.status !== 'applied') continue;
		if (r.type !== 'undo') return null;
		// A redo is itself an undo (of an undo); skip those to reach the next plain undo.
		if (r.targetId !== null && types.get(r.targetId) !== 'undo') return r.id;
	}
	return null;
}

/** Visible ideas in a theme, in posting order. */
export function ideasInTheme(state: BoardState, themeId: string): BoardIdea[] {
	return state.ideas.filter((i) => i.status === 'visible' && i.themeId === themeId);
}

/** Visible ideas in no theme, in posting order. */
export function ungroupedIdeas(state: BoardState): BoardIdea[] {
	return state.ideas.filter((i) => i.status === 'visible' && i.themeId === null);
}

/** Ideas merged directly into `ideaId`, shown under it as "merged". */
export function mergedInto(state: BoardState, ideaId: string): BoardIdea[] {
	return state.ideas.filter((i) => i.mergedInto === ideaId);
}

/** A theme by id. */
export function findTheme(state: BoardState, themeId: string): Theme | undefined {
	return state.themes.find((t) => t.id === themeId);
}
