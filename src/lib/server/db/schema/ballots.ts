import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './core';
import { participationCode } from './participation';
import { proposal, vote } from './budget';
import { service } from './catalogue';

const CHANNELS = ['online', 'room', 'paper', 'kiosk'] as const;
/**
 * Who helped a voter who was present fill in a ballot that staff entered for them (assisted
 * voting): a member of staff, or a supporter the voter chose (family, a carer, an advocate) with
 * the member of staff there. Such a ballot is on the paper channel and counted like one.
 */
export const ASSISTED = ['staff', 'supporter'] as const;
/**
 * How sure we are a ballot is one person's (counting.md: assured or open): cast with a
 * participation code, or by someone a member of staff checked (a paper ballot, a kiosk or a room
 * round where staff recorded a checked service user), or open (one per browser or device).
 */
export const ASSURANCE = ['code', 'checked', 'open'] as const;

/**
 * A live round in a meeting: phones join with `code` (the room code on the projector) and their
 * ballots are marked channel `room` with this round. Results show on the projector only once the
 * facilitator reveals them.
 */
export const voteRound = sqliteTable(
	'vote_round',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		title: text('title').notNull(),
		/** Six characters from the participation-code alphabet. */
		code: text('code').notNull(),
		status: text('status', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
		createdBy: integer('created_by').references(() => user.id),
		/**
		 * A round held with a service's users, whose attendance staff checked: its ballots count
		 * as verified users of this service (counting.md, "verified membership").
		 */
		usersServiceId: text('users_service_id').references(() => service.id),
		/**
		 * How many people the facilitator counted in the room: the round takes no more ballots
		 * than this. Null (rounds from before it was asked) takes none until it is entered.
		 */
		attendance: integer('attendance'),
		/** Set when staff void the round: its ballots no longer count (`ballot.voidedAt`). */
		voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
		voidedBy: integer('voided_by').references(() => user.id),
		voidReason: text('void_reason'),
		/** How many ballots the void took out of the count. */
		voidedBallots: integer('voided_ballots')
	},
	(t) => [uniqueIndex('vote_round_code_idx').on(t.code), index('vote_round_vote_idx').on(t.voteId)]
);

/**
 * A shared device (library, one-stop shop) that takes ballot after ballot and forgets each one.
 * Only the SHA-256 of the device's cookie token is kept.
 */
export const voteKiosk = sqliteTable(
	'vote_kiosk',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		label: text('label').notNull(),
		tokenHash: text('token_hash').notNull(),
		startedBy: integer('started_by').references(() => user.id),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
		/**
		 * A kiosk for checked users of this service (a day centre): staff who have checked that the
		 * next voter uses it confirm so on the device with the kiosk's PIN, one ballot at a time.
		 */
		usersServiceId: text('users_service_id').references(() => service.id),
		/** SHA-256 of the kiosk's token hash and its staff PIN; set with `usersServiceId`. */
		pinHash: text('pin_hash'),
		/** Wrong PINs since the last right one: at the limit the kiosk records no more checks. */
		pinFailures: integer('pin_failures').notNull().default(0)
	},
	(t) => [
		uniqueIndex('vote_kiosk_token_idx').on(t.tokenHash),
		index('vote_kiosk_vote_idx').on(t.voteId)
	]
);

/**
 * The ballot that counts for one voter: the latest they submitted. `voterKey` is who may replace
 * it (`code:<codeId>`, `participant:<id>`, `paper:<serial>`, `kiosk:<kioskId>:<receipt>`), and
 * the unique index makes two current ballots for one voter impossible however requests race.
 * Marks are JSON: proposal id -> `want` | `dontWant` (absent = no view).
 */
export const ballot = sqliteTable(
	'ballot',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		voterKey: text('voter_key').notNull(),
		/** The latest version's receipt reference: random, never derived from the code. */
		receipt: text('receipt').notNull(),
		version: integer('version').notNull().default(1),
		channel: text('channel', { enum: CHANNELS }).notNull(),
		assurance: text('assurance', { enum: ASSURANCE }).notNull(),
		roundId: integer('round_id').references(() => voteRound.id),
		kioskId: integer('kiosk_id').references(() => voteKiosk.id),
		marks: text('marks').notNull(),
		/** JSON array of service ids the voter or their household uses. */
		uses: text('uses').notNull().default('[]'),
		/**
		 * JSON array of the service ids among `uses` whose use was verified: a service-user code,
		 * or a member of staff who checked (paper, kiosk, a users' room round). Never from a form.
		 */
		verifiedUses: text('verified_uses').notNull().default('[]'),
		area: text('area'),
		ageBand: text('age_band'),
		/** JSON array of segment ids the voter said they belong to. */
		segments: text('segments').notNull().default('[]'),
		/** Set when this version was entered with the voter present (assisted voting). */
		assisted: text('assisted', { enum: ASSISTED }),
		firstAt: integer('first_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * Set when staff voided the round this version was cast in: the ballot stays (ballots are
		 * never deleted) but is not counted. A new version from the same voter counts again.
		 */
		voidedAt: integer('voided_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('ballot_voter_idx').on(t.voteId, t.voterKey),
		uniqueIndex('ballot_receipt_idx').on(t.receipt),
		index('ballot_round_idx').on(t.roundId)
	]
);

