/**
 * Paper ballots, keyed twice. Each form carries a serial number; one member of staff keys it
 * (`first`), a different one keys it again without seeing the first (`second`). When both agree
 * the ballot is cast on the paper channel (spending the code printed on it, if any); when they
 * differ it waits in the mismatch report until someone keys it a third time from the paper
 * (`resolution`), which is cast. Every keying is kept (the table is append-only).
 *
 * A keying can record that the voter is a checked user of one of the vote's services (staff who
 * know the voter noted it on the paper). It is part of the keying, so both keyings must agree on
 * it; the counted ballot is then assured ('checked', or 'code' when it has a code) and a verified
 * user of that service. The check implies use: the service counts among the ballot's uses
 * whatever the paper says to "Do you use it?" (as for a service-user code).
 */
import { and, asc, eq } from 'drizzle-orm';
import {
	differences,
	validateContent,
	type BallotContent,
	type BallotErrors,
	type LimitBreach
} from '../../vote/ballot';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { paperEntry } from '../db/schema';
import {
	ballotContext,
	castBallotIn,
	codeVoter,
	problemParams,
	type CastReason,
	type Voter
} from './ballots';
import { asksAbout, getVote } from './votes';
import { isRefusal, Refusal } from '../command-refusal';

export type PaperStatus = 'awaitingSecond' | 'counted' | 'spoilt' | 'mismatch';

export interface PaperKeying {
	serial: string;
	codeId: number | null;
	spoilt: boolean;
	content: BallotContent;
	/** The service the voter is a checked user of, as the keying staff member recorded it. */
	checkedServiceId?: string | null;
}

type Row = typeof paperEntry.$inferSelect;

function keyingOf(row: Row): PaperKeying {
	return {
		serial: row.serial,
		codeId: row.codeId,
		spoilt: row.spoilt,
		content: JSON.parse(row.content) as BallotContent,
		checkedServiceId: row.checkedServiceId
	};
}

