/**
 * Casting ballots: who may vote and under which key, the draft a resident fills in page by page,
 * and `castBallot`, which checks the ballot against the vote, spends the code, replaces the
 * voter's current ballot and appends the new version to the history, all in one IMMEDIATE
 * transaction. However many requests race with one code, the unique index on (vote, voter key)
 * and the code-use index leave exactly one current ballot and one spent code.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { AGE_BANDS } from '../../catalogue/schemas';
import {
	countedProfile,
	validateContent,
	type BallotContent,
	type BallotContext,
	type BallotErrors,
	type LimitBreach
} from '../../vote/ballot';
import type { Channel } from '../../budget/types';
import { takesBallots, takesPaper, voteState } from '../../vote/state';
import { CODE_ALPHABET } from '../../participation/codes';
import * as codes from '../codes';
import { Refusal, type RefusalParams } from '../command-refusal';
import { write, type DB } from '../db/open';
import { prepared } from '../db/prepared';
import {
	area,
	ASSISTED,
	ASSURANCE,
	ballot,
	ballotDraft,
	ballotHistory,
	participant,
	proposal,
	segment,
	vote
} from '../db/schema';
import * as rounds from './rounds';
import { getVote, type Vote } from './votes';

export type Assurance = (typeof ASSURANCE)[number];
export type Assisted = (typeof ASSISTED)[number];

/** The code-use activity of a vote: a code casts one ballot in each vote, on any channel. */
export function activityKey(voteId: number): string {
	return `vote:${voteId}`;
}

export const RECEIPT_LENGTH = 10;

/** A receipt reference: random, from the no-look-alike alphabet, never derived from the code. */
export function generateReceipt(randomIndex = codes.secureRandomIndex): string {
	let out = '';
	for (let i = 0; i < RECEIPT_LENGTH; i++) out += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
	return out;
}

/** As shown: ACDEF-GHJKM. */
export function formatReceipt(receipt: string): string {
	return `${receipt.slice(0, 5)}-${receipt.slice(5)}`;
}

/** What a typed receipt reference looks like once spaces and dashes are gone. */
export function normaliseReceipt(input: string): string {
	return input.toUpperCase().replace(/[\s\-‐-―.]/g, '');
}

/** Who is voting: the key their current ballot is kept under and how sure we are it is one person. */
export interface Voter {
	key: string;
	assurance: Assurance;
	/** The participation code to spend, if they vote with one. */
	codeId: number | null;
	/**
	 * Services this voter is a verified user of: the service of a service-user code, or one a
	 * member of staff checked. Only ever set by the server, never from what a form says.
	 */
	verifiedUses?: string[];
}

export type Participant = typeof participant.$inferSelect;

/**
 * The voter a code makes: keyed by the code, assured, and a verified user of the code batch's
 * service when the batch is of service-user codes. Null for a spoiled code or another
 * engagement's.
 */
export function codeVoter(db: DB, codeId: number | null, engagementId: number): Voter | null {
	const code = codes.engagementCode(db, codeId, engagementId);
	if (!code) return null;
	return {
		key: `code:${code.id}`,
		assurance: 'code',
		codeId: code.id,
		verifiedUses: code.serviceId ? [code.serviceId] : []
	};
}

/** Where a ballot comes from: a resident's own browser, a room round, or a kiosk. */
export interface Setting {
	participant?: Participant;
	/** An open round of this vote the browser joined with the room code. */
	roundId?: number | null;
	/** A kiosk of this vote that this device runs as. */
	kioskId?: number | null;
}

/** Whether this browser may vote, and as whom: a codes-only vote without a code needs one. */
export type Entry =
	| {
			allowed: true;
			/** Null until the browser has a participant (made on the first post). */
			voter: Voter | null;
			channel: Channel;
			roundId: number | null;
			kioskId: number | null;
			/** Where the half-filled ballot is kept. */
			draftKey: string | null;
	  }
	| { allowed: false; reason: 'needCode' };

