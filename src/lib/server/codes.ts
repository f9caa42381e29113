import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { generateCode } from '../participation/codes';
import * as audit from './audit';
import * as config from './config';
import { write, type DB } from './db/open';
import { prepared } from './db/prepared';
import { codeBatch, codeUse, participant, participationCode, service } from './db/schema';
import { generateToken, hashToken } from './tokens';
import { Refusal } from './command-refusal';

export type Channel = 'online' | 'room' | 'paper' | 'kiosk';

/** A uniform integer in [0, max) from the platform CSPRNG, without modulo bias. */
export function secureRandomIndex(max: number): number {
	const limit = Math.floor(0x1_0000_0000 / max) * max;
	for (;;) {
		const word = randomWord();
		if (word < limit) return word % max;
	}
}

/**
 * CSPRNG words fetched 256 at a time, each used once: a receipt takes ten, and asking the
 * system for each one was about 4% of the server's time per ballot.
 */
const pool = new Uint32Array(256);
let used = pool.length;
function randomWord(): number {
	if (used === pool.length) {
		crypto.getRandomValues(pool);
		used = 0;
	}
	return pool[used++];
}

/**
 * Makes a batch of codes and returns them in plain text, once: only their hashes are stored,
 * so the letters must be printed from this answer. Service-user codes must name a service of
 * the catalogue that is still in use; anything else is refused (a {@link Refusal} by the
 * `serviceId` field) and nothing is written.
 */
export function createBatch(
	db: DB,
	actor: audit.Actor,
	input: {
		engagementId: number;
		label: string;
		unit: 'household' | 'person';
		size: number;
		/** Service-user codes: a ballot cast with one is a verified user of this service. */
		serviceId?: string | null;
	},
	now = new Date(),
	randomIndex: (max: number) => number = secureRandomIndex
): { batchId: number; codes: string[] } {
	return write(db, (tx) => {
		if (input.serviceId) {
			const found = tx
				.select({ archived: service.archived })
				.from(service)
				.where(eq(service.id, input.serviceId))
				.get();
			if (!found || found.archived)
				throw new Refusal('serviceId', 'Choose a service from the list');
		}
		const batch = tx
			.insert(codeBatch)
			.values({ ...input, createdBy: actor.id, createdAt: now })
			.returning({ id: codeBatch.id })
			.get();
		const codes: string[] = [];
		const seen = new Set<string>();
		while (codes.length < input.size) {
			const code = generateCode(randomIndex);
			const hash = hashToken(code);
			// A repeat is astronomically unlikely, but the unique index would abort the batch.
			if (
				seen.has(hash) ||
				tx
					.select({ id: participationCode.id })
					.from(participationCode)
					.where(eq(participationCode.codeHash, hash))
					.get()
			)
				continue;
			seen.add(hash);
			tx.insert(participationCode).values({ batchId: batch.id, codeHash: hash }).run();
			codes.push(code);
		}
		audit.record(
			tx,
			actor,
			{ action: 'codes.create', entityType: 'code_batch', entityId: batch.id, after: { ...input } },
			now
		);
		return { batchId: batch.id, codes };
	});
}

export function listBatches(db: DB, engagementId: number) {
	return db
		.select({
			id: codeBatch.id,
			label: codeBatch.label,
			unit: codeBatch.unit,
			size: codeBatch.size,
			serviceId: codeBatch.serviceId,
			serviceName: service.name,
			createdAt: codeBatch.createdAt,
			spoiled: sql<number>`count(distinct case when ${participationCode.spoiledAt} is not null then ${participationCode.id} end)`,
			used: sql<number>`count(distinct ${codeUse.codeId})`
		})
		.from(codeBatch)
		.leftJoin(service, eq(service.id, codeBatch.serviceId))
		.leftJoin(participationCode, eq(participationCode.batchId, codeBatch.id))
		.leftJoin(codeUse, eq(codeUse.codeId, participationCode.id))
		.where(eq(codeBatch.engagementId, engagementId))
		.groupBy(codeBatch.id)
		.orderBy(codeBatch.id)
		.all();
}

/** Finds a code (already normalised and well-formed) that has not been spoiled. */
export function findCode(db: DB, code: string) {
	return db
		.select({
			id: participationCode.id,
			batchId: participationCode.batchId,
			engagementId: codeBatch.engagementId,
			spoiledAt: participationCode.spoiledAt
		})
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(participationCode.codeHash, hashToken(code)))
		.get();
}

/**
 * Spoils a code (a letter lost or sent to the wrong address), audited. A code that is not
 * found or is spoiled already is refused by the `code` field.
 */
export function spoilCode(db: DB, actor: audit.Actor, code: string, now = new Date()): void {
	write(db, (tx) => {
		const found = findCode(tx, code);
		if (!found || found.spoiledAt)
			throw new Refusal('code', 'No unspoiled code matches; check it and try again');
		tx.update(participationCode)
			.set({ spoiledAt: now })
			.where(eq(participationCode.id, found.id))
			.run();
		audit.record(
			tx,
			actor,
			{
				action: 'codes.spoil',
				entityType: 'code_batch',
				entityId: found.batchId,
				after: { codeId: found.id }
			},
			now
		);
	});
}

/**
 * Spends a code on an activity. Returns false if it was already spent there (on any channel).
 * Call inside the transaction that writes the ballot or response, so both happen or neither.
 */
