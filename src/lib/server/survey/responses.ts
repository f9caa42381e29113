/**
 * Residents' answers: who may answer (an open link or a participation code), the draft saved
 * page by page so they can come back, and the submission, which moves the answers into an
 * untraceable response row and spends the code, in one transaction. A command refused throws a
 * {@link Refusal} inside its transaction, with a reason key the resident pages translate.
 */
import { and, eq } from 'drizzle-orm';
import { parsePageAnswers } from '../../survey/schemas';
import { keepVisibleAnswers, visibleQuestions } from '../../survey/show-if';
import { splitForStorage } from '../../survey/special';
import { dayOf } from '../../survey/dates';
import { surveyState } from '../../survey/status';
import { buildPages, type AnswerValue, type Answers, type Page } from '../../survey/template';
import * as codes from '../codes';
import { Refusal, type RefusalParams } from '../command-refusal';
import { write, type DB } from '../db/open';
import { participant, surveyDraft, surveyResponse, surveyResponseSpecial } from '../db/schema';
import type { Survey } from './surveys';

export type Participant = typeof participant.$inferSelect;

/** The code-use activity of a survey: a code answers each survey once. */
export function activityKey(surveyId: number): string {
	return `survey:${surveyId}`;
}

/** Whether this browser may answer, and how (by code or not); or why not. */
export type Entry =
	| { allowed: true; viaCode: false }
	| { allowed: true; viaCode: true; codeId: number }
	| { allowed: false; reason: 'needCode' | 'codeUsed' };

/**
 * Whether this browser may answer (a question, not a command: it writes nothing). An open
 * survey takes anyone; a survey by code needs a code from the engagement's letters that has not
 * answered it yet; "both" uses the code when the browser has one and is open otherwise.
 */
export function entryFor(db: DB, s: Survey, p: Participant | undefined): Entry {
	if (s.access === 'open') return { allowed: true, viaCode: false };
	const codeId = codes.engagementCode(db, p?.codeId ?? null, s.engagementId)?.id ?? null;
	if (codeId !== null) {
		return codes.isCodeSpent(db, codeId, activityKey(s.id))
			? { allowed: false, reason: 'codeUsed' }
			: { allowed: true, viaCode: true, codeId };
	}
	return s.access === 'both'
		? { allowed: true, viaCode: false }
		: { allowed: false, reason: 'needCode' };
}

export interface Draft {
	id: number;
	participantId: number;
	answers: Record<string, AnswerValue>;
	/** The furthest page (0-based) reached. */
	lastPage: number;
	submitted: boolean;
}

function toDraft(row: typeof surveyDraft.$inferSelect): Draft {
	return {
		id: row.id,
		participantId: row.participantId,
		answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
		lastPage: row.lastPage,
		submitted: row.submitted
	};
}

/** This browser's draft (or submitted marker) for the survey. */
export function findDraft(db: DB, surveyId: number, participantId: number): Draft | undefined {
	const row = db
		.select()
		.from(surveyDraft)
		.where(and(eq(surveyDraft.surveyId, surveyId), eq(surveyDraft.participantId, participantId)))
		.get();
	return row ? toDraft(row) : undefined;
}

/** An unsubmitted draft started on another device with the same code, if any. */
export function findDraftByCode(db: DB, surveyId: number, codeId: number): Draft | undefined {
	const row = db
		.select({ draft: surveyDraft })
		.from(surveyDraft)
		.innerJoin(participant, eq(participant.id, surveyDraft.participantId))
		.where(
			and(
				eq(surveyDraft.surveyId, surveyId),
				eq(participant.codeId, codeId),
				eq(surveyDraft.submitted, false)
			)
		)
		.get();
	return row ? toDraft(row.draft) : undefined;
}

/**
 * The draft this participant answers in: their own, or, when they asked to carry on with it,
 * one started elsewhere with the same code (which moves to this browser), or a new one. A new
 * one leaves the other device's answers where they are, unseen (participation/reentry.ts).
 */
export function startDraft(
	db: DB,
	s: Survey,
	p: Participant,
	now = new Date(),
	options: { takeOver?: boolean } = {}
): Draft {
	return write(db, (tx) => {
		const own = findDraft(tx, s.id, p.id);
		if (own) return own;
		const codeId = codes.engagementCode(tx, p.codeId, s.engagementId)?.id ?? null;
		const elsewhere =
			codeId === null || !options.takeOver ? undefined : findDraftByCode(tx, s.id, codeId);
		if (elsewhere) {
			tx.update(surveyDraft)
				.set({ participantId: p.id, updatedAt: now })
				.where(eq(surveyDraft.id, elsewhere.id))
				.run();
			return { ...elsewhere, participantId: p.id };
		}
		const row = tx
			.insert(surveyDraft)
			.values({ surveyId: s.id, participantId: p.id, createdAt: now, updatedAt: now })
			.returning()
			.get();
		return toDraft(row);
	});
}

/**
 * Why a page's answers were not saved: the draft is not this survey's (`missing`), or it has
 * been sent (`submitted`).
 */
export type SaveReason = 'missing' | 'submitted';

/**
 * Saves one page's parsed answers over the draft's. Answers to questions that the change
 * hides (show-if) are dropped, so the draft never holds answers the resident cannot see. A
 * draft that is gone or sent is refused (reasons: {@link SaveReason}).
 */