/**
 * Who this browser (or kiosk) votes as. A kiosk takes anyone, each ballot under a fresh key and
 * marked lower assurance. Otherwise a code from the engagement's letters is used when the vote
 * takes codes; an open vote (or "both" without a code) keys ballots by the browser's anonymous
 * participant token, one ballot each, lower assurance. A room round follows the same rules: in a
 * codes-only vote a phone in the room needs its code too (a room code is on the projector for
 * anyone to pass on), and a round without codes takes no more ballots than its attendance.
 */
export function entryFor(db: DB, v: Vote, s: Setting, now = new Date()): Entry {
	if (s.kioskId) {
		// A member of staff may have confirmed this voter as a checked user (kiosks.checkUser).
		const checked = checkedUse(db, v.id, `kiosk:${s.kioskId}`, now);
		return {
			allowed: true,
			voter: {
				key: `kiosk:${s.kioskId}:${generateReceipt()}`,
				assurance: checked ? 'checked' : 'open',
				codeId: null,
				verifiedUses: checked ? [checked] : []
			},
			channel: 'kiosk',
			roundId: null,
			kioskId: s.kioskId,
			draftKey: `kiosk:${s.kioskId}`
		};
	}
	const p = s.participant;
	const draftKey = p ? `participant:${p.id}` : null;
	const channel: Channel = s.roundId ? 'room' : 'online';
	const base = { channel, roundId: s.roundId ?? null, kioskId: null, draftKey };
	// A round held with a service's users, whose attendance staff check: its voters are checked
	// users of that service (counting.md, verified membership).
	const roomUsers = s.roundId
		? (rounds.getRound(db, v.id, s.roundId)?.usersServiceId ?? null)
		: null;
	const checked = (voter: Voter): Voter =>
		roomUsers === null
			? voter
			: {
					...voter,
					assurance: voter.assurance === 'open' ? 'checked' : voter.assurance,
					verifiedUses: [...new Set([...(voter.verifiedUses ?? []), roomUsers])]
				};
	if (v.eligibility !== 'open' && p) {
		const voter = codeVoter(db, p.codeId, v.engagementId);
		if (voter) return { allowed: true, ...base, voter: checked(voter) };
	}
	if (v.eligibility === 'codes') return { allowed: false, reason: 'needCode' };
	return {
		allowed: true,
		...base,
		voter: p ? checked({ key: `participant:${p.id}`, assurance: 'open', codeId: null }) : null
	};
}

/** Labels for the profile questions: areas and segments as the catalogue has them now. */
export function profileChoices(db: DB) {
	return {
		areas: prepared(db, 'ballots.profileAreas', (d) =>
			d
				.select({ id: area.id, name: area.name, nameCy: area.nameCy })
				.from(area)
				.where(eq(area.archived, false))
				.orderBy(asc(area.name))
				.prepare()
		).all(),
		ageBands: [...AGE_BANDS],
		segments: prepared(db, 'ballots.profileSegments', (d) =>
			d
				.select({
					id: segment.id,
					label: segment.label,
					labelCy: segment.labelCy,
					specialCategory: segment.specialCategory
				})
				.from(segment)
				.where(eq(segment.archived, false))
				.orderBy(asc(segment.label))
				.prepare()
		).all()
	};
}

/** What a ballot of this vote is checked against. */
export function ballotContext(db: DB, v: Vote): BallotContext {
	const rows = prepared(db, 'ballots.proposalIds', (d) =>
		d
			.select({ id: proposal.id, serviceId: proposal.serviceId })
			.from(proposal)
			.where(eq(proposal.voteId, sql.placeholder('voteId')))
			.orderBy(asc(proposal.position), asc(proposal.id))
			.prepare()
	).all({ voteId: v.id });
	const choices = profileChoices(db);
	return {
		proposalIds: rows.map((p) => String(p.id)),
		serviceIds: [...new Set(rows.map((p) => p.serviceId))],
		maxWants: v.rules.maxWants,
		maxDontWants: v.rules.maxDontWants,
		areaIds: choices.areas.map((a) => a.id),
		ageBands: choices.ageBands,
		segmentIds: choices.segments.map((s) => s.id)
	};
}

