// Rows <-> the charter's life-cycle state (src/lib/charter/state.ts). The rules live in the pure
// core; this module only reads a charter's rows into a `CharterState` and appends what a
// transition added, so the database keeps exactly what the state machine allowed.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CharterContent } from '../../charter/charter';
import type { ConsultationComment } from '../../charter/consultation';
import type { ReviewEntry } from '../../charter/review';
import { CharterContentSchema } from '../../charter/schemas';
import type { CharterState, CharterVersion } from '../../charter/state';
import type { DB } from '../db/open';
import {
	charter,
	charterComment,
	charterReview,
	charterSignature,
	charterVersion,
	charterVersionEvent
} from '../db/schema';

/** A charter's row as the pages need it, with its whole state. */
export interface LoadedCharter {
	id: number;
	engagementId: number;
	serviceId: string;
	slug: string;
	createdAt: Date;
	updatedAt: Date;
	state: CharterState;
	/** Version number -> the version's row id (for signatures, events and signing links). */
	versionIds: Map<number, number>;
}

/** Content read back from the database is checked, not trusted. */
export function parseContent(json: string): CharterContent {
	return CharterContentSchema.parse(JSON.parse(json));
}

const iso = (d: Date) => d.toISOString();

/** One charter with everything the life cycle needs, or undefined. */
export function loadCharter(db: DB, id: number): LoadedCharter | undefined {
	const row = db.select().from(charter).where(eq(charter.id, id)).get();
	return row ? assemble(db, row) : undefined;
}

/** The charter behind a public link, or undefined. */
export function loadCharterBySlug(db: DB, slug: string): LoadedCharter | undefined {
	const row = db.select().from(charter).where(eq(charter.slug, slug)).get();
	return row ? assemble(db, row) : undefined;
}

function assemble(db: DB, row: typeof charter.$inferSelect): LoadedCharter {
	const versionRows = db
		.select()
		.from(charterVersion)
		.where(eq(charterVersion.charterId, row.id))
		.orderBy(asc(charterVersion.number))
		.all();
	const ids = versionRows.map((v) => v.id);
	const signatures = ids.length
		? db
				.select()
				.from(charterSignature)
				.where(inArray(charterSignature.versionId, ids))
				.orderBy(asc(charterSignature.id))
				.all()
		: [];
	const events = ids.length
		? db.select().from(charterVersionEvent).where(inArray(charterVersionEvent.versionId, ids)).all()
		: [];
	const versions: CharterVersion[] = versionRows.map((v) => {
		const event = (kind: 'agreed' | 'published' | 'withdrawn') =>
			events.find((e) => e.versionId === v.id && e.kind === kind);
		return {
			number: v.number,
			content: parseContent(v.content),
			hash: v.hash,
			frozenAt: iso(v.frozenAt),
			signatures: signatures
				.filter((s) => s.versionId === v.id)
				.map((s) => ({
					partyId: s.partyId,
					name: s.name,
					role: s.role,
					signedAt: iso(s.signedAt),
					versionHash: s.versionHash
				})),
			agreedAt: ((e) => (e ? iso(e.at) : null))(event('agreed')),
			publishedAt: ((e) => (e ? iso(e.at) : null))(event('published')),
			withdrawnAt: ((e) => (e ? iso(e.at) : null))(event('withdrawn')),
			withdrawnReason: event('withdrawn')?.reason ?? ''
		};
	});
	const comments: ConsultationComment[] = db
		.select()
		.from(charterComment)
		.where(eq(charterComment.charterId, row.id))
		.orderBy(asc(charterComment.id))
		.all()
		.map((c) => ({
			id: c.key,
			authorName: c.authorName,
			text: c.text,
			status: c.status,
			answer: c.answer,
			createdAt: iso(c.createdAt),
			answeredAt: c.answeredAt ? iso(c.answeredAt) : null,
			draftVersion: c.draftVersion
		}));
	const reviews: ReviewEntry[] = db
		.select()
		.from(charterReview)
		.where(eq(charterReview.charterId, row.id))
		.orderBy(asc(charterReview.id))
		.all()
		.map((r) => ({
			id: r.key,
			target: { kind: r.targetKind, id: r.targetId },
			status: r.status,
			note: r.note,
			date: iso(r.recordedAt),
			version: r.versionNumber
		}));
	return {
		id: row.id,
		engagementId: row.engagementId,
		serviceId: row.serviceId,
		slug: row.slug,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		state: {
			status: row.status,
			content: parseContent(row.content),
			versions,
			comments,
			reviews
		},
		versionIds: new Map(versionRows.map((v) => [v.number, v.id]))
	};
}

