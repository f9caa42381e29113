// Scrutiny of a decision record: councillors ask questions and comment, staff answer. Every
// question, comment and answer is kept as written (the database refuses changes), and each is
// audit-logged with the change it is.
import { asc, eq, inArray } from 'drizzle-orm';
import * as audit from '../audit';
import { Refusal } from '../command-refusal';
import { write, type DB } from '../db/open';
import { decisionScrutiny, decisionScrutinyAnswer } from '../db/schema';
import type { SessionUser } from '../session';
import { getRecord } from './records';

export interface ScrutinyAnswer {
	id: number;
	text: string;
	authorName: string;
	createdAt: Date;
}

export interface ScrutinyItem {
	id: number;
	kind: 'question' | 'comment';
	text: string;
	/** The published version it was asked on; null when asked on a draft. */
	versionNumber: number | null;
	authorName: string;
	createdAt: Date;
	answers: ScrutinyAnswer[];
}

/** Every question and comment on a record, oldest first, with their answers. */
export function listScrutiny(db: DB, recordId: number): ScrutinyItem[] {
	const items = db
		.select()
		.from(decisionScrutiny)
		.where(eq(decisionScrutiny.recordId, recordId))
		.orderBy(asc(decisionScrutiny.id))
		.all();
	const answers = items.length
		? db
				.select()
				.from(decisionScrutinyAnswer)
				.where(
					inArray(
						decisionScrutinyAnswer.scrutinyId,
						items.map((i) => i.id)
					)
				)
				.orderBy(asc(decisionScrutinyAnswer.id))
				.all()
		: [];
	return items.map((i) => ({
		id: i.id,
		kind: i.kind,
		text: i.text,
		versionNumber: i.versionNumber,
		authorName: i.authorName,
		createdAt: i.createdAt,
		answers: answers
			.filter((a) => a.scrutinyId === i.id)
			.map((a) => ({ id: a.id, text: a.text, authorName: a.authorName, createdAt: a.createdAt }))
	}));
}

const actorOf = (u: SessionUser): audit.Actor => ({ id: u.id, email: u.email });

/**
 * A councillor's question or comment on the version being worked on (the draft, if any): its
 * id, or refused when there is no record yet.
 */
export function ask(
	db: DB,
	by: SessionUser,
	engagementId: number,
	input: { kind: 'question' | 'comment'; text: string },
	now = new Date()
): number {
	return write(db, (tx) => {
		const record = getRecord(tx, engagementId);
		if (!record) throw new Refusal('_', 'There is no decision record to scrutinise yet.');
		const versionNumber = record.draft ? null : (record.current?.number ?? null);
		const id = tx
			.insert(decisionScrutiny)
			.values({
				recordId: record.id,
				kind: input.kind,
				text: input.text,
				versionNumber,
				authorId: by.id,
				authorName: by.name,
				createdAt: now
			})
			.returning({ id: decisionScrutiny.id })
			.get().id;
		audit.record(
			tx,
			actorOf(by),
			{
				action: `decision.scrutiny.${input.kind}`,
				entityType: 'decision',
				entityId: record.id,
				after: { id, versionNumber, text: input.text }
			},
			now
		);
		return id;
	});
}

/** A staff answer to a question or comment on this engagement's record; refused if it is not. */
export function answer(
	db: DB,
	by: SessionUser,
	engagementId: number,
	input: { itemId: number; answer: string },
	now = new Date()
): void {
	write(db, (tx) => {
		const record = getRecord(tx, engagementId);
		const item = record
			? tx.select().from(decisionScrutiny).where(eq(decisionScrutiny.id, input.itemId)).get()
			: undefined;
		if (!record || !item || item.recordId !== record.id)
			throw new Refusal('_', 'That question is not on this record.');
		tx.insert(decisionScrutinyAnswer)
			.values({
				scrutinyId: item.id,
				text: input.answer,
				authorId: by.id,
				authorName: by.name,
				createdAt: now
			})
			.run();
		audit.record(
			tx,
			actorOf(by),
			{
				action: 'decision.scrutiny.answer',
				entityType: 'decision',
				entityId: record.id,
				after: { itemId: item.id, text: input.answer }
			},
			now
		);
	});
}