// ---------------------------------------------------------------- drafts

/** Kiosk drafts older than this belong to someone who walked away: the next person starts clean. */
export const KIOSK_DRAFT_MS = 10 * 60 * 1000;

export function findDraft(
	db: DB,
	voteId: number,
	draftKey: string,
	now = new Date()
): BallotContent | undefined {
	const row = db
		.select()
		.from(ballotDraft)
		.where(and(eq(ballotDraft.voteId, voteId), eq(ballotDraft.draftKey, draftKey)))
		.get();
	if (!row) return undefined;
	if (draftKey.startsWith('kiosk:') && now.getTime() - row.updatedAt.getTime() > KIOSK_DRAFT_MS)
		return undefined;
	return JSON.parse(row.content) as BallotContent;
}

export function saveDraft(
	db: DB,
	voteId: number,
	draftKey: string,
	content: BallotContent,
	now = new Date()
): void {
	db.insert(ballotDraft)
		.values({ voteId, draftKey, content: JSON.stringify(content), updatedAt: now })
		.onConflictDoUpdate({
			target: [ballotDraft.voteId, ballotDraft.draftKey],
			set: {
				content: JSON.stringify(content),
				updatedAt: now,
				// A staff check belongs to the person it was made for: a draft left too long is the
				// next person's, who starts unchecked (findDraft already ignores its content).
				checkedServiceId: sql`case when ${ballotDraft.updatedAt} < ${now.getTime() - KIOSK_DRAFT_MS} then null else ${ballotDraft.checkedServiceId} end`
			}
		})
		.run();
}

/**
 * The service a member of staff confirmed this kiosk draft's voter uses, while the draft is
 * fresh; null otherwise.
 */
export function checkedUse(
	db: DB,
	voteId: number,
	draftKey: string,
	now = new Date()
): string | null {
	const row = db
		.select({ serviceId: ballotDraft.checkedServiceId, updatedAt: ballotDraft.updatedAt })
		.from(ballotDraft)
		.where(and(eq(ballotDraft.voteId, voteId), eq(ballotDraft.draftKey, draftKey)))
		.get();
	if (!row?.serviceId || now.getTime() - row.updatedAt.getTime() > KIOSK_DRAFT_MS) return null;
	return row.serviceId;
}

export function clearDraft(db: DB, voteId: number, draftKey: string): void {
	prepared(db, 'ballots.clearDraft', (d) =>
		d
			.delete(ballotDraft)
			.where(
				and(
					eq(ballotDraft.voteId, sql.placeholder('voteId')),
					eq(ballotDraft.draftKey, sql.placeholder('draftKey'))
				)
			)
			.prepare()
	).run({ voteId, draftKey });
}

// ---------------------------------------------------------------- current ballots

export interface CurrentBallot {
	id: number;
	receipt: string;
	version: number;
	channel: Channel;
	roundId: number | null;
	firstAt: Date;
	updatedAt: Date;
	content: BallotContent;
}

/** The ballot that counts for this voter now, as content the form can show again. */
export function currentBallot(db: DB, voteId: number, voterKey: string): CurrentBallot | undefined {
	const row = db
		.select()
		.from(ballot)
		.where(and(eq(ballot.voteId, voteId), eq(ballot.voterKey, voterKey)))
		.get();
	// A voided ballot does not count: the voter has no ballot until they vote again.
	if (!row || row.voidedAt) return undefined;
	return {
		id: row.id,
		receipt: row.receipt,
		version: row.version,
		channel: row.channel,
		roundId: row.roundId,
		firstAt: row.firstAt,
		updatedAt: row.updatedAt,
		content: contentOf(row)
	};
}

function contentOf(row: {
	marks: string;
	uses: string;
	area: string | null;
	ageBand: string | null;
	segments: string;
}): BallotContent {
	const segments = JSON.parse(row.segments) as string[];
	return {
		marks: JSON.parse(row.marks),
		uses: JSON.parse(row.uses),
		notUses: [],
		profile: {
			area: row.area,
			ageBand: row.ageBand,
			segments: Object.fromEntries(segments.map((s) => [s, 'yes' as const]))
		}
	};
}