/**
 * Writes what changed from `before` to `after` (the result of one transition): the status and
 * working text are updated; versions, signatures, version events, comments and review entries
 * are only ever appended, and a comment's response is written once. Call inside `write()`.
 * `by` is the staff member responsible, when there is one.
 */
export function saveChanges(
	tx: DB,
	loaded: Pick<LoadedCharter, 'id' | 'versionIds'>,
	before: CharterState,
	after: CharterState,
	now: Date,
	by: number | null = null
): void {
	const contentChanged = JSON.stringify(before.content) !== JSON.stringify(after.content);
	if (contentChanged || before.status !== after.status)
		tx.update(charter)
			.set({ status: after.status, content: JSON.stringify(after.content), updatedAt: now })
			.where(eq(charter.id, loaded.id))
			.run();

	after.versions.forEach((version, i) => {
		const old = before.versions[i];
		let versionId = loaded.versionIds.get(version.number);
		if (!old || versionId === undefined) {
			versionId = tx
				.insert(charterVersion)
				.values({
					charterId: loaded.id,
					number: version.number,
					content: JSON.stringify(version.content),
					hash: version.hash,
					frozenAt: new Date(version.frozenAt)
				})
				.returning({ id: charterVersion.id })
				.get().id;
			loaded.versionIds.set(version.number, versionId);
		}
		const signed = new Set(old?.signatures.map((s) => s.partyId));
		for (const s of version.signatures) {
			if (signed.has(s.partyId)) continue;
			tx.insert(charterSignature)
				.values({
					versionId,
					partyId: s.partyId,
					name: s.name,
					role: s.role,
					versionHash: s.versionHash,
					signedAt: new Date(s.signedAt)
				})
				.run();
		}
		const event = (
			kind: 'agreed' | 'published' | 'withdrawn',
			at: string | null,
			was?: string | null
		) => {
			if (at === null || (was ?? null) !== null) return;
			tx.insert(charterVersionEvent)
				.values({
					versionId: versionId!,
					kind,
					at: new Date(at),
					reason: kind === 'withdrawn' ? version.withdrawnReason : ''
				})
				.run();
		};
		event('agreed', version.agreedAt, old?.agreedAt);
		event('published', version.publishedAt, old?.publishedAt);
		event('withdrawn', version.withdrawnAt, old?.withdrawnAt);
	});

	const oldComments = new Map(before.comments.map((c) => [c.id, c]));
	for (const c of after.comments) {
		const old = oldComments.get(c.id);
		if (!old)
			tx.insert(charterComment)
				.values({
					charterId: loaded.id,
					key: c.id,
					authorName: c.authorName,
					text: c.text,
					draftVersion: c.draftVersion,
					createdAt: new Date(c.createdAt),
					status: c.status,
					answer: c.answer,
					answeredAt: c.answeredAt ? new Date(c.answeredAt) : null,
					answeredBy: c.status === 'open' ? null : by
				})
				.run();
		else if (old.status === 'open' && c.status !== 'open')
			tx.update(charterComment)
				.set({
					status: c.status,
					answer: c.answer,
					answeredAt: c.answeredAt ? new Date(c.answeredAt) : now,
					answeredBy: by
				})
				.where(
					and(
						eq(charterComment.charterId, loaded.id),
						eq(charterComment.key, c.id),
						eq(charterComment.status, 'open')
					)
				)
				.run();
	}

	const oldReviews = new Set(before.reviews.map((r) => r.id));
	for (const r of after.reviews) {
		if (oldReviews.has(r.id)) continue;
		tx.insert(charterReview)
			.values({
				charterId: loaded.id,
				key: r.id,
				targetKind: r.target.kind,
				targetId: r.target.id,
				status: r.status,
				note: r.note,
				versionNumber: r.version,
				recordedBy: by,
				recordedAt: new Date(r.date)
			})
			.run();
	}
}