/** Fields where two keyings differ: the ballot's fields, plus `code`, `checked` and `spoilt`. */
export function keyingDifferences(a: PaperKeying, b: PaperKeying): string[] {
	const out = a.spoilt || b.spoilt ? [] : differences(a.content, b.content);
	if (a.codeId !== b.codeId) out.push('code');
	if ((a.checkedServiceId ?? null) !== (b.checkedServiceId ?? null)) out.push('checked');
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
 * Who a settled paper ballot votes as: its code (a service-user code makes a verified user of the
 * code's service), else its serial; assured when it has a code or a checked user, who is a
 * verified user of the checked service.
 */
function paperVoter(tx: DB, voteId: number, keying: PaperKeying): Voter {
	const checked = keying.checkedServiceId ? [keying.checkedServiceId] : [];
	if (keying.codeId === null)
		return {
			key: `paper:${keying.serial}`,
			assurance: checked.length ? 'checked' : 'open',
			codeId: null,
			verifiedUses: checked
		};
	const code = codeVoter(tx, keying.codeId, getVote(tx, voteId)?.engagementId ?? -1);
	return {
		key: `code:${keying.codeId}`,
		assurance: 'code',
		codeId: keying.codeId,
		verifiedUses: [...new Set([...(code?.verifiedUses ?? []), ...checked])]
	};
}

/**
 * A ballot's errors in staff words, by field: over a limit says so, with the numbers, beside the
 * marks (the limits box, `wants` / `dontWants`), then what to do (`remedy`); anything else asks
 * for one of the options.
 */
export function staffBallotErrors(
	errors: BallotErrors,
	limits: LimitBreach,
	remedy = 'check it with the paper, or tick “Spoilt”'
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(errors)) {
		const breach = k === 'wants' ? limits.wants : k === 'dontWants' ? limits.dontWants : undefined;
		const marks = k === 'wants' ? 'Want' : 'Don’t want';
		out[k] = breach
			? `${breach.count} proposals are marked ${marks}, but the rules allow ${breach.max}: ${remedy}`
			: v.startsWith('err_')
				? 'Choose one of the options'
				: v;
	}
	return out;
}

/**
 * Refuses (nothing written) a keying whose marks the vote would refuse: over a limit, a
 * proposal or answer not in the vote. The first keying is checked too, so that a keying that
 * could never be counted is not kept waiting for a second. A spoilt paper's marks are not kept.
 */
function checkContent(tx: DB, voteId: number, keying: PaperKeying): void {
	if (keying.spoilt) return;
	const v = getVote(tx, voteId);
	if (!v) throw new Refusal('_', 'That vote no longer exists');
	const checked = validateContent(keying.content, ballotContext(tx, v));
	if (checked.ok) return;
	const [field, message] = Object.entries(staffBallotErrors(checked.errors, checked.limits))[0];
	throw new Refusal<CastReason>(field, message, {
		reason: 'invalid',
		params: problemParams(checked.errors, checked.limits)
	});
}

/** Refuses a checked user the keying cannot record: on a spoilt paper, or of another service. */
function checkChecked(tx: DB, voteId: number, keying: PaperKeying): void {
	if (!keying.checkedServiceId) return;
	if (keying.spoilt)
		throw new Refusal(
			'checked',
			'A spoilt ballot is not counted, so it cannot record a checked user: choose “None”'
		);
	if (!asksAbout(tx, voteId, keying.checkedServiceId))
		throw new Refusal('checked', 'Choose one of this vote’s services, or “None”');
}

/**
 * Records one keying and, when it settles the ballot, casts it in the same transaction. Throws
 * a `Refusal` (nothing written) when the keying is not allowed: the same person keying twice,
 * a ballot already settled, a checked user on a spoilt paper or of a service not in the vote, or
 * a ballot the vote refuses (closed, invalid, code already voted).
 */
export function keyPaperBallot(
	db: DB,
	actor: audit.Actor & { id: number },
	voteId: number,
	keying: PaperKeying,
	now = new Date()
): { status: PaperStatus; stage: Row['stage']; receipt?: string; differences?: string[] } {
	return write(db, (tx) => {
		checkChecked(tx, voteId, keying);
		checkContent(tx, voteId, keying);
		const rows = tx
			.select()
			.from(paperEntry)
			.where(and(eq(paperEntry.voteId, voteId), eq(paperEntry.serial, keying.serial)))
			.all();
		const status = rows.length ? statusOf(rows) : null;
		if (status === 'counted' || status === 'spoilt')
			throw new Refusal('serial', `Ballot ${keying.serial} has already been entered and settled`);
		const stage: Row['stage'] =
			rows.length === 0 ? 'first' : status === 'awaitingSecond' ? 'second' : 'resolution';
		if (stage === 'second' && rows[0].enteredBy === actor.id)
			throw new Refusal(
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
				checkedServiceId: keying.checkedServiceId ?? null,
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
			let cast;
			try {
				cast = castBallotIn(
					tx,
					{
						voteId,
						voter: paperVoter(tx, voteId, keying),
						channel: 'paper',
						content: keying.content,
						enteredBy: actor.id,
						replace: false
					},
					now
				);
			} catch (e) {
				throw staffRefusal(e);
			}
			result = { status: 'counted', stage, receipt: cast.receipt };
		}
		audit.record(
			tx,
			actor,
			{
				action: `vote.paper.${stage}`,
				entityType: 'vote',
				entityId: voteId,
				after: {
					serial: keying.serial,
					status: result.status,
					differences: result.differences,
					checked: keying.checkedServiceId ?? undefined
				}
			},
			now
		);
		return result;
	});
}

/**
 * A refusal of `castBallotIn` (`e`) in staff words, for the whole form: the same reason and
 * params (the ballot's problems, for `invalid`), the message from `refusalMessage`. Anything
 * that is not a refusal is thrown on. Thrown by the caller inside its transaction.
 */
export function staffRefusal(e: unknown, what?: string): Refusal<CastReason> {
	if (!isRefusal(e) || e.reason === undefined) throw e;
	const reason = e.reason as CastReason;
	return new Refusal<CastReason>('_', refusalMessage(reason, what), { reason, params: e.params });
}

/** Why the vote refused a ballot staff entered, in staff words (`what`: what was refused). */
export function refusalMessage(reason: CastReason, what = 'paper ballots'): string {
	switch (reason) {
		case 'closed':
			return `The vote is closed: no more ${what} can be entered`;
		case 'notOpen':
			return 'The vote is not open yet';
		case 'codeUsed':
			return 'The code on this paper ballot has already voted: mark the paper as spoilt';
		case 'invalid':
			return 'The ballot breaks the vote’s rules (too many wants or don’t-wants?): check it or mark it spoilt';
		case 'roundFull':
			// Staff never enter a ballot into a room round; named so that every refusal has words.
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
