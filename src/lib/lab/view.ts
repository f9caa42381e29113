/**
 * What everyone in the room may see of a lab (the projector and every phone), and the live
 * events that keep it current.
 *
 * The server sends one `snapshot` when a screen connects and after any change that reshapes
 * the board (moderation, phase, pause, countdown); the frequent changes travel as small
 * deltas (`idea`, `joined`, `dots`). Every event carries the lab's version: each change to a
 * lab adds one, so a screen that sees a version jump knows it missed something and asks for a
 * fresh snapshot instead of showing a wrong board. Hidden ideas, who placed which dot and
 * hide reasons are never in the view: they are for the facilitator and the export.
 */
import type { Dot } from './dots';
import type { IdeaKind, ItemRef, Participant, ParticipantRole } from './ideas';
import type { BoardIdea, BoardState } from './moderation';
import type { Phase } from './phases';
import { rankItems, type RoleSplit } from './ranking';

/** A question the lab asks; ids are stable within a lab (`p1`, `p2`, ...). */
export interface Prompt {
	id: string;
	text: string;
	/** The Welsh, once staff have added it. */
	textCy?: string;
}

/** A lab's settings as screens need them. */
export interface LabSettings {
	id: number;
	title: string;
	titleCy: string | null;
	code: string;
	prompts: Prompt[];
	kinds: IdeaKind[];
	rolesEnabled: boolean;
	dotsPerParticipant: number;
	maxDotsPerIdea: number;
}

/** A participant as the view needs them: the ranking's fields plus an optional display name. */
export interface NamedParticipant extends Participant {
	name: string | null;
}

/** A visible idea on the board. */
export interface ViewIdea {
	id: string;
	text: string;
	kind: IdeaKind;
	contribution: string | null;
	role: ParticipantRole | null;
	/** The poster's display name, if they gave one. */
	name: string | null;
	promptId: string;
	themeId: string | null;
	postedAt: number;
	/** Texts of the duplicates merged into it. */
	also: string[];
}

export interface ViewTheme {
	id: string;
	name: string;
}

/** A row of the results (shortlist and closed phases). */
export interface ViewRank {
	rank: number;
	type: 'idea' | 'theme';
	id: string;
	label: string;
	dots: number;
	byRole: RoleSplit;
	voters: number;
	shortlisted: boolean;
}

/** Phases in which dot totals are on show. */
const DOT_PHASES: readonly Phase[] = ['vote', 'shortlist', 'closed'];
/** Phases in which the ranked results are on show. */
const RESULT_PHASES: readonly Phase[] = ['shortlist', 'closed'];

export interface BoardView {
	version: number;
	lab: LabSettings;
	phase: Phase;
	paused: boolean;
	/** Epoch ms when the countdown ends, or null. */
	countdownEndsAt: number | null;
	participantCount: number;
	/** Ideas posted and still on the board (hidden ones left out, merged ones counted). */
	ideaCount: number;
	/** Visible ideas in posting order. */
	ideas: ViewIdea[];
	themes: ViewTheme[];
	/** Dots per item key (`idea:12`, `theme:3`) from the vote phase on; empty before. */
	dots: Record<string, number>;
	dotsPlaced: number;
	/** Ranked results in the shortlist and closed phases; empty before. */
	ranking: ViewRank[];
	/** Item keys on the shortlist, in the order picked. */
	shortlist: string[];
}

/** The key of an item in `dots` and `shortlist`. */
export function itemKey(item: ItemRef): string {
	return `${item.type}:${item.id}`;
}

/** The item a key names (the inverse of `itemKey`). */
export function parseItemKey(key: string): ItemRef | null {
	const at = key.indexOf(':');
	const type = key.slice(0, at);
	if (at < 1 || (type !== 'idea' && type !== 'theme')) return null;
	return { type, id: key.slice(at + 1) };
}

/** An idea as the view shows it. */
export function viewIdea(
	idea: Pick<
		BoardIdea,
		'id' | 'text' | 'kind' | 'contribution' | 'role' | 'promptId' | 'themeId' | 'postedAt'
	>,
	name: string | null,
	also: string[] = []
): ViewIdea {
	return {
		id: idea.id,
		text: idea.text,
		kind: idea.kind,
		contribution: idea.contribution,
		role: idea.role,
		name,
		promptId: idea.promptId,
		themeId: idea.themeId,
		postedAt: idea.postedAt,
		also
	};
}

export interface ViewInput {
	version: number;
	lab: LabSettings;
	phase: Phase;
	paused: boolean;
	countdownEndsAt: number | null;
	board: BoardState;
	dots: readonly Dot[];
	participants: readonly NamedParticipant[];
}