/**
 * Every version of every ballot, as submitted. Append-only (triggers in the migration): a
 * changed ballot adds a row here and replaces the current one in `ballot`.
 */
export const ballotHistory = sqliteTable(
	'ballot_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ballotId: integer('ballot_id')
			.notNull()
			.references(() => ballot.id),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		version: integer('version').notNull(),
		receipt: text('receipt').notNull(),
		channel: text('channel', { enum: CHANNELS }).notNull(),
		assurance: text('assurance', { enum: ASSURANCE }).notNull(),
		roundId: integer('round_id'),
		kioskId: integer('kiosk_id'),
		marks: text('marks').notNull(),
		/** Service ids (proposal ids in versions submitted before counting rules version 2). */
		uses: text('uses').notNull(),
		verifiedUses: text('verified_uses').notNull().default('[]'),
		area: text('area'),
		ageBand: text('age_band'),
		segments: text('segments').notNull(),
		/** Who helped, when staff entered it with the voter present (assisted voting). */
		assisted: text('assisted', { enum: ASSISTED }),
		/** The staff member who keyed it in (paper) or entered it with the voter, otherwise null. */
		enteredBy: integer('entered_by'),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('ballot_history_vote_idx').on(t.voteId, t.id),
		index('ballot_history_ballot_idx').on(t.ballotId),
		uniqueIndex('ballot_history_receipt_idx').on(t.receipt)
	]
);

/**
 * A ballot being filled in, page by page (marks, then profile, then check answers), so that the
 * journey works with JavaScript off. `draftKey` is the browser's participant or the kiosk; the
 * row is deleted when the ballot is cast (a kiosk forgets the last person at once).
 */
export const ballotDraft = sqliteTable(
	'ballot_draft',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		draftKey: text('draft_key').notNull(),
		/** JSON `BallotDraft` from src/lib/vote/ballot.ts. */
		content: text('content').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * A kiosk's draft only: the service a member of staff confirmed (with the kiosk's PIN) that
		 * this voter uses. Forgotten with the draft: when the ballot is cast, or left too long.
		 */
		checkedServiceId: text('checked_service_id').references(() => service.id)
	},
	(t) => [uniqueIndex('ballot_draft_key_idx').on(t.voteId, t.draftKey)]
);

/**
 * One keying of one paper ballot. Each paper form carries a serial number; it is keyed twice by
 * two different staff members (`first`, `second`) and becomes a ballot when both agree, or when a
 * third keying (`resolution`) settles a mismatch. Append-only.
 */
export const paperEntry = sqliteTable(
	'paper_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id),
		serial: text('serial').notNull(),
		stage: text('stage', { enum: ['first', 'second', 'resolution'] }).notNull(),
		enteredBy: integer('entered_by')
			.notNull()
			.references(() => user.id),
		/** The participation code printed on the form, if any (spent on the paper channel). */
		codeId: integer('code_id').references(() => participationCode.id),
		/** JSON `BallotContent` (marks, uses, profile). */
		content: text('content').notNull(),
		spoilt: integer('spoilt', { mode: 'boolean' }).notNull().default(false),
		/**
		 * The service the keying staff member recorded this voter as a checked user of (staff at a
		 * day centre, say, noted it on the paper). Part of the keying: both keyings must agree.
		 */
		checkedServiceId: text('checked_service_id').references(() => service.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('paper_entry_once_idx').on(t.voteId, t.serial, t.stage)]
);

/**
 * The count of a vote as last computed, keyed by the vote's state (ballots, last history row,
 * rules): the results page and the exports read it instead of counting 100,000 ballots again.
 * A cache, not a record: it may be dropped at any time.
 */
export const voteCount = sqliteTable('vote_count', {
	voteId: integer('vote_id')
		.primaryKey()
		.references(() => vote.id),
	stateKey: text('state_key').notNull(),
	result: text('result').notNull(),
	digest: text('digest').notNull(),
	computedAt: integer('computed_at', { mode: 'timestamp_ms' }).notNull()
});

/** The official count recorded when a vote closed. Never updated (trigger): recounts compare. */
export const voteResult = sqliteTable('vote_result', {
	voteId: integer('vote_id')
		.primaryKey()
		.references(() => vote.id),
	digest: text('digest').notNull(),
	ballots: integer('ballots').notNull(),
	countedAt: integer('counted_at', { mode: 'timestamp_ms' }).notNull(),
	countedBy: integer('counted_by').references(() => user.id),
	/**
	 * The official count's group totals (JSON `GroupTotals[]`, budget/publishable.ts): once the
	 * result is recorded the count takes every group from here, so that special-category answers
	 * can be removed from the ballots without changing the recount (the promise on the ballot).
	 */
	groups: text('groups')
});

/** An optional picture for a proposal, kept in the database so a backup has everything. */
export const proposalImage = sqliteTable('proposal_image', {
	proposalId: integer('proposal_id')
		.primaryKey()
		.references(() => proposal.id, { onDelete: 'cascade' }),
	mime: text('mime').notNull(),
	bytes: blob('bytes', { mode: 'buffer' }).notNull()
});
