/**
 * Kiosk mode: a shared device (a library counter, a one-stop shop) that takes one ballot after
 * another. Staff start it on the device, which gets a kiosk cookie and loses any staff session;
 * each ballot is cast under a fresh key and the device's draft is deleted at once, so the next
 * person never sees the last one's marks.
 *
 * A kiosk can be started for checked users of one service (at a day centre, say). Its ballots are
 * open like any kiosk's unless a member of staff, standing at the device, confirms with the
 * kiosk's PIN that the next voter uses the service: that one ballot is then assurance `checked`
 * and a verified user of the service (counting.md). The confirmation lives in the device's draft,
 * so it is forgotten with the draft: when the ballot is cast, or when it is left for ten minutes.
 * A confirmation per ballot, rather than a kiosk whose every ballot counts as checked, is what
 * stops one person voting again and again as a verified user.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { emptyBallot } from '../../vote/ballot';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { ballot, ballotDraft, voteKiosk } from '../db/schema';
import { generateToken, hashToken } from '../tokens';
import { asksAbout } from './votes';
import { Refusal } from '../command-refusal';

export const KIOSK_COOKIE = 'cc_kiosk';
/** A kiosk is set up for a fortnight at most (seconds); staff end it sooner. */
export const KIOSK_COOKIE_MAX_AGE = 14 * 24 * 60 * 60;

/** Wrong PINs in a row after which a kiosk records no more checked users. */
export const PIN_TRIES = 5;

/** A kiosk staff cannot start (nothing is written): `field` names the form field. */

/** A kiosk for checked users of a service, and the PIN staff confirm each one with. */
export interface UsersKiosk {
	serviceId: string;
	/** 4 to 8 digits (the form checks). */
	pin: string;
}

/**
 * The stored form of a kiosk's PIN, salted with the kiosk's own token hash. A PIN has few
 * values, so this only keeps it out of sight: what protects it is the limit on wrong tries.
 */
function pinHash(tokenHash: string, pin: string): string {
	return hashToken(`kiosk-pin:${tokenHash}:${pin}`);
}

export function startKiosk(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	label: string,
	now = new Date(),
	users?: UsersKiosk
): { id: number; token: string } {
	const token = generateToken();
	const tokenHash = hashToken(token);
	return write(db, (tx) => {
		if (users && !asksAbout(tx, voteId, users.serviceId))
			throw new Refusal('usersServiceId', 'Choose one of this vote’s services');
		const row = tx
			.insert(voteKiosk)
			.values({
				voteId,
				label,
				tokenHash,
				startedBy: actor.id,
				startedAt: now,
				usersServiceId: users?.serviceId ?? null,
				pinHash: users ? pinHash(tokenHash, users.pin) : null
			})
			.returning({ id: voteKiosk.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.kiosk.start',
				entityType: 'vote',
				entityId: voteId,
				after: { kioskId: row.id, label, usersServiceId: users?.serviceId ?? null }
			},
			now
		);
		return { id: row.id, token };
	});
}

/**
 * Why a check of a kiosk's user is refused: a wrong PIN, a kiosk locked by too many of them, or
 * a kiosk that is not for checked users (or has ended).
 */
export type KioskReason = 'wrongPin' | 'locked' | 'notForUsers';

const CHECK_REFUSALS: Record<KioskReason, string> = {
	wrongPin: 'That is not the PIN for this kiosk',
	locked: 'Too many wrong PINs: this kiosk no longer records checked users',
	notForUsers: 'This kiosk does not record checked users'
};

/**
 * A member of staff at the device confirms, with the kiosk's PIN, that the next voter uses the
 * kiosk's service. The device's draft starts again, empty, carrying that service: whatever the
 * last person left unfinished is gone. After `PIN_TRIES` wrong PINs in a row the kiosk records
 * no more checked users (its ordinary ballots go on); staff start a new kiosk.
 * @returns the service the voter was confirmed a user of; throws a `Refusal` with a `KioskReason`
 */
