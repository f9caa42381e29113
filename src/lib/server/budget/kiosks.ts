/**
 * Kiosk mode: a shared device (a library counter, a one-stop shop) that takes one ballot after
 * another. Staff start it on the device, which gets a kiosk cookie and loses any staff session;
 * each ballot is cast under a fresh key and the device's draft is deleted at once, so the next
 * person never sees the last one's marks.
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { ballot, voteKiosk } from '../db/schema';
import { generateToken, hashToken } from '../tokens';

export const KIOSK_COOKIE = 'cc_kiosk';
/** A kiosk is set up for a fortnight at most (seconds); staff end it sooner. */
export const KIOSK_COOKIE_MAX_AGE = 14 * 24 * 60 * 60;

export function startKiosk(
	db: DB,
	actor: audit.Actor,
	voteId: number,
	label: string,
	now = new Date()
): { id: number; token: string } {
	const token = generateToken();
	return write(db, (tx) => {
		const row = tx
			.insert(voteKiosk)
			.values({ voteId, label, tokenHash: hashToken(token), startedBy: actor.id, startedAt: now })
			.returning({ id: voteKiosk.id })
			.get();
		audit.record(
			tx,
			actor,
			{
				action: 'vote.kiosk.start',
				entityType: 'vote',
				entityId: voteId,
				after: { kioskId: row.id, label }
			},
			now
		);
		return { id: row.id, token };
	});
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
		.select({ id: voteKiosk.id, voteId: voteKiosk.voteId, label: voteKiosk.label })
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
			.select({ kioskId: ballot.kioskId, n: count() })
			.from(ballot)
			.where(eq(ballot.voteId, voteId))
			.groupBy(ballot.kioskId)
			.all()
			.map((r) => [r.kioskId, r.n])
	);
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		startedAt: r.startedAt,
		endedAt: r.endedAt,
		ballots: counts.get(r.id) ?? 0
	}));
}
