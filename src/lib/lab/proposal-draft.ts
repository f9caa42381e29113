/**
 * A shortlisted idea or theme turned into a first draft of a community budget proposal,
 * for the facilitator to edit before saving (the form schema is `proposalSchema`).
 */
import type { ItemRef } from './ideas';
import { sameItem } from './ideas';
import type { BoardState } from './moderation';
import { ALLOWED, refuse, type Verdict } from './verdict';

export const PROPOSAL_TITLE_MAX = 120;
export const PROPOSAL_DESCRIPTION_MAX = 2000;

export interface ProposalDraft {
	title: string;
	description: string;
	kind: 'saving' | 'development';
}

/** Cuts text to `max` characters at a word boundary where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
	const clean = text.trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	// The cut already ends a word when the next character is a space.
	if (/\s/.test(clean[max - 1])) return `${cut.trimEnd()}…`;
	const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
	return `${space > max / 2 ? cut.slice(0, space).trimEnd() : cut}…`;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ');
}

/**
 * A draft proposal from an idea (its text, what the poster could contribute, and the
 * duplicates merged into it) or a theme (its name and its visible ideas). An idea that saves
 * money drafts a saving, anything else a development; a theme is a saving when most of its
 * ideas save money. Returns null when the item is not on the board.
 */
export function draftProposal(item: ItemRef, board: BoardState): ProposalDraft | null {
	if (item.type === 'idea') {
		const idea = board.ideas.find((i) => i.id === item.id);
		if (!idea) return null;
		const lines = [idea.text];
		if (idea.contribution) lines.push('', `Someone could contribute: ${idea.contribution}`);
		const duplicates = board.ideas.filter((i) => i.mergedInto === idea.id);
		if (duplicates.length > 0) {
			lines.push('', 'Also suggested as:', ...duplicates.map((d) => `- ${d.text}`));
		}
		return {
			title: shorten(oneLine(idea.text), PROPOSAL_TITLE_MAX),
			description: shorten(lines.join('\n'), PROPOSAL_DESCRIPTION_MAX),
			kind: idea.kind === 'savesMoney' ? 'saving' : 'development'
		};
	}
	const theme = board.themes.find((t) => t.id === item.id);
	if (!theme) return null;
	const ideas = board.ideas.filter((i) => i.status === 'visible' && i.themeId === theme.id);
	const savings = ideas.filter((i) => i.kind === 'savesMoney').length;
	return {
		title: shorten(oneLine(theme.name), PROPOSAL_TITLE_MAX),
		description: shorten(
			[`Ideas from the lab on "${theme.name}":`, ...ideas.map((i) => `- ${i.text}`)].join('\n'),
			PROPOSAL_DESCRIPTION_MAX
		),
		kind: savings * 2 > ideas.length ? 'saving' : 'development'
	};
}

/**
 * Whether a proposal may be drafted from `item`: it must be on the shortlist and still on the
 * board (a visible idea, or a theme). Check `canDo(phase, paused, 'createProposal', ...)` too.
 */
export function checkProposalSource(item: ItemRef, board: BoardState): Verdict {
	if (!board.shortlist.some((s) => sameItem(s, item))) {
		return refuse('Add it to the shortlist first.');
	}
	// A shortlisted theme is always on the board: undoing its creation also drops the
	// shortlisting that came after it.
	if (item.type === 'theme') return ALLOWED;
	const idea = board.ideas.find((i) => i.id === item.id);
	return idea?.status === 'visible'
		? ALLOWED
		: refuse('That idea has been hidden or merged since it was shortlisted.');
}
