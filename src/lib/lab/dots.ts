/**
 * Dot voting: each participant has a budget of dots to spread over ideas and themes, with a
 * limit on any one item. Dots are stored one row per dot (not as events): placing inserts a
 * row, taking one back deletes a row.
 *
 * A dot counts for the item it was placed on, except that a dot on an idea that was later
 * merged counts for the idea it was merged into. The per-item limit is applied to that
 * counted item, so merging two ideas never lets anyone add more dots to the pair; dots a
 * merge brings together are kept, even above the limit, because nobody did anything wrong.
 * Dots on an idea that is later hidden stay where they are and still use the budget (so
 * unhiding can never push anyone over it); the participant can take them back and place
 * them again. A dot placed on a merged idea is stored on the idea it joined, so it stays there
 * if the merge is later undone (merging stops once voting opens, so this is rare).
 */
import type { ItemRef } from './ideas';
import { sameItem } from './ideas';
import { rootIdea, type BoardIdea, type BoardState } from './moderation';
import { refuse, type Outcome } from './verdict';

/** One dot. `id` is the row id when it came from the database. */
export interface Dot {
	id?: string;
	participantId: string;
	item: ItemRef;
}

export interface DotRules {
	/** Dots each participant may place in all. */
	perParticipant: number;
	/** Dots one participant may place on any one item. */
	perItem: number;
}

export const DEFAULT_DOT_RULES: DotRules = { perParticipant: 5, perItem: 2 };

/** Looks up where dots count: built once per call so whole-board work stays linear. */
export interface DotIndex {
	ideas: ReadonlyMap<string, BoardIdea>;
	themes: ReadonlySet<string>;
}

/** An index of the board for dot and ranking work. */
export function dotIndex(board: BoardState): DotIndex {
	return {
		ideas: new Map(board.ideas.map((i) => [i.id, i])),
		themes: new Set(board.themes.map((t) => t.id))
	};
}

/**
 * The item a dot on `item` counts for: the idea at the end of its merges, or the item itself
 * (a theme, or anything no longer on the board).
 */
export function countedItem(index: DotIndex, item: ItemRef): ItemRef {
	if (item.type === 'theme') return item;
	const root = rootIdea(index.ideas, item.id);
	return root ? { type: 'idea', id: root.id } : item;
}

/** Why dots cannot go on this (counted) item now, in words for the participant. */
function closedReason(index: DotIndex, counted: ItemRef): string | null {
	if (counted.type === 'theme') {
		return index.themes.has(counted.id) ? null : 'That theme is no longer on the board.';
	}
	const idea = index.ideas.get(counted.id);
	if (!idea) return 'That idea is not on the board.';
	return idea.status === 'hidden' ? 'The facilitator has taken that idea off the board.' : null;
}

function plural(n: number, one: string): string {
	return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * Places one of `participantId`'s dots on `item`, or says why not. The returned dot names the
 * counted item (a dot on a merged idea is stored on the idea it joined). Check
 * `canDo(phase, paused, 'placeDot', 'participant')` first.
 */
export function placeDot(
	dots: readonly Dot[],
	participantId: string,
	item: ItemRef,
	board: BoardState,
	rules: DotRules = DEFAULT_DOT_RULES
): Outcome<{ dot: Dot; dots: Dot[] }> {
	const index = dotIndex(board);
	const counted = countedItem(index, item);
	const closed = closedReason(index, counted);
	if (closed) return refuse(closed);
	let used = 0;
	let onItem = 0;
	for (const dot of dots) {
		if (dot.participantId !== participantId) continue;
		used++;
		if (sameItem(countedItem(index, dot.item), counted)) onItem++;
	}
	if (used >= rules.perParticipant) {
		return refuse('You have no dots left. Take one back to place it somewhere else.');
	}
	if (onItem >= rules.perItem) {
		return refuse(
			`You can put at most ${plural(rules.perItem, 'dot')} on one ${counted.type === 'theme' ? 'theme' : 'idea'}.`
		);
	}
	const dot: Dot = { participantId, item: counted };
	return { ok: true, value: { dot, dots: [...dots, dot] } };
}

/**
 * Takes back one of `participantId`'s dots from `item` (or from an idea merged into it),
 * or says why not. Works on hidden ideas and removed themes too, so no dot is ever stuck.
 * Prefers a dot placed on exactly that item, and the most recently placed. The server deletes
 * the row of the returned `removed` dot.
 */
export function removeDot(
	dots: readonly Dot[],
	participantId: string,
	item: ItemRef,
	board: BoardState
): Outcome<{ removed: Dot; dots: Dot[] }> {
	const index = dotIndex(board);
	const counted = countedItem(index, item);
	let exact = -1;
	let related = -1;
	dots.forEach((dot, i) => {
		if (dot.participantId !== participantId) return;
		if (sameItem(dot.item, item)) exact = i;
		else if (sameItem(countedItem(index, dot.item), counted)) related = i;
	});
	const at = exact >= 0 ? exact : related;
	if (at < 0)
		return refuse(`You have no dots on that ${item.type === 'theme' ? 'theme' : 'idea'}.`);
	return { ok: true, value: { removed: dots[at], dots: dots.filter((_, i) => i !== at) } };
}

/** One participant's dots, for their phone: how many are left and where the others are. */
export interface DotSummary {
	used: number;
	left: number;
	/** Per counted item, how many of their dots are on it; `open` is false if it was hidden or removed. */
	items: { item: ItemRef; count: number; open: boolean }[];
}

/** Summarises `participantId`'s dots against the budget. */
export function dotSummary(
	dots: readonly Dot[],
	participantId: string,
	board: BoardState,
	rules: DotRules = DEFAULT_DOT_RULES
): DotSummary {
	const index = dotIndex(board);
	const items: DotSummary['items'] = [];
	let used = 0;
	for (const dot of dots) {
		if (dot.participantId !== participantId) continue;
		used++;
		const counted = countedItem(index, dot.item);
		const entry = items.find((e) => sameItem(e.item, counted));
		if (entry) entry.count++;
		else items.push({ item: counted, count: 1, open: closedReason(index, counted) === null });
	}
	return { used, left: Math.max(0, rules.perParticipant - used), items };
}
