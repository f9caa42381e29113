import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCharterContent } from '../../charter/demo';
import { publishedVersion } from '../../charter/state';
import { write, type DB } from '../db/open';
import {
	auditLog,
	charter,
	charterComment,
	charterSignature,
	charterSigningLink,
	charterVersion,
	engagement,
	service
} from '../db/schema';
import { Refusal } from '../command-refusal';
import * as charters from './charters';
import * as signingLinks from './signing-links';
import { staffUser, testDb } from '../../test/db';
import { refusalOf } from '../../test/refusal';

const actor = { id: 1, email: 'commissioner@test.example' };
const T0 = new Date('2026-03-01T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let db: DB;
let engagementId: number;

beforeEach(() => {
	db = testDb();
	staffUser(db, 'commissioner', actor.email);
	db.insert(service).values({ id: 'day', name: 'Adult day services' }).run();
	engagementId = db
		.insert(engagement)
		.values({ title: 'Day services', serviceId: 'day', createdAt: T0, updatedAt: T0 })
		.returning({ id: engagement.id })
		.get().id;
});

/** A charter refusal's reasons, one by one. */
const detailsOf = (e: Refusal) => e.details;

/** A charter whose working text is the complete demo text, still a draft. */
function completeDraft(): number {
	const id = charters.createCharter(db, actor, { engagementId, title: 'Draft' }, T0);
	const demo = demoCharterContent();
	charters.saveBasics(db, actor, id, demo, T0);
	charters.saveGovernance(db, actor, id, demo.governance, T0);
	for (const o of demo.outcomes) charters.addItem(db, actor, id, 'outcomes', o, T0, o.id);
	for (const p of demo.parties) charters.addItem(db, actor, id, 'parties', p, T0, p.id);
	for (const c of demo.commitments) charters.addItem(db, actor, id, 'commitments', c, T0, c.id);
	for (const s of demo.standards) charters.addItem(db, actor, id, 'standards', s, T0, s.id);
	return id;
}

/** Opens consultation and signing, then signs through a fresh link for every party. */
function signByEveryone(id: number, start = 10) {
	charters.openSigning(db, actor, id, later(start));
	const links = signingLinks.issue(db, actor, id, [], later(start + 1));
	const hash = charters.getCharter(db, id)!.state.versions.at(-1)!.hash;
	links.forEach((link, i) =>
		signingLinks.sign(
			db,
			link.token,
			{ name: link.signatoryName, role: 'Signatory', versionHash: hash },
			later(start + 2 + i)
		)
	);
	return links;
}

describe('drafting', () => {
	it('starts an empty draft naming the engagement service, with an audit entry', () => {
		const id = charters.createCharter(db, actor, { engagementId, title: 'Our charter' }, T0);
		const loaded = charters.getCharter(db, id)!;
		expect(loaded.state.status).toBe('draft');
		expect(loaded.state.content.title).toBe('Our charter');
		expect(loaded.state.content.service).toBe('Adult day services');
		expect(loaded.slug).toMatch(/^[a-z2-7]{16}$/);
		expect(
			db
				.select()
				.from(auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['charter.create']);
	});

	it('refuses an engagement that does not exist', () => {
		expect(
			refusalOf(() => charters.createCharter(db, actor, { engagementId: 999, title: 'X' }, T0))
		).toMatchObject({ field: 'engagementId', message: 'Choose an engagement from the list.' });
		expect(db.select().from(charter).all()).toEqual([]);
		expect(db.select().from(auditLog).all()).toEqual([]);
	});

	it('adds, changes, moves and removes items, keeping their ids', () => {
		const id = charters.createCharter(db, actor, { engagementId, title: 'C' }, T0);
		const a = charters.addItem(db, actor, id, 'standards', { text: 'Open 40 hours' }, T0);
		const b = charters.addItem(db, actor, id, 'standards', { text: 'Reply in 10 days' }, T0);
		charters.updateItem(db, actor, id, 'standards', a, { text: 'Open 45 hours' }, T0);
		charters.moveItem(db, actor, id, 'standards', b, 'up', T0);
		expect(charters.getCharter(db, id)!.state.content.standards).toEqual([
			{ id: b, text: 'Reply in 10 days' },
			{ id: a, text: 'Open 45 hours' }
		]);
		charters.removeItem(db, actor, id, 'standards', b, T0);
		expect(charters.getCharter(db, id)!.state.content.standards.map((s) => s.id)).toEqual([a]);
	});

	it('refuses a commitment for a party that is not in the charter, and removing a party with commitments', () => {
		const id = completeDraft();
		const commitment = { ...demoCharterContent().commitments[0], partyId: 'nobody' };
		const added = refusalOf(() => charters.addItem(db, actor, id, 'commitments', commitment, T0));
		expect(added).toMatchObject({ field: '_', reason: undefined });
		expect(detailsOf(added)).toEqual(['Choose a party from the list.']);
		expect(
			detailsOf(refusalOf(() => charters.removeItem(db, actor, id, 'parties', 'p-council', T0)))
		).toHaveLength(1);
	});
});

describe('a refused change', () => {
	it('gives every reason apart, and all of them as its message', () => {
		const id = charters.createCharter(db, actor, { engagementId, title: 'Empty' }, T0);
		charters.saveBasics(db, actor, id, { title: 'Empty', service: '', summary: '' }, T0);
		const refused = refusalOf(() => charters.openConsultation(db, actor, id, later(1)));
		const reasons = detailsOf(refused);
		expect(reasons).toEqual([
			'Say which service the charter covers.',
			expect.stringMatching(/^The charter is empty/)
		]);
		expect(refused.message).toBe(reasons.join(' '));
		expect(charters.getCharter(db, id)!.state.status).toBe('draft');
	});

	it('takes back what its transaction wrote before it', () => {
		const id = completeDraft();
		const before = charters.getCharter(db, id)!.state;
		const audited = db.select().from(auditLog).all().length;
		const commitment = { ...demoCharterContent().commitments[0], partyId: 'nobody' };
		expect(
			detailsOf(
				refusalOf(() =>
					write(db, (tx) => {
						charters.saveBasics(tx, actor, id, { ...before.content, title: 'Renamed' }, T0);
						charters.addItem(tx, actor, id, 'commitments', commitment, T0);
					})
				)
			)
		).toEqual(['Choose a party from the list.']);
		expect(charters.getCharter(db, id)!.state).toEqual(before);
		expect(db.select().from(auditLog).all()).toHaveLength(audited);
	});
});

describe('the life cycle through the database', () => {
	it('consults, signs through personal links, publishes, reviews and amends', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		const key = charters.addComment(db, id, { name: 'Mo', text: 'Saturdays too?' }, later(2));
		// An open comment keeps the text from signing: refused, and nothing changes.
		const before = charters.getCharter(db, id)!.state;
		expect(refusalOf(() => charters.openSigning(db, actor, id, later(3))).field).toBe('_');
		expect(charters.getCharter(db, id)!.state).toEqual(before);

		charters.answerComment(
			db,
			actor,
			id,
			{ commentId: key, response: 'answered', answer: 'We will look at it.' },
			later(4)
		);
		signByEveryone(id);
		let state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('agreed');
		expect(state.versions[0].signatures).toHaveLength(3);
		expect(state.versions[0].agreedAt).toBe(later(14).toISOString());

		charters.publish(db, actor, id, later(20));

		charters.recordReview(
			db,
			actor,
			id,
			{ targetKind: 'commitment', targetId: 'c-hours', status: 'amber', note: 'Late start.' },
			later(30)
		);
		state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('review');
		expect(state.reviews[0]).toMatchObject({ status: 'amber', note: 'Late start.', version: 1 });

		charters.startAmendment(db, actor, id, later(40));

		charters.updateItem(
			db,
			actor,
			id,
			'standards',
			's-hours',
			{ text: 'Open 45 hours a week' },
			later(41)
		);
		charters.openConsultation(db, actor, id, later(42));
		signByEveryone(id, 50);
		charters.publish(db, actor, id, later(60));
		state = charters.getCharter(db, id)!.state;
		expect(state.versions.map((v) => v.number)).toEqual([1, 2]);
		expect(publishedVersion(state)?.number).toBe(2);
		// Version 1 is kept exactly as signed.
		expect(state.versions[0].content.standards[0].text).toBe(
			'Open 40 hours a week, including one evening'
		);
		expect(db.select().from(charterSignature).all()).toHaveLength(6);
	});

	it('a re-issued link replaces the old one, and a party cannot sign twice', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		charters.openSigning(db, actor, id, later(2));
		const [first] = signingLinks.issue(db, actor, id, ['p-council'], later(3));
		const [second] = signingLinks.issue(db, actor, id, ['p-council'], later(4));
		expect(signingLinks.open(db, first.token)).toMatchObject({
			found: true,
			replaced: true
		});
		const hash = charters.getCharter(db, id)!.state.versions[0].hash;
		const input = { name: 'Alan Brooks', role: 'Director', versionHash: hash };
		expect(detailsOf(refusalOf(() => signingLinks.sign(db, first.token, input, later(5))))).toEqual(
			['This signing link has been replaced by a newer one. Use the latest link you were sent.']
		);
		signingLinks.sign(db, second.token, input, later(6));
		const again = refusalOf(() => signingLinks.sign(db, second.token, input, later(7)));
		expect(again).toMatchObject({ field: '_', reason: 'cannotSign' });
		expect(db.select().from(charterSignature).all()).toHaveLength(1);
		expect(
			detailsOf(refusalOf(() => signingLinks.issue(db, actor, id, ['p-council'], later(8))))
		).toEqual(['Riverside Borough Council has already signed version 1.']);
		// Tokens are never stored, only their hashes.
		const stored = db.select().from(charterSigningLink).all();
		expect(stored.map((l) => l.tokenHash)).not.toContain(second.token);
		expect(signingLinks.open(db, 'no-such-token')).toEqual({ found: false });
	});

	it('refuses a signature on a text other than the one shown', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		charters.openSigning(db, actor, id, later(2));
		const [link] = signingLinks.issue(db, actor, id, ['p-provider'], later(3));
		const refused = refusalOf(() =>
			signingLinks.sign(
				db,
				link.token,
				{ name: 'Sam', role: 'CEO', versionHash: 'a'.repeat(64) },
				later(4)
			)
		);
		expect(refused).toMatchObject({ field: '_', reason: 'cannotSign' });
		expect(db.select().from(charterSignature).all()).toHaveLength(0);
	});

	it('a withdrawn version keeps its record and its links stop working', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		charters.openSigning(db, actor, id, later(2));
		const [link] = signingLinks.issue(db, actor, id, ['p-provider'], later(3));
		charters.withdrawSigning(db, actor, id, 'The budget figure was wrong.', later(4));
		const view = signingLinks.open(db, link.token);
		expect(view.found && !view.replaced && view.page.reasons.length).toBeGreaterThan(0);
		const state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('consultation');
		expect(state.versions[0].withdrawnReason).toBe('The budget figure was wrong.');
	});

	it('the database itself refuses to rewrite a frozen version or a signature', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		signByEveryone(id);
		expect(() =>
			db.update(charterVersion).set({ content: '{}' }).where(eq(charterVersion.charterId, id)).run()
		).toThrow(/append-only/);
		expect(() => db.delete(charterSignature).run()).toThrow(/append-only/);
	});

	it('a comment is answered once', () => {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		const key = charters.addComment(db, id, { name: '', text: 'Good.' }, later(2));
		const answer = { commentId: key, response: 'acknowledged' as const, answer: '' };
		charters.answerComment(db, actor, id, answer, later(3));
		expect(refusalOf(() => charters.answerComment(db, actor, id, answer, later(4)))).toMatchObject({
			field: '_',
			reason: undefined
		});
		expect(() =>
			db.update(charterComment).set({ answer: 'changed' }).where(eq(charterComment.key, key)).run()
		).toThrow(/never rewritten/);
	});

	it('a public comment is refused when the charter is not open for comments', () => {
		const id = completeDraft();
		expect(
			refusalOf(() => charters.addComment(db, id, { name: '', text: 'Hello there' }, later(1)))
		).toMatchObject({ field: '_', reason: 'commentsClosed' });
		expect(db.select().from(charterComment).all()).toHaveLength(0);
		expect(db.select().from(charter).get()!.status).toBe('draft');
	});
});

