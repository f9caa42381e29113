/**
 * The moderation log's events. The server stores each as a row (id, time, facilitator,
 * type, JSON payload) in the order it accepted them, and replays them with `applyEvents`.
 */
import type { ItemRef } from './ideas';

/** What the facilitator did, without the envelope. */
export type ModerationAction =
	/** Take an idea off the screens, keeping it (and the reason) in the record. */
	| { type: 'hide'; ideaId: string; reason: string }
	| { type: 'unhide'; ideaId: string }
	/** `sourceId` is a duplicate of `targetId`: its dots count for the target from now on. */
	| { type: 'merge'; sourceId: string; targetId: string }
	/** `themeId` is chosen by the server (e.g. a UUID) and must be new. */
	| { type: 'createTheme'; themeId: string; name: string }
	| { type: 'renameTheme'; themeId: string; name: string }
	/** Put an idea in a theme, taking it out of any theme it was in. */
	| { type: 'moveToTheme'; ideaId: string; themeId: string }
	| { type: 'removeFromTheme'; ideaId: string }
	| { type: 'shortlist'; item: ItemRef }
	| { type: 'unshortlist'; item: ItemRef }
	/**
	 * Revert the event `eventId` (which may itself be an undo: that is a redo). Always names
	 * its target: "undo the last change" is resolved to an id with `lastUndoable` before the
	 * event is stored, so a replay never has to guess.
	 */
	| { type: 'undo'; eventId: string };

export type ModerationType = ModerationAction['type'];

export const MODERATION_TYPES: readonly ModerationType[] = [
	'hide',
	'unhide',
	'merge',
	'createTheme',
	'renameTheme',
	'moveToTheme',
	'removeFromTheme',
	'shortlist',
	'unshortlist',
	'undo'
];

/** A stored event: the action plus its envelope. Ids are unique within a lab. */
export type ModerationEvent = ModerationAction & {
	id: string;
	/** Epoch milliseconds when the server accepted it. */
	at: number;
	/** The facilitator's user id, if the server records it. */
	by?: string | null;
};
