/**
 * The facilitator's changes to the board: hide, unhide, merge, themes, shortlist, undo and
 * redo. Each is checked by the pure rules against the board replayed inside the transaction,
 * appended to the moderation log, audit-logged, and sent to the screens as a snapshot.
 */
import { checkEvent, lastRedoable, lastUndoable } from '../../lab/board';
import type { ModerationAction } from '../../lab/events';
import { refuse, type Verdict } from '../../lab/verdict';
import * as audit from '../audit';
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

/** The outcome of a change: the stored event's id (and a new theme's id), or why not. */
export type ModerationResult =
	{ ok: true; eventId: string; themeId?: string } | { ok: false; reason: string };

/** Applies one facilitator change to the board of lab `labId`. */
export function moderate(
	db: DB,
	actor: audit.Actor,
	labId: number,
	request: ModerationRequest,
	now = new Date()
): ModerationResult {
	const result = write(db, (tx): ModerationResult => {
		const loaded = loadBoard(tx, labId);
		if (!loaded) return refuse('That lab no longer exists.');
		const { board } = loaded;
		const phase = loaded.lab.session.phase;
		let action: ModerationAction;
		if (request.type === 'undo' || request.type === 'redo') {
			const target =
				request.type === 'redo' ? lastRedoable(board) : (request.eventId ?? lastUndoable(board));
			if (!target) {
				return refuse(
					request.type === 'redo' ? 'There is nothing to redo.' : 'There is nothing to undo.'
				);
			}
			action = { type: 'undo', eventId: target };
		} else if (request.type === 'createTheme') {
			// Check the name before allocating an id, so a refusal leaves nothing behind.
			const trial = checkEvent(phase, board, {
				type: 'createTheme',
				themeId: 'new',
				name: request.name
			});
			if (!trial.ok) return trial;
			const theme = tx
				.insert(labTheme)
				.values({ labId, createdAt: now })
				.returning({ id: labTheme.id })
				.get();
			action = { type: 'createTheme', themeId: String(theme.id), name: request.name.trim() };
		} else {
			action = request;
		}
		const verdict: Verdict = checkEvent(phase, board, action);
		if (!verdict.ok) return verdict;
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
			ok: true,
			eventId: String(row.id),
			...(action.type === 'createTheme' ? { themeId: action.themeId } : {})
		};
	});
	if (result.ok) publishSnapshot(db, labId);
	return result;
}
