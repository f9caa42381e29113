import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isJoinCode } from '../../lab/join-code';
import { rankItems } from '../../lab/ranking';
import { testDb, withCatalogue, staffUser } from '../../test/db';
import { write } from '../db/open';
import { engagement, proposal, proposalSource, vote } from '../db/schema';
import { ENGAGEMENTS } from '../seed/council';
import { findLabByCode, loadBoard } from './board';
import { DEMO_VOTE_TITLE, FINISHED_LAB_CODE, OPEN_LAB_CODE, seedDemo } from './seed';

const NOW = new Date('2026-11-01T10:00:00Z');

function seeded() {
	const db = withCatalogue(testDb());
	const staffIds = {
		admin: staffUser(db, 'admin').id,
		commissioner: staffUser(db, 'commissioner').id,
		facilitator: staffUser(db, 'facilitator').id
	};
	const engagementIds = ENGAGEMENTS.map(
		(e) =>
			db
				.insert(engagement)
				.values({ ...e, createdAt: NOW, updatedAt: NOW })
				.returning()
				.get().id
	);
	write(db, (tx) => seedDemo(tx, { now: NOW, engagementIds, staffIds }));
	return { db, engagementIds };
}

describe('the demo labs', () => {
	it('use fixed, valid join codes', () => {
		expect(isJoinCode(OPEN_LAB_CODE)).toBe(true);
		expect(isJoinCode(FINISHED_LAB_CODE)).toBe(true);
	});

	it('include a finished day services lab whose top five became the shortlist', () => {
		const { db, engagementIds } = seeded();
		const lab = findLabByCode(db, FINISHED_LAB_CODE)!;
		expect(lab.engagementId).toBe(engagementIds[0]);
		expect(lab.session.phase).toBe('closed');
		const loaded = loadBoard(db, lab.id)!;
		expect(loaded.ideas.length).toBeGreaterThanOrEqual(40);
		expect(loaded.board.themes.map((t) => t.name)).toContain('Use community buildings');
		expect(loaded.board.ideas.filter((i) => i.status === 'hidden')).toHaveLength(2);
		expect(loaded.board.ideas.filter((i) => i.status === 'merged')).toHaveLength(3);
		expect(loaded.dots).toHaveLength(26 * 5);
		const ranked = rankItems(loaded.board, loaded.dots, loaded.members);
		const top = ranked.slice(0, 5).map((r) => `${r.item.type}:${r.item.id}`);
		expect(new Set(top)).toEqual(new Set(loaded.board.shortlist.map((s) => `${s.type}:${s.id}`)));
		// No event in the log was refused or left dangling on replay.
		expect(loaded.board.history.filter((h) => h.status === 'skipped')).toEqual([]);
	});

	it('turned four shortlisted items into proposals in the draft vote', () => {
		const { db, engagementIds } = seeded();
		const v = db.select().from(vote).where(eq(vote.title, DEMO_VOTE_TITLE)).get()!;
		expect(v).toMatchObject({ engagementId: engagementIds[0], status: 'draft' });
		const proposals = db.select().from(proposal).where(eq(proposal.voteId, v.id)).all();
		expect(proposals.map((p) => p.title)).toEqual([
			'Run day sessions from community buildings',
			'Smarter day services transport',
			'Volunteer driver scheme',
			'Supported work placements'
		]);
		expect(db.select().from(proposalSource).all().length).toBeGreaterThan(4);
	});

	it('include an open libraries lab a newcomer can join', () => {
		const { db, engagementIds } = seeded();
		const lab = findLabByCode(db, OPEN_LAB_CODE)!;
		expect(lab.engagementId).toBe(engagementIds[1]);
		expect(lab.session).toMatchObject({ phase: 'ideas', paused: false });
		expect(loadBoard(db, lab.id)!.ideas).toHaveLength(4);
	});

	it('are the same every time', () => {
		const a = loadBoard(seeded().db, 1)!;
		const b = loadBoard(seeded().db, 1)!;
		expect(b.dots).toEqual(a.dots);
		expect(b.members).toEqual(a.members);
		expect(b.board).toEqual(a.board);
	});
});
