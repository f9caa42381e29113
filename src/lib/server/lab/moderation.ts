/**
 * The facilitator's changes to the board: hide, unhide, merge, themes, shortlist, undo and
 * redo. Each is checked by the pure rules against the board replayed inside the transaction,
 * appended to the moderation log, audit-logged, and sent to the screens as a snapshot. A change
 * the rules refuse throws a {@link Refusal} inside the transaction, so nothing is kept of it
 * (staff pages show its English message).
 */
import { checkEvent, lastRedoable, lastUndoable } from '../../lab/board';
import type { ModerationAction } from '../../lab/events';
import * as audit from '../audit';
import { Refusal } from '../command-refusal';
import { write, type DB } from '../db/open';
import { labEvent, labTheme } from '../db/schema';
import { bumpVersion, loadBoard, publishSnapshot } from './board';

/**
 * What the facilitator asks for. A new theme gets its id here; "undo" without an id means the
 * last change still in effect, and "redo" the last undo.
 */
export type ModerationRequest =
	| Exclude<ModerationAction, { type: 'createTheme' } | { type: 'undo' }>
	| { type: 'createTheme'; name: string }
	| { type: 'undo'; eventId: string | null }
	| { type: 'redo' };

/** What a change stored: the event's id (and a new theme's id). */
export interface Moderated {
	eventId: string;
	themeId?: string;
}

/** Applies one facilitator change to the board of lab `labId`, or throws a {@link Refusal}. */
export function moderate(
	db: DB,
	actor: audit.Actor,
	labId: number,
	request: ModerationRequest,
	now = new Date()
): Moderated {
	const result = write(db, (tx): Moderated => {
		const loaded = loadBoard(tx, labId);
		if (!loaded) throw new Refusal('_', 'That lab no longer exists.');
		const { board } = loaded;
		const phase = loaded.lab.session.phase;
		let action: ModerationAction;
		if (request.type === 'undo' || request.type === 'redo') {
			const target =
				request.type === 'redo' ? lastRedoable(board) : (request.eventId ?? lastUndoable(board));
			if (!target) {
				throw new Refusal(
					'_',
					request.type === 'redo' ? 'There is nothing to redo.' : 'There is nothing to undo.'
				);
			}
			action = { type: 'undo', eventId: target };
		} else if (request.type === 'createTheme') {
			// The id is allocated before the name is checked: a refusal rolls it back.
			const theme = tx
				.insert(labTheme)
				.values({ labId, createdAt: now })
				.returning({ id: labTheme.id })
				.get();
			action = { type: 'createTheme', themeId: String(theme.id), name: request.name.trim() };
		} else {
			action = request;
		}
		const verdict = checkEvent(phase, board, action);
		if (!verdict.ok) throw new Refusal('_', verdict.reason);
		const row = tx
			.insert(labEvent)
			.values({
				labId,
				type: action.type,
				payload: JSON.stringify(action),
				by: actor.id,
				at: now
			})
			.returning({ id: labEvent.id })
			.get();
		bumpVersion(tx, labId, now);
		audit.record(
			tx,
			actor,
			{
				action: `lab.${action.type}`,
				entityType: 'lab',
				entityId: labId,
				after: { eventId: row.id, ...action }
			},
			now
		);
		return {
			eventId: String(row.id),
			...(action.type === 'createTheme' ? { themeId: action.themeId } : {})
		};
	});
	publishSnapshot(db, labId);
	return result;
}
