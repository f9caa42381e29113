/**
 * The rules of each moderation event against the board as it stands: when an event may be
 * applied (with the reason when not) and what applying it changes. `board.ts` replays the log
 * through these; the same checks run before the server stores a new event.
 */
import type { ModerationAction, ModerationEvent, ModerationType } from './events';
import type { Idea, ItemRef } from './ideas';
import { sameItem } from './ideas';
import { ALLOWED, refuse, type Verdict } from './verdict';

/** How an idea stands after moderation. */
export type IdeaStatus = 'visible' | 'hidden' | 'merged';

/** An idea with what moderation did to it. */
export interface BoardIdea extends Idea {
	status: IdeaStatus;
	/** Set while hidden: why, and by which event (kept for the export). */
	hidden: { reason: string; eventId: string; at: number; by: string | null } | null;
	/** The idea this one was merged into (directly), and the merge event to undo it. */
	mergedInto: string | null;
	mergeEventId: string | null;
	/** The theme it sits in. Kept while hidden or merged, so unhiding or unmerging restores it. */
	themeId: string | null;
}

export interface Theme {
	id: string;
	name: string;
	/** When it was created (epoch ms) and by which event. */
	createdAt: number;
	eventId: string;
}

/** What became of one stored event on replay. */
export interface EventRecord {
	id: string;
	type: ModerationType;
	/** applied: in effect; undone: reverted by an undo in effect; skipped: no longer applies. */
	status: 'applied' | 'undone' | 'skipped';
	/** For an undo, the event it targets. */
	targetId: string | null;
	/** For a skipped event, why. */
	reason: string | null;
}

/** The board after replaying the log. */
export interface BoardState {
	/** Every idea, in the order given (posting order), hidden and merged ones included. */
	ideas: BoardIdea[];
	/** Themes in the order they were created. */
	themes: Theme[];
	/** Items picked for the shortlist, in the order picked. */
	shortlist: ItemRef[];
	/** One record per stored event, in order: feeds the undo menu and the audit view. */
	history: EventRecord[];
}

/** The board while a replay is running: maps for constant-time lookups. */
export interface Draft {
	ideas: Map<string, BoardIdea>;
	themes: Map<string, Theme>;
	shortlist: ItemRef[];
}

/** A draft from a finished board (copies, so the state passed in is never changed). */
export function draftOf(state: BoardState): Draft {
	return {
		ideas: new Map(state.ideas.map((i) => [i.id, { ...i }])),
		themes: new Map(state.themes.map((t) => [t.id, { ...t }])),
		shortlist: [...state.shortlist]
	};
}

/** A fresh board draft: every idea visible and ungrouped. */
export function freshDraft(ideas: readonly Idea[]): Draft {
	const map = new Map<string, BoardIdea>();
	for (const idea of ideas) {
		map.set(idea.id, {
			...idea,
			status: 'visible',
			hidden: null,
			mergedInto: null,
			mergeEventId: null,
			themeId: null
		});
	}
	return { ideas: map, themes: new Map(), shortlist: [] };
}

