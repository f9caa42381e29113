/**
 * Keeping the promises we make about sensitive answers (UK GDPR art. 9 special-category data:
 * disability, health, ethnicity, religion). The privacy notice says how long each is kept:
 * - a vote keeps them only until its result is recorded. The official count's group totals are
 *   recorded with the result (vote_result.groups), so removing the answers from the ballots,
 *   their history, paper keyings and unfinished drafts changes no recount;
 * - a survey keeps them until the date its commissioner set; the sweep then deletes them.
 * Every removal is audit-logged. The database lets these rows change only by losing group
 * answers (migration 0013), never by gaining or changing one.
 */
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import * as audit from './audit';
import { write, type DB } from './db/open';
import {
	ballot,
	ballotDraft,
	ballotHistory,
	paperEntry,
	segment,
	survey,
	surveyResponse,
	surveyResponseSpecial
} from './db/schema';

/** The ids of the catalogue's special-category segments. */
export function specialSegments(db: DB): string[] {
	return db
		.select({ id: segment.id })
		.from(segment)
		.where(eq(segment.specialCategory, true))
		.all()
		.map((s) => s.id);
}

/** A JSON list of segment ids without the special ones, or null when nothing changes. */
function withoutSpecial(json: string, special: ReadonlySet<string>): string | null {
	const ids = JSON.parse(json) as string[];
	const kept = ids.filter((id) => !special.has(id));
	return kept.length === ids.length ? null : JSON.stringify(kept);
}

/**
 * Removes a vote's special-category answers from its ballots, their history, its paper keyings
 * and its unfinished drafts, inside the caller's transaction (the one that records the result).
 * @returns how many rows changed, by table
 */
export function eraseVoteSpecialCategory(
	tx: DB,
	actor: audit.Actor,
	voteId: number,
	now = new Date()
): { ballots: number; history: number; paper: number; drafts: number } {
	const special = new Set(specialSegments(tx));
	const changed = { ballots: 0, history: 0, paper: 0, drafts: 0 };
	if (special.size > 0) {
		for (const r of tx
			.select({ id: ballot.id, segments: ballot.segments })
			.from(ballot)
			.where(eq(ballot.voteId, voteId))
			.all()) {
			const kept = withoutSpecial(r.segments, special);
			if (kept === null) continue;
			tx.update(ballot).set({ segments: kept }).where(eq(ballot.id, r.id)).run();
			changed.ballots++;
		}
		for (const r of tx
			.select({ id: ballotHistory.id, segments: ballotHistory.segments })
			.from(ballotHistory)
			.where(eq(ballotHistory.voteId, voteId))
			.all()) {
			const kept = withoutSpecial(r.segments, special);
			if (kept === null) continue;
			tx.update(ballotHistory).set({ segments: kept }).where(eq(ballotHistory.id, r.id)).run();
			changed.history++;
		}
		for (const r of tx
			.select({ id: paperEntry.id, content: paperEntry.content })
			.from(paperEntry)
			.where(eq(paperEntry.voteId, voteId))
			.all()) {
			const content = JSON.parse(r.content) as { profile?: { segments?: Record<string, string> } };
			const answers = content.profile?.segments ?? {};
			const gone = Object.keys(answers).filter((id) => special.has(id));
			if (gone.length === 0) continue;
			for (const id of gone) delete answers[id];
			tx.update(paperEntry)
				.set({ content: JSON.stringify(content) })
				.where(eq(paperEntry.id, r.id))
				.run();
			changed.paper++;
		}
	}
	// Nobody will finish a ballot for a vote whose result is recorded.
	changed.drafts = tx.delete(ballotDraft).where(eq(ballotDraft.voteId, voteId)).run().changes;
	audit.record(
		tx,
		actor,
		{
			action: 'vote.retention',
			entityType: 'vote',
			entityId: voteId,
			after: { removed: 'special-category answers and unfinished drafts', rows: changed }
		},
		now
	);
	return changed;
}

/**
 * Deletes the special-category answers of every survey whose retention date has passed (once:
 * a survey with none left is not logged again). Run at start and every hour.
 * @returns the surveys swept, with how many responses lost their special-category answers
 */
export function sweepSurveys(
	db: DB,
	actor: audit.Actor,
	now = new Date()
): { surveyId: number; responses: number }[] {
	return write(db, (tx) => {
		const due = tx
			.select({ id: survey.id })
			.from(survey)
			.where(and(isNotNull(survey.specialCategoryUntil), lte(survey.specialCategoryUntil, now)))
			.all();
		const swept: { surveyId: number; responses: number }[] = [];
		for (const s of due) {
			const ids = tx
				.select({ id: surveyResponse.id })
				.from(surveyResponse)
				.where(eq(surveyResponse.surveyId, s.id));
			const responses = tx
				.delete(surveyResponseSpecial)
				.where(inArray(surveyResponseSpecial.responseId, ids))
				.run().changes;
			if (responses === 0) continue;
			swept.push({ surveyId: s.id, responses });
			audit.record(
				tx,
				actor,
				{
					action: 'survey.retention',
					entityType: 'survey',
					entityId: s.id,
					after: { removed: 'special-category answers', responses }
				},
				now
			);
		}
		return swept;
	});
}
