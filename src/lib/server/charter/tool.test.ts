import { beforeEach, describe, expect, it } from 'vitest';
import { reviewBoard } from '../../charter/review';
import { publishedVersion } from '../../charter/state';
import { write, type DB } from '../db/open';
import { engagement, service } from '../db/schema';
import * as charters from './charters';
import { engagementSteps } from '../steps';
import { tool } from './tool';
import { DEMO_CHARTER_SLUG } from './seed';
import { staffUser, testDb } from '../../test/db';

const NOW = new Date('2026-11-01T10:00:00Z');
const actor = { id: 1, email: 'c@test.example' };
let db: DB;
let engagementIds: number[];

beforeEach(() => {
	db = testDb();
	staffUser(db, 'commissioner', actor.email);
	db.insert(service).values({ id: 'adult-social-care', name: 'Adult day services' }).run();
	engagementIds = [1, 2].map(
		(n) =>
			db
				.insert(engagement)
				.values({
					title: `Engagement ${n}`,
					serviceId: 'adult-social-care',
					createdAt: NOW,
					updatedAt: NOW
				})
				.returning({ id: engagement.id })
				.get().id
	);
	write(db, (tx) =>
		tool.seedDemo(tx, {
			now: NOW,
			engagementIds,
			staffIds: { admin: 1, commissioner: 1, facilitator: 1 }
		})
	);
});

describe('the demo charter', () => {
	it('is published on the first engagement, under review: some green, one amber with a note', () => {
		const loaded = charters.getCharterBySlug(db, DEMO_CHARTER_SLUG)!;
		expect(loaded.engagementId).toBe(engagementIds[0]);
		expect(loaded.state.status).toBe('review');
		const inForce = publishedVersion(loaded.state)!;
		expect(inForce.signatures).toHaveLength(3);
		const board = reviewBoard(inForce.content, loaded.state.reviews);
		const commitments = board.rows.filter((r) => r.target.kind === 'commitment');
		expect(commitments.map((r) => r.latest?.status)).toEqual(['green', 'amber', 'green']);
		expect(commitments[1].latest?.note).toMatch(/Evening opening started in May/);
	});

	it('is the same every time it is seeded', () => {
		const again = testDb();
		staffUser(again);
		again.insert(service).values({ id: 'adult-social-care', name: 'Adult day services' }).run();
		again
			.insert(engagement)
			.values({ title: 'E', serviceId: 'adult-social-care', createdAt: NOW, updatedAt: NOW })
			.run();
		write(again, (tx) =>
			tool.seedDemo(tx, {
				now: NOW,
				engagementIds: [1],
				staffIds: { admin: 1, commissioner: 1, facilitator: 1 }
			})
		);
		const a = charters.getCharterBySlug(db, DEMO_CHARTER_SLUG)!.state;
		const b = charters.getCharterBySlug(again, DEMO_CHARTER_SLUG)!.state;
		expect(b).toEqual(a);
	});
});

describe('activities and the engagement step', () => {
	it('lists a published charter to read, and a charter open for comments', () => {
		const id = charters.createCharter(
			db,
			actor,
			{ engagementId: engagementIds[1], title: 'Libraries' },
			NOW
		);
		expect(tool.open(db, NOW).map((a) => a.href)).toEqual([`/charter/${DEMO_CHARTER_SLUG}`]);
		charters.addItem(db, actor, id, 'standards', { text: 'Open on Sundays' }, NOW);
		charters.openConsultation(db, actor, id, NOW);
		const slug = charters.getCharter(db, id)!.slug;
		const listed = tool.open(db, NOW);
		expect(listed.map((a) => [a.href, a.engagementId, a.kind])).toEqual([
			[`/charter/${DEMO_CHARTER_SLUG}`, engagementIds[0], 'charter'],
			[`/charter/${slug}/comments`, engagementIds[1], 'charter']
		]);
		expect(listed[1].title).toBe('Draft for comment: Libraries');
	});

	it('shows each charter of an engagement on its page, with a way to start another', () => {
		const step = (id: number) => engagementSteps(db, id, NOW).find((s) => s.tool === 'charter')!;
		const s = step(engagementIds[0]);
		expect(s.items).toEqual([
			{
				label: 'Harbourside Day Opportunities Charter',
				href: '/staff/charters/1',
				status: 'Published, under review'
			}
		]);
		expect(s.newHref).toBe(`/staff/charters/new?engagement=${engagementIds[0]}`);
		expect(step(engagementIds[1]).items).toEqual([]);
	});
});