/** A receipt of this vote: whether it is the voter's current ballot or was replaced later. */
export function findReceipt(db: DB, voteId: number, receipt: string) {
	const h = db
		.select({
			ballotId: ballotHistory.ballotId,
			version: ballotHistory.version,
			channel: ballotHistory.channel,
			submittedAt: ballotHistory.submittedAt
		})
		.from(ballotHistory)
		.where(and(eq(ballotHistory.voteId, voteId), eq(ballotHistory.receipt, receipt)))
		.get();
	if (!h) return undefined;
	const current = db
		.select({ version: ballot.version, updatedAt: ballot.updatedAt })
		.from(ballot)
		.where(eq(ballot.id, h.ballotId))
		.get()!;
	return {
		channel: h.channel,
		version: h.version,
		submittedAt: h.submittedAt,
		current: current.version === h.version,
		replacedAt: current.version === h.version ? null : current.updatedAt
	};
}

export function ballotCount(db: DB, voteId: number, roundId?: number): number {
	return db
		.select({ n: count() })
		.from(ballot)
		.where(
			and(
				eq(ballot.voteId, voteId),
				isNull(ballot.voidedAt),
				roundId === undefined ? undefined : eq(ballot.roundId, roundId)
			)
		)
		.get()!.n;
}

// ---------------------------------------------------------------- casting

export interface CastInput {
	voteId: number;
	voter: Voter;
	channel: Channel;
	roundId?: number | null;
	kioskId?: number | null;
	content: BallotContent;
	/** The draft to forget once the ballot is cast. */
	draftKey?: string | null;
	/** The staff member who keyed a paper ballot or entered one with the voter present. */
	enteredBy?: number | null;
	/** Who helped a voter who was present (assisted voting, assisted.ts); null otherwise. */
	assisted?: Assisted | null;
	/**
	 * The vote's ballot context if the caller already has it (it parsed the form with it). The
	 * proposals of an open vote cannot change, so only its limits are checked again here.
	 */
	context?: BallotContext;
	/**
	 * Whether this may replace the voter's current ballot (default true: a resident changing
	 * their mind). Paper keyed days later must not silently replace a later online ballot.
	 */
	replace?: boolean;
}

/** A ballot cast: its receipt, its version (1 for the first), and whether it replaced one. */
export interface Cast {
	receipt: string;
	version: number;
	replaced: boolean;
}

/**
 * Why a ballot is refused: the vote has closed or is not open (on this channel), the code has
 * voted (or its ballot may not be replaced), the room round is full, or the ballot breaks the
 * vote's rules (`invalid`, whose problems `ballotProblems` reads back from the refusal).
 */
export type CastReason = 'closed' | 'notOpen' | 'codeUsed' | 'roundFull' | 'invalid';

/** The refusal's English words for each reason (staff pages say it their own way, paper.ts). */
const CAST_REFUSALS: Record<Exclude<CastReason, 'invalid'>, string> = {
	closed: 'The vote is closed: no more ballots can be entered',
	notOpen: 'The vote is not open yet',
	codeUsed: 'This code has already voted: it cannot vote again',
	roundFull: 'The room round is full'
};

function refuseCast(reason: Exclude<CastReason, 'invalid'>): Refusal<CastReason> {
	return new Refusal<CastReason>('_', CAST_REFUSALS[reason], { reason });
}

const ERROR_PARAM = 'error:';

/**
 * An `invalid` refusal: each field's error key as the param `error:<field>`, and each limit
 * broken as `<limit>Count` and `<limit>Max`, so that the refusal carries the whole of the
 * ballot's problems (read back with `ballotProblems`).
 */
function refuseInvalid(errors: BallotErrors, limits: LimitBreach): Refusal<CastReason> {
	const field = Object.keys(errors)[0] ?? '_';
	return new Refusal<CastReason>(field, 'The ballot breaks the vote’s rules', {
		reason: 'invalid',
		params: problemParams(errors, limits)
	});
}