describe('who gets a signing link', () => {
	/** A complete charter being signed, which the provider has signed already. */
	function signedByProvider(): number {
		const id = completeDraft();
		charters.openConsultation(db, actor, id, later(1));
		charters.openSigning(db, actor, id, later(2));
		const [link] = signingLinks.issue(db, actor, id, ['p-provider'], later(3));
		const versionHash = charters.getCharter(db, id)!.state.versions[0].hash;
		const signature = { name: 'Sam Okafor', role: 'Chief Executive', versionHash };
		signingLinks.sign(db, link.token, signature, later(4));
		return id;
	}

	const liveParties = (id: number) => [
		...signingLinks.listLive(db, charters.getCharter(db, id)!).keys()
	];

	it('makes one for every party still to sign when none is named', () => {
		const id = signedByProvider();
		const links = signingLinks.issue(db, actor, id, [], later(5));
		expect(links.map((l) => [l.partyId, l.signatoryName, l.contactEmail])).toEqual([
			['p-council', 'Alan Brooks', 'commissioning@riverside.example.gov.uk'],
			['p-residents', 'Jean Evans', '']
		]);
		expect(liveParties(id)).toEqual(['p-provider', 'p-council', 'p-residents']);
	});

	it.each([
		{
			name: 'a party that has signed',
			partyIds: ['p-provider'],
			reasons: ['Hub Together CIC has already signed version 1.']
		},
		{
			name: 'a party that is not in the version',
			partyIds: ['p-nobody'],
			reasons: ['That party is not in the version being signed.']
		},
		{
			name: 'a list naming a party that has signed, even for the others in it',
			partyIds: ['p-council', 'p-provider'],
			reasons: ['Hub Together CIC has already signed version 1.']
		}
	])('refuses $name, and makes none', ({ partyIds, reasons }) => {
		const id = signedByProvider();
		expect(
			detailsOf(refusalOf(() => signingLinks.issue(db, actor, id, partyIds, later(5))))
		).toEqual(reasons);
		expect(liveParties(id)).toEqual(['p-provider']);
	});

	it('refuses while the charter is not being signed', () => {
		const id = completeDraft();
		expect(detailsOf(refusalOf(() => signingLinks.issue(db, actor, id, [], later(1))))).toEqual([
			'The charter is not being signed, so no signing links can be made.'
		]);
	});
});
