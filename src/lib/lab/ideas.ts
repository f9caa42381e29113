/**
 * The things a lab board is made of, as plain data the server fills from its rows.
 */

/** The kinds an idea can have; a lab may switch some off. */
export const IDEA_KINDS = ['savesMoney', 'improvesOutcomes', 'communityCanDo'] as const;
export type IdeaKind = (typeof IDEA_KINDS)[number];

/** Plain-English labels for the kinds, for screens and exports. */
export const IDEA_KIND_LABELS: Record<IdeaKind, string> = {
	savesMoney: 'Saves money',
	improvesOutcomes: 'Improves outcomes',
	communityCanDo: 'Community can do'
};

/**
 * The perspective a participant chose when joining. `null` (not in this list) means they
 * did not say, or the lab has roles switched off.
 */
export const PARTICIPANT_ROLES = ['serviceUser', 'carer', 'staff', 'manager', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Labels for the roles; `none` is the column for participants who gave no role. */
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole | 'none', string> = {
	serviceUser: 'Service user',
	carer: 'Carer',
	staff: 'Staff',
	manager: 'Manager',
	other: 'Other',
	none: 'Not said'
};

/** Idea text bounds (characters, after trimming). Short enough to read on a wall. */
export const IDEA_TEXT_MIN = 3;
export const IDEA_TEXT_MAX = 280;
/** Bound on "what I could contribute". */
export const CONTRIBUTION_MAX = 200;

/** An idea as posted. Ideas are never edited or deleted: moderation is an event log. */
export interface Idea {
	id: string;
	text: string;
	kind: IdeaKind;
	/** What the poster could contribute, if they said. */
	contribution: string | null;
	participantId: string;
	/** The poster's role at the time they posted. */
	role: ParticipantRole | null;
	promptId: string;
	/** Epoch milliseconds; with list order, breaks ranking ties ("first posted"). */
	postedAt: number;
}

/** Something dots can be placed on and the shortlist can hold: an idea or a theme. */
export interface ItemRef {
	type: 'idea' | 'theme';
	id: string;
}

/** Whether two references name the same item. */
export function sameItem(a: ItemRef, b: ItemRef): boolean {
	return a.type === b.type && a.id === b.id;
}

/** A participant as the ranking needs them: who, and which perspective they gave. */
export interface Participant {
	id: string;
	role: ParticipantRole | null;
}