export function savePage(
	db: DB,
	s: Survey,
	draftId: number,
	pageIndex: number,
	pageAnswers: Readonly<Record<string, AnswerValue>>,
	now = new Date()
): Draft {
	return write(db, (tx) => {
		const row = tx.select().from(surveyDraft).where(eq(surveyDraft.id, draftId)).get();
		if (!row || row.surveyId !== s.id)
			throw new Refusal<SaveReason>('_', 'That draft is not there any more.', {
				reason: 'missing'
			});
		if (row.submitted)
			throw new Refusal<SaveReason>('_', 'These answers have been sent already.', {
				reason: 'submitted'
			});
		const pages = buildPages(s.definition);
		const page = pages[pageIndex];
		if (!page) throw new RangeError(`No page ${pageIndex}`);
		const merged: Record<string, AnswerValue | undefined> = JSON.parse(row.answers);
		for (const q of page.questions) delete merged[q.id];
		Object.assign(merged, pageAnswers);
		const answers = keepVisibleAnswers(pages, merged);
		const lastPage = Math.max(row.lastPage, nextShownPage(pages, answers, pageIndex));
		tx.update(surveyDraft)
			.set({ answers: JSON.stringify(answers), lastPage, updatedAt: now })
			.where(eq(surveyDraft.id, draftId))
			.run();
		return { ...toDraft(row), answers, lastPage };
	});
}

/**
 * The first page after `after` (0-based) with a question to show given these answers, or
 * `pages.length` (the check page) when none is left.
 */
export function nextShownPage(pages: readonly Page[], answers: Answers, after: number): number {
	const kept = keepVisibleAnswers(pages, answers);
	for (let i = after + 1; i < pages.length; i++) {
		if (visibleQuestions(pages[i], kept).length > 0) return i;
	}
	return pages.length;
}

/**
 * How far the resident may go: the first page from `lastPage` on that has a question to show
 * (pages hidden by show-if are passed over), or `pages.length` when only the check page is
 * left. Pages up to this one may be visited; later ones wait.
 */
export function frontier(pages: readonly Page[], answers: Answers, lastPage: number): number {
	return nextShownPage(pages, answers, lastPage - 1);
}

/**
 * The first page (0-based) whose answers would not pass its form now (a required question
 * unanswered), or -1 when every page is complete.
 */
export function firstIncompletePage(s: Survey, answers: Answers): number {
	const pages = buildPages(s.definition);
	const kept = keepVisibleAnswers(pages, answers);
	for (let i = 0; i < pages.length; i++) {
		const page = pages[i];
		if (visibleQuestions(page, kept).length === 0) continue;
		const input: Record<string, AnswerValue> = {};
		for (const q of page.questions) if (kept[q.id] !== undefined) input[q.id] = kept[q.id]!;
		if (!parsePageAnswers(page, input, kept).success) return i;
	}
	return -1;
}

/**
 * Why a draft was not sent: it has been sent already (or is gone), the survey has closed, the
 * code has answered the survey meanwhile, or a page is `missing` answers (refused by the field
 * `page-<n>`, with `params.pageIndex` the 0-based page, so the page can name it).
 */
export type SubmitReason = 'submitted' | 'closed' | 'codeUsed' | 'missing';

/**
 * Submits the draft: checks every page, spends the code when entry was by code, writes the
 * response (no participant, the day only) and its special-category part apart, and empties
 * the draft, keeping only the fact that this browser has answered. All or nothing: a refusal
 * (reasons: {@link SubmitReason}) is thrown inside the transaction. Returns the response's id.
 */
export function submitDraft(
	db: DB,
	s: Survey,
	draftId: number,
	entry: Entry & { allowed: true },
	now = new Date()
): number {
	const refuse = (reason: SubmitReason, message: string, field = '_', params: RefusalParams = {}) =>
		new Refusal<SubmitReason>(field, message, { reason, params });
	return write(db, (tx) => {
		const row = tx.select().from(surveyDraft).where(eq(surveyDraft.id, draftId)).get();
		if (!row || row.surveyId !== s.id || row.submitted)
			throw refuse('submitted', 'These answers have been sent already.');
		if (surveyState(s, now) !== 'open')
			throw refuse('closed', 'This survey has closed, so we cannot take your answers.');
		const pages = buildPages(s.definition);
		const answers = keepVisibleAnswers(pages, JSON.parse(row.answers));
		const missing = firstIncompletePage(s, answers);
		if (missing >= 0)
			throw refuse(
				'missing',
				`Answer the questions on page ${missing + 1}.`,
				`page-${missing + 1}`,
				{ pageIndex: missing }
			);
		if (entry.viaCode && !codes.spendCode(tx, entry.codeId, activityKey(s.id), 'online', now))
			throw refuse(
				'codeUsed',
				'The code you entered has already been used to answer this survey. Each code can answer it once.'
			);
		const stored = splitForStorage(answers, s.definition);
		const response = tx
			.insert(surveyResponse)
			.values({
				surveyId: s.id,
				answers: JSON.stringify(stored.answers),
				profile: JSON.stringify(stored.profile),
				area: stored.area,
				ageBand: stored.ageBand,
				segments: JSON.stringify(stored.segments),
				viaCode: entry.viaCode,
				submittedOn: dayOf(now)
			})
			.returning({ id: surveyResponse.id })
			.get();
		if (Object.keys(stored.special).length > 0) {
			tx.insert(surveyResponseSpecial)
				.values({
					responseId: response.id,
					answers: JSON.stringify(stored.special),
					segments: JSON.stringify(stored.specialSegments)
				})
				.run();
		}
		tx.update(surveyDraft)
			.set({ answers: '{}', submitted: true, updatedAt: now })
			.where(eq(surveyDraft.id, draftId))
			.run();
		return response.id;
	});
}