export function spendCode(
	tx: DB,
	codeId: number,
	activity: string,
	channel: Channel,
	now = new Date()
): boolean {
	const result = tx
		.insert(codeUse)
		.values({ codeId, activity, channel, usedAt: now })
		.onConflictDoNothing()
		.run();
	return result.changes === 1;
}

export function isCodeSpent(db: DB, codeId: number, activity: string): boolean {
	return !!db
		.select({ id: codeUse.id })
		.from(codeUse)
		.where(and(eq(codeUse.codeId, codeId), eq(codeUse.activity, activity)))
		.get();
}

/** Where a code has been spent (`vote:3`) and when, for telling its holder what is done. */
export function usesOf(db: DB, codeId: number): Map<string, Date> {
	return new Map(
		db
			.select({ activity: codeUse.activity, usedAt: codeUse.usedAt })
			.from(codeUse)
			.where(eq(codeUse.codeId, codeId))
			.all()
			.map((u) => [u.activity, u.usedAt])
	);
}

/** Whether a code was printed for a household (shared) or for one person. */
export function unitOf(db: DB, codeId: number): 'household' | 'person' | undefined {
	return db
		.select({ unit: codeBatch.unit })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(participationCode.id, codeId))
		.get()?.unit;
}

/** Codes issued, used and spoiled for an engagement, and uses per activity and channel. */
export function codeCounts(db: DB, engagementId: number) {
	const issued = db
		.select({ n: count() })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(codeBatch.engagementId, engagementId))
		.get()!.n;
	const spoiled = db
		.select({ n: count() })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(and(eq(codeBatch.engagementId, engagementId), isNotNull(participationCode.spoiledAt)))
		.get()!.n;
	const uses = db
		.select({ activity: codeUse.activity, channel: codeUse.channel, n: count() })
		.from(codeUse)
		.innerJoin(participationCode, eq(participationCode.id, codeUse.codeId))
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(codeBatch.engagementId, engagementId))
		.groupBy(codeUse.activity, codeUse.channel)
		.all();
	return { issued, spoiled, uses };
}

export const PARTICIPANT_COOKIE = 'cc_participant';
/** 90 days, in seconds: long enough to save a survey and come back to it. */
export const PARTICIPANT_COOKIE_MAX_AGE = 90 * 24 * 60 * 60;

/** The participant behind a cookie token, or undefined. */
export function findParticipant(db: DB, token: string) {
	return prepared(db, 'codes.findParticipant', (d) =>
		d
			.select()
			.from(participant)
			.where(eq(participant.tokenHash, sql.placeholder('tokenHash')))
			.prepare()
	).get({ tokenHash: hashToken(token) });
}

/** A new anonymous participant; the caller puts the token in a cookie. */
export function createParticipant(db: DB, now = new Date()): { token: string; id: number } {
	const token = generateToken();
	const row = prepared(db, 'codes.createParticipant', (d) =>
		d
			.insert(participant)
			.values({
				tokenHash: sql.placeholder('tokenHash'),
				createdAt: sql.placeholder('now'),
				lastSeenAt: sql.placeholder('now')
			})
			.returning({ id: participant.id })
			.prepare()
	).get({ tokenHash: hashToken(token), now });
	return { token, id: row.id };
}

/** Ties a participant to the code they entered (replacing any earlier code). */
export function attachCode(db: DB, participantId: number, codeId: number, now = new Date()): void {
	db.update(participant)
		.set({ codeId, lastSeenAt: now })
		.where(eq(participant.id, participantId))
		.run();
}

/**
 * How often one address may try a code: ten at once, then one a minute. A council running a
 * drop-in session behind one address can raise the burst with CODE_ENTRY_BURST.
 */
export const CODE_ENTRY_BUCKET = {
	capacity: config.codeEntryBurst(),
	refillMs: 60_000
};

/**
 * The participant behind this browser's cookie, creating one (and the cookie) when `create`
 * is set. The cookie lasts 90 days so a resident can save a survey and come back.
 */
export function participantFor(
	db: DB,
	cookies: import('@sveltejs/kit').Cookies,
	secure: boolean,
	create: boolean,
	now = new Date()
) {
	const token = cookies.get(PARTICIPANT_COOKIE);
	const found = token ? findParticipant(db, token) : undefined;
	if (found || !create) return found;
	const created = createParticipant(db, now);
	const made: typeof participant.$inferSelect = {
		id: created.id,
		tokenHash: hashToken(created.token),
		codeId: null,
		createdAt: now,
		lastSeenAt: now
	};
	cookies.set(PARTICIPANT_COOKIE, created.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: PARTICIPANT_COOKIE_MAX_AGE
	});
	return made;
}

/**
 * A participant's code, if it is unspoiled and from one of this engagement's letters: its id and
 * the service its batch was made for (service-user codes), or null. Surveys and votes both take
 * a code only through this.
 */
export function engagementCode(
	db: DB,
	codeId: number | null,
	engagementId: number
): { id: number; serviceId: string | null } | null {
	if (codeId === null) return null;
	const row = db
		.select({
			id: participationCode.id,
			spoiledAt: participationCode.spoiledAt,
			serviceId: codeBatch.serviceId
		})
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(and(eq(participationCode.id, codeId), eq(codeBatch.engagementId, engagementId)))
		.get();
	return row && !row.spoiledAt ? { id: row.id, serviceId: row.serviceId } : null;
}