/** The public view of a board. */
export function boardView(input: ViewInput): BoardView {
	const { board, dots, participants, phase } = input;
	const names = new Map(participants.map((p) => [p.id, p.name]));
	const also = new Map<string, string[]>();
	for (const idea of board.ideas) {
		if (idea.status !== 'merged' || !idea.mergedInto) continue;
		const list = also.get(idea.mergedInto) ?? [];
		list.push(idea.text);
		also.set(idea.mergedInto, list);
	}
	const ideas = board.ideas
		.filter((i) => i.status === 'visible')
		.map((i) => viewIdea(i, names.get(i.participantId) ?? null, also.get(i.id) ?? []));
	const showDots = DOT_PHASES.includes(phase);
	const ranked = showDots ? rankItems(board, dots, participants) : [];
	const dotTotals: Record<string, number> = {};
	for (const r of ranked) if (r.dots > 0) dotTotals[itemKey(r.item)] = r.dots;
	return {
		version: input.version,
		lab: input.lab,
		phase,
		paused: input.paused,
		countdownEndsAt: input.countdownEndsAt,
		participantCount: participants.length,
		ideaCount: board.ideas.filter((i) => i.status !== 'hidden').length,
		ideas,
		themes: board.themes.map((t) => ({ id: t.id, name: t.name })),
		dots: dotTotals,
		dotsPlaced: showDots ? dots.length : 0,
		ranking: RESULT_PHASES.includes(phase)
			? ranked.map((r) => ({
					rank: r.rank,
					type: r.item.type,
					id: r.item.id,
					label: r.label,
					dots: r.dots,
					byRole: r.byRole,
					voters: r.voters,
					shortlisted: r.shortlisted
				}))
			: [],
		shortlist: board.shortlist.map(itemKey)
	};
}

/** What the live stream carries. `version` is the lab's version after the change. */
export type LiveEvent =
	| { type: 'snapshot'; version: number; view: BoardView }
	| { type: 'idea'; version: number; idea: ViewIdea }
	| { type: 'joined'; version: number; participantCount: number }
	| { type: 'dots'; version: number; key: string; dots: number; dotsPlaced: number };

/**
 * Applies a live event to the view a screen shows. Old events (already in the view) are
 * ignored; a gap in versions means an event was missed, so the view is kept and `resync`
 * asks the caller to fetch a fresh snapshot.
 */
export function applyLiveEvent(
	view: BoardView,
	event: LiveEvent
): { view: BoardView; resync: boolean } {
	if (event.type === 'snapshot') {
		return { view: event.version >= view.version ? event.view : view, resync: false };
	}
	if (event.version <= view.version) return { view, resync: false };
	if (event.version !== view.version + 1) return { view, resync: true };
	const version = event.version;
	switch (event.type) {
		case 'idea':
			if (view.ideas.some((i) => i.id === event.idea.id)) return { view, resync: false };
			return {
				view: {
					...view,
					version,
					ideas: [...view.ideas, event.idea],
					ideaCount: view.ideaCount + 1
				},
				resync: false
			};
		case 'joined':
			return {
				view: { ...view, version, participantCount: event.participantCount },
				resync: false
			};
		case 'dots': {
			const dots = { ...view.dots };
			if (event.dots > 0) dots[event.key] = event.dots;
			else delete dots[event.key];
			return { view: { ...view, version, dots, dotsPlaced: event.dotsPlaced }, resync: false };
		}
	}
}

/** The newest `n` ideas, newest first (the projector in the ideas phase). */
export function latestIdeas(view: BoardView, n: number): ViewIdea[] {
	return view.ideas.slice(-n).reverse();
}

/** Something dots can go on, as a phone or the projector lists it in the vote phase. */
export interface VoteItem {
	key: string;
	type: 'idea' | 'theme';
	id: string;
	label: string;
	/** For a theme, its ideas' texts; for an idea, its theme's name (or null). */
	detail: string[];
	theme: string | null;
	dots: number;
}

/**
 * Themes and visible ideas with their dots, themes first then ideas in posting order, or
 * (`byDots`) most dots first with that order breaking ties.
 */
export function voteItems(view: BoardView, byDots = false): VoteItem[] {
	const themeNames = new Map(view.themes.map((t) => [t.id, t.name]));
	const items: VoteItem[] = [
		...view.themes.map((t) => ({
			key: `theme:${t.id}`,
			type: 'theme' as const,
			id: t.id,
			label: t.name,
			detail: view.ideas.filter((i) => i.themeId === t.id).map((i) => i.text),
			theme: null,
			dots: view.dots[`theme:${t.id}`] ?? 0
		})),
		...view.ideas.map((i) => ({
			key: `idea:${i.id}`,
			type: 'idea' as const,
			id: i.id,
			label: i.text,
			detail: [],
			theme: i.themeId === null ? null : (themeNames.get(i.themeId) ?? null),
			dots: view.dots[`idea:${i.id}`] ?? 0
		}))
	];
	if (!byDots) return items;
	return items
		.map((item, order) => ({ item, order }))
		.sort((a, b) => b.item.dots - a.item.dots || a.order - b.order)
		.map(({ item }) => item);
}

/** Ideas grouped for display: each theme with its visible ideas, then the ungrouped ones. */
export function groupedIdeas(view: BoardView): { theme: ViewTheme | null; ideas: ViewIdea[] }[] {
	const groups = view.themes.map((theme) => ({
		theme: theme as ViewTheme | null,
		ideas: view.ideas.filter((i) => i.themeId === theme.id)
	}));
	const themeIds = new Set(view.themes.map((t) => t.id));
	const loose = view.ideas.filter((i) => i.themeId === null || !themeIds.has(i.themeId));
	if (loose.length) groups.push({ theme: null, ideas: loose });
	return groups;
}