/** A ballot's problems as the params of an `invalid` refusal (`ballotProblems` reads them). */
export function problemParams(errors: BallotErrors, limits: LimitBreach): RefusalParams {
	const params: Record<string, string | number> = {};
	for (const [field, key] of Object.entries(errors)) params[ERROR_PARAM + field] = key;
	for (const limit of ['wants', 'dontWants'] as const) {
		const breach = limits[limit];
		if (breach) {
			params[`${limit}Count`] = breach.count;
			params[`${limit}Max`] = breach.max;
		}
	}
	return params;
}

/** The problems an `invalid` refusal of `castBallotIn` carries: errors by field, limits broken. */
export function ballotProblems(params: RefusalParams): {
	errors: BallotErrors;
	limits: LimitBreach;
} {
	const errors: BallotErrors = {};
	for (const [k, v] of Object.entries(params))
		if (k.startsWith(ERROR_PARAM)) errors[k.slice(ERROR_PARAM.length)] = String(v);
	const limits: LimitBreach = {};
	for (const limit of ['wants', 'dontWants'] as const)
		if (params[`${limit}Count`] !== undefined)
			limits[limit] = {
				count: Number(params[`${limit}Count`]),
				max: Number(params[`${limit}Max`])
			};
	return { errors, limits };
}

/** The columns a ballot and its history row share, in the prepared inserts below. */
const BALLOT_VALUES = [
	'receipt',
	'channel',
	'assurance',
	'roundId',
	'kioskId',
	'marks',
	'uses',
	'verifiedUses',
	'area',
	'ageBand',
	'segments',
	'assisted'
] as const;

function placeholders<K extends string>(keys: readonly K[]) {
	return Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as unknown as Record<
		K,
		ReturnType<typeof sql.placeholder>
	>;
}

/**
 * Casts (or replaces) a voter's ballot inside the caller's transaction: checks the vote takes
 * ballots on this channel, validates the ballot against the vote's proposals and limits, spends
 * the code on a voter's first ballot, freezes the rules on the vote's first ballot, and appends
 * the version to the history. Throws a `Refusal` with a `CastReason` when the ballot is refused:
 * the caller's transaction then rolls back, so nothing of the submission is written.
 */
