/**
 * The whole board as rows for the CSV and the printable page: every idea, hidden and merged
 * ones included (a hidden idea is kept with its reason, never dropped), then every theme.
 */
import { csvCell } from '../csv/csv';
import type { Dot } from './dots';
import type { IdeaKind, Participant, ParticipantRole } from './ideas';
import { IDEA_KIND_LABELS, PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS, sameItem } from './ideas';
import type { BoardState } from './moderation';
import { rankItems, type RankOptions, type RoleSplit } from './ranking';

export interface ExportRow {
	type: 'idea' | 'theme';
	id: string;
	/** Idea text or theme name. */
	text: string;
	kind: IdeaKind | null;
	contribution: string | null;
	promptId: string | null;
	posterRole: ParticipantRole | null;
	/** Posting time of an idea, creation time of a theme (epoch ms). */
	at: number;
	/** For an idea: the name of its theme. */
	theme: string | null;
	status: 'visible' | 'hidden' | 'merged' | 'theme';
	hiddenReason: string | null;
	/** For a merged idea: the id of the idea it was merged into. */
	mergedInto: string | null;
	/** Dots placed on exactly this idea or theme. */
	dotsPlaced: number;
	/** Dots it has in the ranking (with merged duplicates); null for hidden or merged ideas. */
	dotsCounted: number | null;
	byRole: RoleSplit | null;
	rank: number | null;
	shortlisted: boolean;
}

/** Every idea and theme with its moderation, dots and rank. */
export function boardExportRows(
	board: BoardState,
	dots: readonly Dot[],
	participants: readonly Participant[],
	options: RankOptions = {}
): ExportRow[] {
	const ranked = new Map(
		rankItems(board, dots, participants, options).map((r) => [`${r.item.type}:${r.item.id}`, r])
	);
	const placed = new Map<string, number>();
	for (const dot of dots) {
		const key = `${dot.item.type}:${dot.item.id}`;
		placed.set(key, (placed.get(key) ?? 0) + 1);
	}
	const themeNames = new Map(board.themes.map((t) => [t.id, t.name]));
	const rows: ExportRow[] = board.ideas.map((idea) => {
		const key = `idea:${idea.id}`;
		const rank = ranked.get(key);
		return {
			type: 'idea',
			id: idea.id,
			text: idea.text,
			kind: idea.kind,
			contribution: idea.contribution,
			promptId: idea.promptId,
			posterRole: idea.role,
			at: idea.postedAt,
			theme: idea.themeId === null ? null : (themeNames.get(idea.themeId) ?? null),
			status: idea.status,
			hiddenReason: idea.hidden?.reason ?? null,
			mergedInto: idea.mergedInto,
			dotsPlaced: placed.get(key) ?? 0,
			dotsCounted: rank?.dots ?? null,
			byRole: rank?.byRole ?? null,
			rank: rank?.rank ?? null,
			shortlisted: board.shortlist.some((s) => sameItem(s, { type: 'idea', id: idea.id }))
		};
	});
	for (const theme of board.themes) {
		const key = `theme:${theme.id}`;
		const rank = ranked.get(key);
		rows.push({
			type: 'theme',
			id: theme.id,
			text: theme.name,
			kind: null,
			contribution: null,
			promptId: null,
			posterRole: null,
			at: theme.createdAt,
			theme: null,
			status: 'theme',
			hiddenReason: null,
			mergedInto: null,
			dotsPlaced: placed.get(key) ?? 0,
			dotsCounted: rank?.dots ?? null,
			byRole: rank?.byRole ?? null,
			rank: rank?.rank ?? null,
			shortlisted: rank?.shortlisted ?? false
		});
	}
	return rows;
}

const DOTS_FROM: Record<ParticipantRole | 'none', string> = {
	serviceUser: 'Dots from service users',
	carer: 'Dots from carers',
	staff: 'Dots from staff',
	manager: 'Dots from managers',
	other: 'Dots from others',
	none: 'Dots from people who gave no role'
};

/**
 * The export rows as CSV (RFC 4180, CRLF line ends, a header row with plain-English names,
 * times as ISO 8601 UTC so a spreadsheet sorts them).
 */
export function boardCsv(rows: readonly ExportRow[]): string {
	const header = [
		'Type',
		'Id',
		'Text',
		'Kind',
		'Could contribute',
		'Prompt id',
		'Poster role',
		'Posted or created (UTC)',
		'Theme',
		'Status',
		'Hidden because',
		'Merged into',
		'Dots placed on it',
		'Dots counted',
		...PARTICIPANT_ROLES.map((r) => DOTS_FROM[r]),
		DOTS_FROM.none,
		'Rank',
		'Shortlisted'
	];
	const lines = [header.map(csvCell).join(',')];
	for (const row of rows) {
		lines.push(
			[
				row.type,
				row.id,
				row.text,
				row.kind === null ? null : IDEA_KIND_LABELS[row.kind],
				row.contribution,
				row.promptId,
				row.posterRole === null ? null : PARTICIPANT_ROLE_LABELS[row.posterRole],
				new Date(row.at).toISOString(),
				row.theme,
				row.status,
				row.hiddenReason,
				row.mergedInto,
				row.dotsPlaced,
				row.dotsCounted,
				...PARTICIPANT_ROLES.map((r) => row.byRole?.[r] ?? null),
				row.byRole?.none ?? null,
				row.rank,
				row.shortlisted ? 'yes' : 'no'
			]
				.map(csvCell)
				.join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}
