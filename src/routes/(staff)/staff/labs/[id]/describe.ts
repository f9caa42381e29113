// Plain words for a change in the moderation log, for the Undo and Redo buttons.
import type { ModerationEvent } from '$lib/lab/events';
import type { BoardState } from '$lib/lab/moderation';

function short(text: string, max = 50): string {
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** "moving “Share taxis” into “Transport”" */
export function describeEvent(
	id: string,
	events: readonly ModerationEvent[],
	board: BoardState
): string {
	const byId = new Map(events.map((e) => [e.id, e]));
	const idea = (ideaId: string) =>
		`“${short(board.ideas.find((i) => i.id === ideaId)?.text ?? 'an idea')}”`;
	const themeName = (themeId: string) => {
		const current = board.themes.find((t) => t.id === themeId)?.name;
		if (current) return `“${current}”`;
		const created = events.find((e) => e.type === 'createTheme' && e.themeId === themeId);
		return created?.type === 'createTheme' ? `“${created.name}”` : 'a theme';
	};
	const item = (ref: { type: 'idea' | 'theme'; id: string }) =>
		ref.type === 'idea' ? idea(ref.id) : `the theme ${themeName(ref.id)}`;
	const event = byId.get(id);
	if (!event) return 'a change';
	switch (event.type) {
		case 'hide':
			return `hiding ${idea(event.ideaId)}`;
		case 'unhide':
			return `unhiding ${idea(event.ideaId)}`;
		case 'merge':
			return `merging ${idea(event.sourceId)} into ${idea(event.targetId)}`;
		case 'createTheme':
			return `creating the theme “${event.name}”`;
		case 'renameTheme':
			return `renaming a theme to “${event.name}”`;
		case 'moveToTheme':
			return `moving ${idea(event.ideaId)} into ${themeName(event.themeId)}`;
		case 'removeFromTheme':
			return `taking ${idea(event.ideaId)} out of its theme`;
		case 'shortlist':
			return `adding ${item(event.item)} to the shortlist`;
		case 'unshortlist':
			return `taking ${item(event.item)} off the shortlist`;
		case 'undo':
			return `undoing ${describeEvent(event.eventId, events, board)}`;
	}
}
