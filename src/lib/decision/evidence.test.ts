import { describe, expect, it } from 'vitest';
import { demoCount, demoEvidence, LABELS, SEGMENT_IDS } from '../test/decision';
import { groupName, groupsOf, representation } from './evidence';

const result = demoCount();
const groups = (id: string) =>
	groupsOf(
		result.proposals.find((p) => p.id === id)!,
		SEGMENT_IDS
	);

describe('a proposal’s groups, from the count', () => {
	it('lists declared groups, then unions the count tested, then the other segments', () => {
		expect(groups('centres').map((g) => [g.group, g.kind])).toEqual([
			['users', 'declared'],
			['disabled', 'declared'],
			['users+disabled', 'declared'],
			['older', 'segment'],
			['young', 'segment']
		]);
	});

	it.each([
		['centres', 'users', 'protects'],
		['centres', 'users+disabled', 'protects'],
		['transport', 'older', 'marginal'],
		['golf', 'older', 'flagged'],
		['offices', 'older', 'none']
	])('%s: %s %s', (proposal, group, outcome) => {
		expect(groups(proposal).find((g) => g.group === group)?.outcome).toBe(outcome);
	});

	it('takes support and opposition from the group’s own ballots, with others’ share and fragility', () => {
		expect(groups('transport')[0]).toMatchObject({
			ballots: 30,
			support: 13 / 30,
			opposition: 17 / 30,
			othersShare: 0,
			fragility: 3
		});
	});

	it('suppresses a group under 10 ballots: no figures at all', () => {
		expect(groups('golf').find((g) => g.group === 'young')).toMatchObject({
			suppressed: true,
			ballots: null,
			support: null,
			opposition: null
		});
	});

	it('lists undeclared service users only when someone said they use the service', () => {
		expect(groups('golf').some((g) => g.group === 'users')).toBe(false);
	});
});

describe('representation against the population', () => {
	it.each([
		// share of ballots / share of population, for two equal populations
		[[80, 100], [], []],
		[[79, 100], [], []], // 79/179 over 1/2 = 0.88: within the band
		[[60, 100], ['A'], []], // 0.75 and 1.25: B exactly on the line is not over
		[[50, 100], ['A'], ['B']]
	])('ballots %j', (ns, under, over) => {
		const rows = [
			{ label: 'A', n: ns[0], population: 500 },
			{ label: 'B', n: ns[1], population: 500 }
		];
		const r = representation(rows);
		expect(r.under.map((x) => x.label)).toEqual(under);
		expect(r.over.map((x) => x.label)).toEqual(over);
	});

	it('is exact at the bounds: a ratio of exactly 0.8 or 1.25 is in the band', () => {
		const r = representation([
			{ label: 'A', n: 40, population: 500 },
			{ label: 'B', n: 50, population: 400 },
			{ label: 'C', n: 10, population: 100 }
		]);
		// A: 0.4 / 0.5 = 0.8; B: 0.5 / 0.4 = 1.25
		expect(r).toEqual({ under: [], over: [] });
	});

	it('leaves out rows with no population and says nothing with nobody taking part', () => {
		expect(representation([{ label: 'A', n: 0, population: 10 }])).toEqual({ under: [], over: [] });
		expect(representation([{ label: 'X', n: 5, population: 0 }])).toEqual({ under: [], over: [] });
	});
});

describe('group names', () => {
	it.each([
		['users', 'en', 'People who use the service'],
		['users+disabled', 'en', 'People who use the service and Disabled residents'],
		['users+disabled', 'cy', "Pobl sy'n defnyddio'r gwasanaeth a Preswylwyr anabl"],
		['young', 'cy', 'Young people'],
		['unknown', 'en', 'unknown']
	] as const)('%s in %s', (group, locale, name) => {
		expect(groupName(group, LABELS, locale)).toBe(name);
	});
});

describe('the vote as evidence', () => {
	it('keeps the money, the override order and the closing time', () => {
		const v = demoEvidence().vote!;
		expect(v).toMatchObject({
			savingsTarget: 600_000_00,
			saved: 160_000_00,
			shortfall: 440_000_00,
			developmentBudget: 50_000_00,
			spent: 15_000_00,
			closedAt: '2026-10-30T10:00:00.000Z'
		});
		expect(v.overrideOrder.map((o) => o.id)).toEqual(['transport', 'centres']);
		expect(v.proposals.find((p) => p.id === 'centres')?.titleCy).toBe('Cau canolfannau dydd');
	});
});
