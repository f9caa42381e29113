import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoCharterContent } from '../../charter/demo';
import { publishedVersion } from '../../charter/state';
import { openDatabase, type DB } from '../db/open';
import {
	auditLog,
	charter,
	charterComment,
	charterSignature,
	charterSigningLink,
	charterVersion,
	engagement,
	service,
	user
} from '../db/schema';
import * as charters from './charters';
import * as signingLinks from './signing-links';

const actor = { id: 1, email: 'commissioner@test.example' };
const T0 = new Date('2026-03-01T09:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let db: DB;
let engagementId: number;

beforeEach(() => {
	db = openDatabase(':memory:');
	db.insert(user)
		.values({
			email: actor.email,
			name: 'C',
			role: 'commissioner',
			passwordHash: 'x',
			createdAt: T0
		})
		.run();
	db.insert(service).values({ id: 'day', name: 'Adult day services' }).run();
	engagementId = db
		.insert(engagement)
		.values({ title: 'Day services', serviceId: 'day', createdAt: T0, updatedAt: T0 })
		.returning({ id: engagement.id })
		.get().id;
});

function ok<T>(result: charters.Result<T>): T {
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.value;
}

/** A charter whose working text is the complete demo text, still a draft. */
function completeDraft(): number {
	const id = ok(charters.createCharter(db, actor, { engagementId, title: 'Draft' }, T0));
	const demo = demoCharterContent();
	ok(charters.saveBasics(db, actor, id, demo, T0));
	ok(charters.saveGovernance(db, actor, id, demo.governance, T0));
	for (const o of demo.outcomes) ok(charters.addItem(db, actor, id, 'outcomes', o, T0, o.id));
	for (const p of demo.parties) ok(charters.addItem(db, actor, id, 'parties', p, T0, p.id));
	for (const c of demo.commitments) ok(charters.addItem(db, actor, id, 'commitments', c, T0, c.id));
	for (const s of demo.standards) ok(charters.addItem(db, actor, id, 'standards', s, T0, s.id));
	return id;
}

/** Opens consultation and signing, then signs through a fresh link for every party. */
function signByEveryone(id: number, start = 10) {
	ok(charters.openSigning(db, actor, id, later(start)));
	const links = ok(signingLinks.issue(db, actor, id, [], later(start + 1)));
	const hash = charters.getCharter(db, id)!.state.versions.at(-1)!.hash;
	links.forEach((link, i) =>
		ok(
			signingLinks.sign(
				db,
				link.token,
				{ name: link.signatoryName, role: 'Signatory', versionHash: hash },
				later(start + 2 + i)
			)
		)
	);
	return links;
}

describe('drafting', () => {
	it('starts an empty draft naming the engagement service, with an audit entry', () => {
		const id = ok(charters.createCharter(db, actor, { engagementId, title: 'Our charter' }, T0));
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
		const result = charters.createCharter(db, actor, { engagementId: 999, title: 'X' }, T0);
		expect(result.ok).toBe(false);
	});

	it('adds, changes, moves and removes items, keeping their ids', () => {
		const id = ok(charters.createCharter(db, actor, { engagementId, title: 'C' }, T0));
		const a = ok(charters.addItem(db, actor, id, 'standards', { text: 'Open 40 hours' }, T0));
		const b = ok(charters.addItem(db, actor, id, 'standards', { text: 'Reply in 10 days' }, T0));
		ok(charters.updateItem(db, actor, id, 'standards', a, { text: 'Open 45 hours' }, T0));
		ok(charters.moveItem(db, actor, id, 'standards', b, 'up', T0));
		expect(charters.getCharter(db, id)!.state.content.standards).toEqual([
			{ id: b, text: 'Reply in 10 days' },
			{ id: a, text: 'Open 45 hours' }
		]);
		ok(charters.removeItem(db, actor, id, 'standards', b, T0));
		expect(charters.getCharter(db, id)!.state.content.standards.map((s) => s.id)).toEqual([a]);
	});

	it('refuses a commitment for a party that is not in the charter, and removing a party with commitments', () => {
		const id = completeDraft();
		const commitment = { ...demoCharterContent().commitments[0], partyId: 'nobody' };
		expect(charters.addItem(db, actor, id, 'commitments', commitment, T0)).toEqual({
			ok: false,
			reasons: ['Choose a party from the list.']
		});
		const removed = charters.removeItem(db, actor, id, 'parties', 'p-council', T0);
		expect(removed.ok).toBe(false);
	});
});

describe('the life cycle through the database', () => {
	it('consults, signs through personal links, publishes, reviews and amends', () => {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		const key = ok(charters.addComment(db, id, { name: 'Mo', text: 'Saturdays too?' }, later(2)));
		expect(charters.openSigning(db, actor, id, later(3)).ok).toBe(false);
		ok(
			charters.answerComment(
				db,
				actor,
				id,
				{ commentId: key, response: 'answered', answer: 'We will look at it.' },
				later(4)
			)
		);
		signByEveryone(id);
		let state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('agreed');
		expect(state.versions[0].signatures).toHaveLength(3);
		expect(state.versions[0].agreedAt).toBe(later(14).toISOString());

		ok(charters.publish(db, actor, id, later(20)));
		ok(
			charters.recordReview(
				db,
				actor,
				id,
				{ targetKind: 'commitment', targetId: 'c-hours', status: 'amber', note: 'Late start.' },
				later(30)
			)
		);
		state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('review');
		expect(state.reviews[0]).toMatchObject({ status: 'amber', note: 'Late start.', version: 1 });

		ok(charters.startAmendment(db, actor, id, later(40)));
		ok(
			charters.updateItem(
				db,
				actor,
				id,
				'standards',
				's-hours',
				{ text: 'Open 45 hours a week' },
				later(41)
			)
		);
		ok(charters.openConsultation(db, actor, id, later(42)));
		signByEveryone(id, 50);
		ok(charters.publish(db, actor, id, later(60)));
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
		ok(charters.openConsultation(db, actor, id, later(1)));
		ok(charters.openSigning(db, actor, id, later(2)));
		const [first] = ok(signingLinks.issue(db, actor, id, ['p-council'], later(3)));
		const [second] = ok(signingLinks.issue(db, actor, id, ['p-council'], later(4)));
		expect(signingLinks.open(db, first.token)).toMatchObject({
			found: true,
			replaced: true
		});
		const hash = charters.getCharter(db, id)!.state.versions[0].hash;
		const input = { name: 'Alan Brooks', role: 'Director', versionHash: hash };
		expect(signingLinks.sign(db, first.token, input, later(5)).ok).toBe(false);
		ok(signingLinks.sign(db, second.token, input, later(6)));
		const again = signingLinks.sign(db, second.token, input, later(7));
		expect(again.ok).toBe(false);
		expect(signingLinks.issue(db, actor, id, ['p-council'], later(8)).ok).toBe(false);
		// Tokens are never stored, only their hashes.
		const stored = db.select().from(charterSigningLink).all();
		expect(stored.map((l) => l.tokenHash)).not.toContain(second.token);
		expect(signingLinks.open(db, 'no-such-token')).toEqual({ found: false });
	});

	it('refuses a signature on a text other than the one shown', () => {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		ok(charters.openSigning(db, actor, id, later(2)));
		const [link] = ok(signingLinks.issue(db, actor, id, ['p-provider'], later(3)));
		const result = signingLinks.sign(
			db,
			link.token,
			{ name: 'Sam', role: 'CEO', versionHash: 'a'.repeat(64) },
			later(4)
		);
		expect(result.ok).toBe(false);
		expect(db.select().from(charterSignature).all()).toHaveLength(0);
	});

	it('a withdrawn version keeps its record and its links stop working', () => {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		ok(charters.openSigning(db, actor, id, later(2)));
		const [link] = ok(signingLinks.issue(db, actor, id, ['p-provider'], later(3)));
		ok(charters.withdrawSigning(db, actor, id, 'The budget figure was wrong.', later(4)));
		const view = signingLinks.open(db, link.token);
		expect(view.found && !view.replaced && view.page.reasons.length).toBeGreaterThan(0);
		const state = charters.getCharter(db, id)!.state;
		expect(state.status).toBe('consultation');
		expect(state.versions[0].withdrawnReason).toBe('The budget figure was wrong.');
	});

	it('the database itself refuses to rewrite a frozen version or a signature', () => {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		signByEveryone(id);
		expect(() =>
			db.update(charterVersion).set({ content: '{}' }).where(eq(charterVersion.charterId, id)).run()
		).toThrow(/append-only/);
		expect(() => db.delete(charterSignature).run()).toThrow(/append-only/);
	});

	it('a comment is answered once', () => {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		const key = ok(charters.addComment(db, id, { name: '', text: 'Good.' }, later(2)));
		const answer = { commentId: key, response: 'acknowledged' as const, answer: '' };
		ok(charters.answerComment(db, actor, id, answer, later(3)));
		expect(charters.answerComment(db, actor, id, answer, later(4)).ok).toBe(false);
		expect(() =>
			db.update(charterComment).set({ answer: 'changed' }).where(eq(charterComment.key, key)).run()
		).toThrow(/never rewritten/);
	});

	it('a public comment is refused when the charter is not open for comments', () => {
		const id = completeDraft();
		expect(charters.addComment(db, id, { name: '', text: 'Hello there' }, later(1)).ok).toBe(false);
		expect(db.select().from(charterComment).all()).toHaveLength(0);
		expect(db.select().from(charter).get()!.status).toBe('draft');
	});
});

describe('who gets a signing link', () => {
	/** A complete charter being signed, which the provider has signed already. */
	function signedByProvider(): number {
		const id = completeDraft();
		ok(charters.openConsultation(db, actor, id, later(1)));
		ok(charters.openSigning(db, actor, id, later(2)));
		const [link] = ok(signingLinks.issue(db, actor, id, ['p-provider'], later(3)));
		const versionHash = charters.getCharter(db, id)!.state.versions[0].hash;
		const signature = { name: 'Sam Okafor', role: 'Chief Executive', versionHash };
		ok(signingLinks.sign(db, link.token, signature, later(4)));
		return id;
	}

	const liveParties = (id: number) => [
		...signingLinks.listLive(db, charters.getCharter(db, id)!).keys()
	];

	it('makes one for every party still to sign when none is named', () => {
		const id = signedByProvider();
		const links = ok(signingLinks.issue(db, actor, id, [], later(5)));
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
		expect(signingLinks.issue(db, actor, id, partyIds, later(5))).toEqual({ ok: false, reasons });
		expect(liveParties(id)).toEqual(['p-provider']);
	});

	it('refuses while the charter is not being signed', () => {
		const id = completeDraft();
		expect(signingLinks.issue(db, actor, id, [], later(1))).toEqual({
			ok: false,
			reasons: ['The charter is not being signed, so no signing links can be made.']
		});
	});
});