export function castBallotIn(tx: DB, input: CastInput, now = new Date()): Cast {
	const v = getVote(tx, input.voteId);
	if (!v) throw refuseCast('notOpen');
	const state = voteState(v, now);
	const open = input.channel === 'paper' ? takesPaper(state) : takesBallots(state);
	if (!open) throw refuseCast(state === 'closed' || state === 'ended' ? 'closed' : 'notOpen');
	const given = input.context;
	const context =
		given &&
		given.maxWants === v.rules.maxWants &&
		given.maxDontWants === v.rules.maxDontWants &&
		v.status !== 'draft'
			? given
			: ballotContext(tx, v);
	const checked = validateContent(input.content, context);
	if (!checked.ok) throw refuseInvalid(checked.errors, checked.limits);
	const content = checked.content;
	const existing = prepared(tx, 'ballots.existing', (d) =>
		d
			.select({
				id: ballot.id,
				version: ballot.version,
				channel: ballot.channel,
				roundId: ballot.roundId,
				voidedAt: ballot.voidedAt
			})
			.from(ballot)
			.where(
				and(
					eq(ballot.voteId, sql.placeholder('voteId')),
					eq(ballot.voterKey, sql.placeholder('voterKey'))
				)
			)
			.prepare()
	).get({ voteId: v.id, voterKey: input.voter.key });
	// A voided ballot holds nothing: its voter may vote again, on any channel.
	const counted = existing && !existing.voidedAt ? existing : undefined;
	if (counted && input.replace === false) throw refuseCast('codeUsed');
	// A code used on paper or in a meeting is spent there: it cannot be used again online.
	if (counted && input.voter.codeId !== null && lockedTo(counted.channel, input.channel))
		throw refuseCast('codeUsed');
	// A room round takes no more ballots than the people counted in the room.
	if (input.roundId) {
		const seat = rounds.seatIn(tx, input.roundId, counted?.roundId === input.roundId);
		if (seat !== 'ok') throw refuseCast(seat === 'full' ? 'roundFull' : 'notOpen');
	}
	if (!existing && input.voter.codeId !== null) {
		if (!codes.spendCode(tx, input.voter.codeId, activityKey(v.id), input.channel, now))
			throw refuseCast('codeUsed');
	}
	// 23^10 (about 4 x 10^13) references: a repeat is astronomically unlikely, and the unique
	// index would refuse it (the transaction fails, nothing is written) rather than share one.
	const receipt = generateReceipt();
	const profile = countedProfile(content.profile);
	// A verified use is a use, whatever the form said; it needs an assured voter (counting.md).
	const verified =
		input.voter.assurance === 'open'
			? []
			: (input.voter.verifiedUses ?? []).filter((s) => context.serviceIds.includes(s));
	const uses = context.serviceIds.filter((s) => content.uses.includes(s) || verified.includes(s));
	const values = {
		receipt,
		channel: input.channel,
		assurance: input.voter.assurance,
		roundId: input.roundId ?? null,
		kioskId: input.kioskId ?? null,
		marks: JSON.stringify(content.marks),
		uses: JSON.stringify(uses),
		verifiedUses: JSON.stringify(verified),
		area: profile.area,
		ageBand: profile.ageBand,
		segments: JSON.stringify(profile.segments),
		// A later version the voter sent themselves is not assisted: the flag is per version.
		assisted: input.assisted ?? null
	} satisfies Record<(typeof BALLOT_VALUES)[number], unknown>;
	let ballotId: number;
	let version: number;
	if (existing) {
		version = existing.version + 1;
		ballotId = existing.id;
		tx.update(ballot)
			.set({ ...values, version, updatedAt: now, voidedAt: null })
			.where(eq(ballot.id, existing.id))
			.run();
	} else {
		version = 1;
		ballotId = prepared(tx, 'ballots.insertBallot', (d) =>
			d
				.insert(ballot)
				.values({
					...placeholders(BALLOT_VALUES),
					voteId: sql.placeholder('voteId'),
					voterKey: sql.placeholder('voterKey'),
					version: sql.placeholder('version'),
					firstAt: sql.placeholder('now'),
					updatedAt: sql.placeholder('now')
				})
				.returning({ id: ballot.id })
				.prepare()
		).get({ ...values, voteId: v.id, voterKey: input.voter.key, version, now })!.id;
	}
	prepared(tx, 'ballots.insertHistory', (d) =>
		d
			.insert(ballotHistory)
			.values({
				...placeholders(BALLOT_VALUES),
				ballotId: sql.placeholder('ballotId'),
				voteId: sql.placeholder('voteId'),
				version: sql.placeholder('version'),
				enteredBy: sql.placeholder('enteredBy'),
				submittedAt: sql.placeholder('now')
			})
			.prepare()
	).run({ ...values, ballotId, voteId: v.id, version, enteredBy: input.enteredBy ?? null, now });
	if (!v.rulesFrozenAt)
		tx.update(vote)
			.set({ rulesFrozenAt: now })
			.where(and(eq(vote.id, v.id), isNull(vote.rulesFrozenAt)))
			.run();
	if (input.draftKey) clearDraft(tx, v.id, input.draftKey);
	// The projectors of the round the ballot went into, and of one it left, show the turnout.
	rounds.announce(tx, input.roundId, counted?.roundId);
	return { receipt, version, replaced: !!existing };
}

/**
 * Whether a code's ballot cast on `cast` may not be replaced from `from`: paper and room ballots
 * are final for any other channel (a resident may still change a room ballot in the same room).
 */
export function lockedTo(cast: Channel, from: Channel): boolean {
	return (cast === 'paper' || cast === 'room') && cast !== from;
}

/** `castBallotIn` in its own IMMEDIATE transaction: one submission, all or nothing. */
export function castBallot(db: DB, input: CastInput, now = new Date()): Cast {
	return write(db, (tx) => castBallotIn(tx, input, now));
}
