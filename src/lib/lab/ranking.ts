/**
 * The shortlist ranking: every visible idea and every theme, by dots.
 *
 * - An idea's dots include the dots on every idea merged into it, and the people who posted
 *   those duplicates count among its posters: a merge says they had the same idea.
 * - A theme counts the dots placed on the theme itself (`themeScore: 'own'`, the default).
 *   Its ideas stay in the ranking as rows of their own, so adding their dots to the theme
 *   as well would count the same dot twice in one list. A facilitator who ran the vote on
 *   themes and ideas together and wants the theme as a whole can ask for
 *   `themeScore: 'withIdeas'`: own dots plus the dots of its visible ideas.
 * - Hidden ideas, and dots on them, are left out (they stay in the export).
 * - Ties are broken by who came first: an idea's posting time, a theme's creation time; at the
 *   same moment an idea before a theme, then the order given. So ranks are 1, 2, 3... with no
 *   shared places, and the same inputs always give the same order.
 */
import type { Dot } from './dots';
import { countedItem, dotIndex } from './dots';
import type { ItemRef, Participant, ParticipantRole } from './ideas';
import { PARTICIPANT_ROLES, sameItem } from './ideas';
import type { BoardState } from './moderation';

export type ThemeScore = 'own' | 'withIdeas';

export interface RankOptions {
	themeScore?: ThemeScore;
}

/** Dots per participant role; `none` for participants who gave no role. */
export type RoleSplit = Record<ParticipantRole | 'none', number>;

export interface RankedItem {
	/** 1 for the most dots. */
	rank: number;
	item: ItemRef;
	/** The idea's text or the theme's name. */
	label: string;
	dots: number;
	byRole: RoleSplit;
	/** How many different participants put dots on it. */
	voters: number;
	/** How many different participants posted it (or, for a theme, an idea in it). */
	posters: number;
	/** For an idea, itself then the ideas merged into it; for a theme, its visible ideas. */
	ideaIds: string[];
	/** Posting time of the idea, creation time of the theme (epoch ms). */
	since: number;
	shortlisted: boolean;
}

function emptySplit(): RoleSplit {
	const split = { none: 0 } as RoleSplit;
	for (const role of PARTICIPANT_ROLES) split[role] = 0;
	return split;
}

interface Tally {
	dots: number;
	byRole: RoleSplit;
	voters: Set<string>;
	posters: Set<string>;
}

function newTally(): Tally {
	return { dots: 0, byRole: emptySplit(), voters: new Set(), posters: new Set() };
}

function addTally(into: Tally, from: Tally): void {
	into.dots += from.dots;
	for (const key of Object.keys(from.byRole) as (keyof RoleSplit)[]) {
		into.byRole[key] += from.byRole[key];
	}
	for (const v of from.voters) into.voters.add(v);
}

/**
 * Ranks the board's visible ideas and its themes by dots.
 * @param participants everyone who joined, for the role split (unknown ids count as `none`)
 */
export function rankItems(
	board: BoardState,
	dots: readonly Dot[],
	participants: readonly Participant[],
	options: RankOptions = {}
): RankedItem[] {
	const index = dotIndex(board);
	const roles = new Map(participants.map((p) => [p.id, p.role]));
	const ideaTally = new Map<string, Tally>();
	const themeTally = new Map<string, Tally>();
	// For each visible idea: itself first, then the ideas merged into it in posting order.
	const members = new Map<string, string[]>();
	for (const idea of board.ideas) {
		if (idea.status !== 'visible') continue;
		ideaTally.set(idea.id, newTally());
		members.set(idea.id, [idea.id]);
	}
	for (const theme of board.themes) themeTally.set(theme.id, newTally());

	for (const idea of board.ideas) {
		const root = countedItem(index, { type: 'idea', id: idea.id });
		const tally = ideaTally.get(root.id);
		if (!tally) continue;
		tally.posters.add(idea.participantId);
		if (root.id !== idea.id) members.get(root.id)!.push(idea.id);
	}

	for (const dot of dots) {
		const counted = countedItem(index, dot.item);
		const tally = (counted.type === 'idea' ? ideaTally : themeTally).get(counted.id);
		if (!tally) continue;
		tally.dots++;
		tally.byRole[roles.get(dot.participantId) ?? 'none']++;
		tally.voters.add(dot.participantId);
	}

	type Row = Omit<RankedItem, 'rank'> & { order: number };
	const rows: Row[] = [];
	const shortlisted = (item: ItemRef) => board.shortlist.some((s) => sameItem(s, item));
	board.ideas.forEach((idea, order) => {
		const tally = ideaTally.get(idea.id);
		if (!tally) return;
		const item: ItemRef = { type: 'idea', id: idea.id };
		rows.push({
			item,
			label: idea.text,
			dots: tally.dots,
			byRole: tally.byRole,
			voters: tally.voters.size,
			posters: tally.posters.size,
			ideaIds: members.get(idea.id)!,
			since: idea.postedAt,
			shortlisted: shortlisted(item),
			order
		});
	});
	board.themes.forEach((theme, i) => {
		const own = themeTally.get(theme.id)!;
		const inTheme = board.ideas.filter((x) => x.status === 'visible' && x.themeId === theme.id);
		const tally = newTally();
		addTally(tally, own);
		for (const idea of inTheme) {
			const t = ideaTally.get(idea.id)!;
			for (const p of t.posters) tally.posters.add(p);
			if (options.themeScore === 'withIdeas') addTally(tally, t);
		}
		const item: ItemRef = { type: 'theme', id: theme.id };
		rows.push({
			item,
			label: theme.name,
			dots: tally.dots,
			byRole: tally.byRole,
			voters: tally.voters.size,
			posters: tally.posters.size,
			ideaIds: inTheme.map((x) => x.id),
			since: theme.createdAt,
			shortlisted: shortlisted(item),
			order: board.ideas.length + i
		});
	});
	rows.sort((a, b) => b.dots - a.dots || a.since - b.since || a.order - b.order);
	return rows.map(({ order: _order, ...row }, i) => ({ rank: i + 1, ...row }));
}