export function checkUser(
	db: DB,
	kioskId: number,
	pin: string,
	now = new Date()
): { serviceId: string } {
	// The wrong PIN is counted (and a lock audit-logged) by a transaction that commits: the
	// refusal is thrown only after it, so that refusing cannot take the count back.
	const outcome = write(db, (tx): { refused: KioskReason } | { serviceId: string } => {
		const k = tx
			.select()
			.from(voteKiosk)
			.where(and(eq(voteKiosk.id, kioskId), isNull(voteKiosk.endedAt)))
			.get();
		if (!k?.usersServiceId || !k.pinHash) return { refused: 'notForUsers' };
		if (k.pinFailures >= PIN_TRIES) return { refused: 'locked' };
		if (pinHash(k.tokenHash, pin) !== k.pinHash) {
			const failures = k.pinFailures + 1;
			tx.update(voteKiosk).set({ pinFailures: failures }).where(eq(voteKiosk.id, k.id)).run();
			if (failures < PIN_TRIES) return { refused: 'wrongPin' };
			audit.record(
				tx,
				{ id: null, email: `kiosk ${k.id}` },
				{
					action: 'vote.kiosk.pinLocked',
					entityType: 'vote',
					entityId: k.voteId,
					after: { kioskId: k.id, label: k.label }
				},
				now
			);
			return { refused: 'locked' };
		}
		if (k.pinFailures)
			tx.update(voteKiosk).set({ pinFailures: 0 }).where(eq(voteKiosk.id, k.id)).run();
		const content = JSON.stringify(emptyBallot());
		tx.insert(ballotDraft)
			.values({
				voteId: k.voteId,
				draftKey: `kiosk:${k.id}`,
				content,
				updatedAt: now,
				checkedServiceId: k.usersServiceId
			})
			.onConflictDoUpdate({
				target: [ballotDraft.voteId, ballotDraft.draftKey],
				set: { content, updatedAt: now, checkedServiceId: k.usersServiceId }
			})
			.run();
		return { serviceId: k.usersServiceId };
	});
	if ('refused' in outcome)
		throw new Refusal<KioskReason>('pin', CHECK_REFUSALS[outcome.refused], {
			reason: outcome.refused
		});
	return outcome;
}

export function endKiosk(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	kioskId: number,
	now = new Date()
): boolean {
	return write(db, (tx) => {
		const ended = tx
			.update(voteKiosk)
			.set({ endedAt: now })
			.where(
				and(eq(voteKiosk.id, kioskId), eq(voteKiosk.voteId, voteId), isNull(voteKiosk.endedAt))
			)
			.run().changes;
		if (ended)
			audit.record(
				tx,
				actor,
				{ action: 'vote.kiosk.end', entityType: 'vote', entityId: voteId, after: { kioskId } },
				now
			);
		return ended === 1;
	});
}

/** The running kiosk behind a device's cookie, if it is still running. */
export function kioskByToken(db: DB, token: string | undefined) {
	if (!token) return undefined;
	return db
		.select({
			id: voteKiosk.id,
			voteId: voteKiosk.voteId,
			label: voteKiosk.label,
			usersServiceId: voteKiosk.usersServiceId
		})
		.from(voteKiosk)
		.where(and(eq(voteKiosk.tokenHash, hashToken(token)), isNull(voteKiosk.endedAt)))
		.get();
}

export function listKiosks(db: DB, voteId: number) {
	const rows = db
		.select()
		.from(voteKiosk)
		.where(eq(voteKiosk.voteId, voteId))
		.orderBy(desc(voteKiosk.id))
		.all();
	const counts = new Map(
		db
			.select({
				kioskId: ballot.kioskId,
				n: count(),
				checked: sql<number>`coalesce(sum(${ballot.assurance} = 'checked'), 0)`
			})
			.from(ballot)
			.where(eq(ballot.voteId, voteId))
			.groupBy(ballot.kioskId)
			.all()
			.map((r) => [r.kioskId, r])
	);
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		startedAt: r.startedAt,
		endedAt: r.endedAt,
		usersServiceId: r.usersServiceId,
		locked: r.pinFailures >= PIN_TRIES,
		ballots: counts.get(r.id)?.n ?? 0,
		checked: counts.get(r.id)?.checked ?? 0
	}));
}