function sameName(a: string, b: string): boolean {
	return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

function nameTaken(draft: Draft, name: string, except: string | null): Theme | undefined {
	for (const theme of draft.themes.values()) {
		if (theme.id !== except && sameName(theme.name, name)) return theme;
	}
	return undefined;
}

/** Why an idea cannot be regrouped, shortlisted or merged, or null if it can. */
function notLive(idea: BoardIdea): string | null {
	if (idea.status === 'hidden') return 'That idea is hidden. Unhide it first.';
	if (idea.status === 'merged') {
		return 'That idea has been merged into another. Use the idea it was merged into.';
	}
	return null;
}

const NO_IDEA = 'That idea is not on this board.';
const NO_THEME = 'That theme is not on this board.';

/** Whether an item can take dots and a place on the shortlist: a visible idea or a theme. */
export function liveItemRefusal(draft: Draft, item: ItemRef): string | null {
	if (item.type === 'theme') return draft.themes.has(item.id) ? null : NO_THEME;
	const idea = draft.ideas.get(item.id);
	return idea ? notLive(idea) : NO_IDEA;
}

/**
 * Whether `action` may be applied to the board as it stands. Undo is not checked here: it
 * depends on the log, not the board (see `checkEvent` in board.ts).
 */
export function checkAction(
	draft: Draft,
	action: Exclude<ModerationAction, { type: 'undo' }>
): Verdict {
	switch (action.type) {
		case 'hide': {
			const idea = draft.ideas.get(action.ideaId);
			if (!idea) return refuse(NO_IDEA);
			if (idea.status === 'hidden') return refuse('That idea is already hidden.');
			if (idea.status === 'merged') {
				// Its dots already count for the idea it joined; hide that one, or undo the merge.
				return refuse(
					'That idea is merged into another. Undo the merge first, or hide the other idea.'
				);
			}
			return ALLOWED;
		}
		case 'unhide': {
			const idea = draft.ideas.get(action.ideaId);
			if (!idea) return refuse(NO_IDEA);
			return idea.status === 'hidden' ? ALLOWED : refuse('That idea is not hidden.');
		}
		case 'merge': {
			if (action.sourceId === action.targetId)
				return refuse('An idea cannot be merged into itself.');
			const source = draft.ideas.get(action.sourceId);
			const target = draft.ideas.get(action.targetId);
			if (!source || !target) return refuse(NO_IDEA);
			const why = notLive(source) ?? notLive(target);
			return why ? refuse(why) : ALLOWED;
		}
		case 'createTheme': {
			if (draft.themes.has(action.themeId)) return refuse('That theme already exists.');
			const taken = nameTaken(draft, action.name, null);
			return taken ? refuse(`There is already a theme called "${taken.name}".`) : ALLOWED;
		}
		case 'renameTheme': {
			const theme = draft.themes.get(action.themeId);
			if (!theme) return refuse(NO_THEME);
			if (theme.name === action.name.trim()) return refuse('The theme already has that name.');
			const taken = nameTaken(draft, action.name, theme.id);
			return taken ? refuse(`There is already a theme called "${taken.name}".`) : ALLOWED;
		}
		case 'moveToTheme': {
			const idea = draft.ideas.get(action.ideaId);
			if (!idea) return refuse(NO_IDEA);
			const theme = draft.themes.get(action.themeId);
			if (!theme) return refuse(NO_THEME);
			const why = notLive(idea);
			if (why) return refuse(why);
			return idea.themeId === theme.id
				? refuse(`That idea is already in "${theme.name}".`)
				: ALLOWED;
		}
		case 'removeFromTheme': {
			const idea = draft.ideas.get(action.ideaId);
			if (!idea) return refuse(NO_IDEA);
			const why = notLive(idea);
			if (why) return refuse(why);
			return idea.themeId === null ? refuse('That idea is not in a theme.') : ALLOWED;
		}
		case 'shortlist': {
			const why = liveItemRefusal(draft, action.item);
			if (why) return refuse(why);
			return draft.shortlist.some((s) => sameItem(s, action.item))
				? refuse('That is already on the shortlist.')
				: ALLOWED;
		}
		case 'unshortlist':
			return draft.shortlist.some((s) => sameItem(s, action.item))
				? ALLOWED
				: refuse('That is not on the shortlist.');
	}
}

/** Applies an event that `checkAction` allowed, changing the draft in place. */
export function applyAction(draft: Draft, event: ModerationEvent): void {
	switch (event.type) {
		case 'hide': {
			const idea = draft.ideas.get(event.ideaId)!;
			idea.status = 'hidden';
			idea.hidden = { reason: event.reason, eventId: event.id, at: event.at, by: event.by ?? null };
			return;
		}
		case 'unhide': {
			const idea = draft.ideas.get(event.ideaId)!;
			idea.status = 'visible';
			idea.hidden = null;
			return;
		}
		case 'merge': {
			const idea = draft.ideas.get(event.sourceId)!;
			idea.status = 'merged';
			idea.mergedInto = event.targetId;
			idea.mergeEventId = event.id;
			return;
		}
		case 'createTheme':
			draft.themes.set(event.themeId, {
				id: event.themeId,
				name: event.name.trim(),
				createdAt: event.at,
				eventId: event.id
			});
			return;
		case 'renameTheme':
			draft.themes.get(event.themeId)!.name = event.name.trim();
			return;
		case 'moveToTheme':
			draft.ideas.get(event.ideaId)!.themeId = event.themeId;
			return;
		case 'removeFromTheme':
			draft.ideas.get(event.ideaId)!.themeId = null;
			return;
		case 'shortlist':
			draft.shortlist.push({ type: event.item.type, id: event.item.id });
			return;
		case 'unshortlist':
			draft.shortlist = draft.shortlist.filter((s) => !sameItem(s, event.item));
			return;
		case 'undo':
			// Undo events work on the log, not the board: replay leaves out what they revert.
			return;
	}
}

/**
 * The idea whose total an idea's dots count towards: itself, or (following merges) the idea
 * it was finally merged into.
 */
export function rootIdea(
	ideas: ReadonlyMap<string, BoardIdea>,
	ideaId: string
): BoardIdea | undefined {
	let idea = ideas.get(ideaId);
	// Merges only ever target an unmerged idea, so chains are short and acyclic; the bound is a
	// guard against a hand-edited log, not part of the rule.
	for (let hops = 0; idea?.mergedInto && hops <= ideas.size; hops++) {
		idea = ideas.get(idea.mergedInto);
	}
	return idea;
}
