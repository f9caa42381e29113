import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, ballot, ballotDraft, voteKiosk } from '../db/schema';
import { castBallot, entryFor, findDraft, saveDraft } from './ballots';
import { checkUser, listKiosks, PIN_TRIES, startKiosk } from './kiosks';
import { ballotWith, makeUsersVote, refusalOf, setup, T0 } from '../../test/vote-db';
import { getVote } from './votes';

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const USERS = { serviceId: 'adult-social-care', pin: '482913' };

/** The reason of the refusal `fn` throws, which is always about the PIN. */
function refused(fn: () => unknown) {
	const r = refusalOf(fn);
	expect(r.field).toBe('pin');
	return r.reason;
}

function usersKiosk() {
	const s = setup();
	const v = makeUsersVote(s.db, s.actor, s.engagementId);
	const kiosk = startKiosk(s.db, s.actor, v.voteId, 'Day centre lounge', T0, USERS);
	const vote = getVote(s.db, v.voteId)!;
	/** The next ballot on the kiosk, as the resident pages cast it at `at`. */
	const vote1 = (at: Date) => {
		const entry = entryFor(s.db, vote, { kioskId: kiosk.id }, at);
		if (!entry.allowed || !entry.voter) throw new Error('refused');
		const r = castBallot(
			s.db,
			{
				voteId: vote.id,
				voter: entry.voter,
				channel: 'kiosk',
				kioskId: kiosk.id,
				draftKey: entry.draftKey,
				content: ballotWith({ [v.saving]: 'dontWant' })
			},
			at
		);
		return s.db.select().from(ballot).where(eq(ballot.receipt, r.receipt)).get()!;
	};
	return { ...s, ...v, kiosk, vote1 };
}

describe('a kiosk for checked users', () => {
	it('counts the one ballot staff confirmed with the PIN as a checked user, then forgets it', () => {
		const { db, voteId, kiosk, vote1 } = usersKiosk();
		expect(checkUser(db, kiosk.id, USERS.pin, later(1))).toEqual({
			serviceId: 'adult-social-care'
		});
		expect(vote1(later(3))).toMatchObject({
			channel: 'kiosk',
			assurance: 'checked',
			uses: '["adult-social-care"]',
			verifiedUses: '["adult-social-care"]'
		});
		// The draft, and the check with it, went with the ballot: the next person is unchecked.
		expect(db.select().from(ballotDraft).where(eq(ballotDraft.voteId, voteId)).all()).toEqual([]);
		expect(vote1(later(4))).toMatchObject({ assurance: 'open', verifiedUses: '[]' });
		expect(listKiosks(db, voteId)).toMatchObject([{ ballots: 2, checked: 1, locked: false }]);
	});

	it('forgets a check left for more than ten minutes, even when the next person saves a page', () => {
		const { db, voteId, saving, kiosk, vote1 } = usersKiosk();
		checkUser(db, kiosk.id, USERS.pin, later(1));
		saveDraft(db, voteId, `kiosk:${kiosk.id}`, ballotWith({ [saving]: 'want' }), later(12));
		expect(vote1(later(13))).toMatchObject({ assurance: 'open', verifiedUses: '[]' });
		checkUser(db, kiosk.id, USERS.pin, later(20));
		expect(vote1(later(31))).toMatchObject({ assurance: 'open' });
	});

	it('starts the checked person’s ballot clean, whatever the last person left unfinished', () => {
		const { db, voteId, saving, kiosk } = usersKiosk();
		const key = `kiosk:${kiosk.id}`;
		saveDraft(db, voteId, key, ballotWith({ [saving]: 'want' }), later(1));
		checkUser(db, kiosk.id, USERS.pin, later(2));
		expect(findDraft(db, voteId, key, later(3))?.marks).toEqual({});
	});

	it('refuses a wrong PIN, writing nothing but the count of wrong tries, and locks after five', () => {
		const { db, voteId, kiosk, vote1 } = usersKiosk();
		for (let i = 1; i < PIN_TRIES; i++)
			expect(refused(() => checkUser(db, kiosk.id, '000000', later(1)))).toBe('wrongPin');
		expect(db.select().from(ballotDraft).all()).toEqual([]);
		// Each wrong PIN stays counted although the check is refused.
		expect(db.select().from(voteKiosk).get()!.pinFailures).toBe(PIN_TRIES - 1);
		expect(refused(() => checkUser(db, kiosk.id, '000000', later(1)))).toBe('locked');
		// Locked: the right PIN no longer records anyone; ordinary ballots go on.
		expect(refused(() => checkUser(db, kiosk.id, USERS.pin, later(2)))).toBe('locked');
		expect(vote1(later(3))).toMatchObject({ assurance: 'open' });
		expect(listKiosks(db, voteId)).toMatchObject([{ locked: true }]);
		expect(
			db.select().from(auditLog).where(eq(auditLog.action, 'vote.kiosk.pinLocked')).all()
		).toHaveLength(1);
	});

	it('starts the count of wrong tries again after the right PIN', () => {
		const { db, kiosk } = usersKiosk();
		for (let i = 1; i < PIN_TRIES; i++) refused(() => checkUser(db, kiosk.id, '000000', later(1)));
		expect(checkUser(db, kiosk.id, USERS.pin, later(1)).serviceId).toBe('adult-social-care');
		expect(refused(() => checkUser(db, kiosk.id, '000000', later(2)))).toBe('wrongPin');
	});

	it('is never an ordinary kiosk: it has no PIN and records no checked users', () => {
		const { db, actor, voteId, vote1 } = usersKiosk();
		const plain = startKiosk(db, actor, voteId, 'Library counter', T0);
		expect(refused(() => checkUser(db, plain.id, USERS.pin, later(1)))).toBe('notForUsers');
		expect(db.select().from(ballotDraft).all()).toEqual([]);
		expect(vote1(later(2))).toMatchObject({ assurance: 'open' });
	});

	it('is refused for a service the vote does not ask about, writing nothing', () => {
		const { db, actor, voteId } = usersKiosk();
		const kiosks = () => db.select().from(voteKiosk).all().length;
		const before = kiosks();
		const refused = { field: 'usersServiceId', message: 'Choose one of this vote’s services' };
		expect(
			refusalOf(() =>
				startKiosk(db, actor, voteId, 'Park office', T0, { serviceId: 'parks', pin: '1234' })
			)
		).toMatchObject(refused);
		expect(
			refusalOf(() =>
				startKiosk(db, actor, voteId, 'Park office', T0, { serviceId: 'nothing', pin: '1234' })
			)
		).toMatchObject(refused);
		expect(kiosks()).toBe(before);
	});

	it('keeps the PIN only as a hash', () => {
		const { db, kiosk } = usersKiosk();
		const row = db.select().from(voteKiosk).where(eq(voteKiosk.id, kiosk.id)).get()!;
		expect(row.pinHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(db.select().from(voteKiosk).all())).not.toContain(USERS.pin);
		expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain(USERS.pin);
	});
});
