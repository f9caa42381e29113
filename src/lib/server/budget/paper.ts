/**
 * Paper ballots, keyed twice. Each form carries a serial number; one member of staff keys it
 * (`first`), a different one keys it again without seeing the first (`second`). When both agree
 * the ballot is cast on the paper channel (spending the code printed on it, if any); when they
 * differ it waits in the mismatch report until someone keys it a third time from the paper
 * (`resolution`), which is cast. Every keying is kept (the table is append-only).
 */
import { and, asc, eq } from 'drizzle-orm';
import { differences, type BallotContent } from '../../budget/ballot';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { paperEntry } from '../db/schema';
import { castBallotIn, codeVoter, type CastResult } from './ballots';
import { getVote } from './votes';

export type PaperStatus = 'awaitingSecond' | 'counted' | 'spoilt' | 'mismatch';

export interface PaperKeying {
	serial: string;
	codeId: number | null;
	spoilt: boolean;
	content: BallotContent;
}

export class PaperError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly refusal?: CastResult
	) {
		super(message);
	}
}

type Row = typeof paperEntry.$inferSelect;

function keyingOf(row: Row): PaperKeying {
	return {
		serial: row.serial,
		codeId: row.codeId,
		spoilt: row.spoilt,
		content: JSON.parse(row.content) as BallotContent
	};
}

/** Fields where two keyings differ: the ballot's fields, plus `code` and `spoilt`. */
export function keyingDifferences(a: PaperKeying, b: PaperKeying): string[] {
	const out = a.spoilt || b.spoilt ? [] : differences(a.content, b.content);
	if (a.codeId !== b.codeId) out.push('code');
	if (a.spoilt !== b.spoilt) out.push('spoilt');
	return out;
}

function statusOf(rows: Row[]): PaperStatus {
	const first = rows.find((r) => r.stage === 'first');
	const second = rows.find((r) => r.stage === 'second');
	const resolution = rows.find((r) => r.stage === 'resolution');
	const settled =
		resolution ??
		(second && first && !keyingDifferences(keyingOf(first), keyingOf(second)).length
			? second
			: undefined);
	if (settled) return settled.spoilt ? 'spoilt' : 'counted';
	if (second) return 'mismatch';
	return 'awaitingSecond';
}

/**
 * Records one keying and, when it settles the ballot, casts it in the same transaction. Throws
 * `PaperError` (nothing written) when the keying is not allowed: the same person keying twice,
 * a ballot already settled, or a ballot the vote refuses (closed, invalid, code already voted).
 */
export function keyPaperBallot(
	db: DB,
	actor: audit.Actor & { id: number },
	voteId: number,
	keying: PaperKeying,
	now = new Date()
): { status: PaperStatus; stage: Row['stage']; receipt?: string; differences?: string[] } {
	return write(db, (tx) => {
		const rows = tx
			.select()
			.from(paperEntry)
			.where(and(eq(paperEntry.voteId, voteId), eq(paperEntry.serial, keying.serial)))
			.all();
		const status = rows.length ? statusOf(rows) : null;
		if (status === 'counted' || status === 'spoilt')
			throw new PaperError(
				'serial',
				`Ballot ${keying.serial} has already been entered and settled`
			);
		const stage: Row['stage'] =
			rows.length === 0 ? 'first' : status === 'awaitingSecond' ? 'second' : 'resolution';
		if (stage === 'second' && rows[0].enteredBy === actor.id)
			throw new PaperError(
				'serial',
				`You keyed ballot ${keying.serial} first: a different member of staff must key it the second time`
			);
		tx.insert(paperEntry)
			.values({
				voteId,
				serial: keying.serial,
				stage,
				enteredBy: actor.id,
				codeId: keying.codeId,
				content: JSON.stringify(keying.content),
				spoilt: keying.spoilt,
				createdAt: now
			})
			.run();
		let result: {
			status: PaperStatus;
			stage: Row['stage'];
			receipt?: string;
			differences?: string[];
		};
		const first = rows.find((r) => r.stage === 'first');
		const diff = stage === 'second' && first ? keyingDifferences(keyingOf(first), keying) : [];
		if (stage === 'first') result = { status: 'awaitingSecond', stage };
		else if (diff.length) result = { status: 'mismatch', stage, differences: diff };
		else if (keying.spoilt) result = { status: 'spoilt', stage };
		else {
			const cast = castBallotIn(
				tx,
				{
					voteId,
					// A service-user code makes the ballot a verified user of its service.
					voter: (keying.codeId !== null
						? codeVoter(tx, keying.codeId, getVote(tx, voteId)?.engagementId ?? -1)
						: null) ?? {
						key: keying.codeId !== null ? `code:${keying.codeId}` : `paper:${keying.serial}`,
						assurance: keying.codeId !== null ? 'code' : 'open',
						codeId: keying.codeId
					},
					channel: 'paper',
					content: keying.content,
					enteredBy: actor.id,
					replace: false
				},
				now
			);
			if (!cast.ok) throw new PaperError('_', refusalMessage(cast), cast);
			result = { status: 'counted', stage, receipt: cast.receipt };
		}
		audit.record(
			tx,
			actor,
			{
				action: `vote.paper.${stage}`,
				entityType: 'vote',
				entityId: voteId,
				after: { serial: keying.serial, status: result.status, differences: result.differences }
			},
			now
		);
		return result;
	});
}

function refusalMessage(r: CastResult): string {
	if (r.ok) return '';
	switch (r.reason) {
		case 'closed':
			return 'The vote is closed: no more paper ballots can be entered';
		case 'notOpen':
			return 'The vote is not open yet';
		case 'codeUsed':
			return 'The code on this paper ballot has already voted: mark the paper as spoilt';
		case 'invalid':
			return 'The ballot breaks the vote’s rules (too many wants or don’t-wants?): check it or mark it spoilt';
		case 'roundFull':
			// Paper is never cast into a room round; named so that every refusal has words.
			return 'The room round is full';
	}
}

/** Every serial with its keyings and where it stands. */
export function listPaper(db: DB, voteId: number) {
	const rows = db
		.select()
		.from(paperEntry)
		.where(eq(paperEntry.voteId, voteId))
		.orderBy(asc(paperEntry.serial), asc(paperEntry.id))
		.all();
	const bySerial = new Map<string, Row[]>();
	for (const r of rows) bySerial.set(r.serial, [...(bySerial.get(r.serial) ?? []), r]);
	return [...bySerial.entries()].map(([serial, entries]) => {
		const first = entries.find((r) => r.stage === 'first');
		const second = entries.find((r) => r.stage === 'second');
		return {
			serial,
			status: statusOf(entries),
			keyings: entries.map((r) => ({ stage: r.stage, enteredBy: r.enteredBy, at: r.createdAt })),
			differences: first && second ? keyingDifferences(keyingOf(first), keyingOf(second)) : [],
			first: first ? keyingOf(first) : undefined,
			second: second ? keyingOf(second) : undefined
		};
	});
}

/** Counts of serials by status, for the paper page and reconciliation. */
export function paperSummary(db: DB, voteId: number): Record<PaperStatus, number> {
	const summary: Record<PaperStatus, number> = {
		awaitingSecond: 0,
		counted: 0,
		spoilt: 0,
		mismatch: 0
	};
	for (const p of listPaper(db, voteId)) summary[p.status]++;
	return summary;
}
