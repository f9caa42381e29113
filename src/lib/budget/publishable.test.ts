import { describe, expect, it } from 'vitest';
import { ballot, reported, RULES, rules, scenarios } from '../test/votes';
import { checkRules, count, CountInputError } from './count';
import { parsePabulib, PabulibError } from './pabulib';
import { makeTally } from './tallies';
import { groupTotals, OTHER_AREAS, publishableInput } from './publishable';
import type { CountInput } from './types';
import { isVotePabulib, readVotePabulib, writeVotePabulib } from '../vote/pabulib';

const dayCentres = scenarios().find((s) => s.file === 'day-centres.json')!.input;
const HIDDEN = { ...makeTally(0, 0, 0, 0), suppressed: true };

describe('publishableInput', () => {
	it('decides exactly what the full ballots decide, with the same tables but for groups under 10', () => {
		for (const { input } of scenarios()) {
			const full = count(input);
			const published = count(publishableInput(input));
			expect(reported(published)).toEqual(reported(full));
			full.proposals.forEach((p, i) => {
				const t = published.proposals[i].tallies;
				expect(t.overall).toEqual(p.tallies.overall);
				// A group under 10 is published as such, with no figures (and so are the users'
				// complement, which would give them away); the rest are the same.
				for (const [id, g] of Object.entries(p.tallies.bySegment))
					expect(t.bySegment[id]).toEqual(g.suppressed ? HIDDEN : g);
				expect(t.users).toEqual(p.tallies.users.suppressed ? HIDDEN : p.tallies.users);
				expect(t.nonUsers).toEqual(p.tallies.users.suppressed ? HIDDEN : p.tallies.nonUsers);
			});
		}
	});

	it('publishes no figure under 10: small groups only as such, small areas merged', () => {
		// day-centres: 5 carers (who pass margin and point, so they join unions).
		const rows = groupTotals(dayCentres);
		expect(rows.find((r) => r.proposal === 'day-centres' && r.group === 'carers')).toEqual({
			proposal: 'day-centres',
			group: 'carers',
			all: { fewerThan10: true, joinsUnions: true },
			assured: { fewerThan10: true, joinsUnions: true }
		});
		for (const r of rows)
			for (const f of [r.all, r.assured])
				if (!('fewerThan10' in f)) expect(f.ballots).toBeGreaterThanOrEqual(10);
		// Small areas: merged if together they make 10, else left out.
		const input = {
			...dayCentres,
			ballots: [
				...dayCentres.ballots,
				ballot(3, {}, { area: 'tiny' }),
				ballot(8, {}, { area: 'wee' })
			]
		};
		const areas = new Set(publishableInput(input).ballots.map((b) => b.area));
		expect(areas.has('tiny')).toBe(false);
		expect(areas.has(OTHER_AREAS)).toBe(true);
		const alone = {
			...dayCentres,
			ballots: [...dayCentres.ballots, ballot(3, {}, { area: 'tiny' })]
		};
		const published = publishableInput(alone).ballots.map((b) => b.area);
		expect(published).not.toContain('tiny');
		expect(published).not.toContain(OTHER_AREAS);
	});

	it('merges the population table with the areas, so weighting sees the same cells', () => {
		const input = {
			...dayCentres,
			ballots: [
				...dayCentres.ballots,
				ballot(4, {}, { area: 'tiny' }),
				ballot(6, {}, { area: 'wee' })
			],
			rules: rules({
				maxDontWants: 0,
				weighting: 'population' as const,
				population: [
					{ area: 'north', count: 500 },
					{ area: 'south', count: 400 },
					{ area: 'tiny', count: 30 },
					{ area: 'wee', count: 70 }
				]
			})
		};
		const published = publishableInput(input);
		expect(published.rules.population).toEqual([
			{ area: 'north', count: 500 },
			{ area: 'south', count: 400 },
			{ area: OTHER_AREAS, count: 100 }
		]);
		expect(count(published).weighting?.table.map((c) => c.cell)).toEqual([
			OTHER_AREAS,
			'north',
			'south'
		]);
	});

	it("publishes nobody's service use or groups on a ballot, and ballots in one canonical order", () => {
		const published = publishableInput(dayCentres);
		for (const b of published.ballots) {
			expect(b.uses).toEqual([]);
			expect(b.segments).toEqual([]);
			expect(b.verifiedUses).toBeUndefined();
			expect(b).not.toHaveProperty('ageBand');
		}
		const reversed = publishableInput({
			...dayCentres,
			ballots: [...dayCentres.ballots].reverse()
		});
		expect(reversed).toEqual(published);
	});

	it('keeps age bands only when population weighting is by age band', () => {
		const input: CountInput = {
			...dayCentres,
			ballots: dayCentres.ballots.map((b) => ({ ...b, ageBand: '65+' })),
			rules: rules({
				maxDontWants: 0,
				weighting: 'population',
				population: [
					{ area: 'north', ageBand: '65+', count: 10 },
					{ area: 'south', ageBand: '65+', count: 10 }
				]
			})
		};
		expect(publishableInput(input).ballots.every((b) => b.ageBand === '65+')).toBe(true);
	});

	it('gives every combination of declared groups and every undeclared group as totals', () => {
		const rows = groupTotals(dayCentres);
		const forCentres = rows.filter((r) => r.proposal === 'day-centres').map((r) => r.group);
		expect(forCentres).toEqual([
			'users',
			'disabled',
			'users+disabled',
			'carers',
			'users+carers',
			'disabled+carers',
			'users+disabled+carers'
		]);
		expect(rows.filter((r) => r.proposal === 'street-lights').map((r) => r.group)).toEqual([
			'disabled',
			'carers',
			'users'
		]);
		expect(rows.find((r) => r.group === 'users+carers')).toMatchObject({
			all: { ballots: 45, dontWants: 45 },
			assured: { ballots: 45, dontWants: 45 }
		});
	});
});

describe('group totals are checked', () => {
	const published = publishableInput(dayCentres);
	const groups = published.groups!;
	it.each([
		{
			name: 'a missing row',
			input: { ...published, groups: groups.slice(1) },
			message: /Group totals have no row for "users" of "day-centres"/
		},
		{
			name: 'a row for a group the proposal does not have',
			input: { ...published, groups: [...groups, { ...groups[0], group: 'users+nobody' }] },
			message: /"users\+nobody" for "day-centres" is not a group of that proposal/
		},
		{
			name: 'a row given twice',
			input: { ...published, groups: [...groups, groups[0]] },
			message: /given twice/
		},
		{
			name: 'figures that do not add up',
			input: {
				...published,
				groups: [
					{ ...groups[0], all: { ballots: 40, wants: 30, dontWants: 30 } },
					...groups.slice(1)
				]
			},
			message: /the figures do not add up/
		},
		{
			name: 'a ballot that also names its uses',
			input: {
				...published,
				ballots: [...published.ballots, ballot(1, {}, { uses: ['waste'] })]
			},
			message: /names uses or segments, but group figures were given as totals/
		}
	])('refuses $name', ({ input, message }) => {
		expect(() => count(input)).toThrow(CountInputError);
		expect(() => count(input)).toThrow(message);
	});
});

describe('the vote as a .pb file', () => {
	const input: CountInput = {
		proposals: [
			{
				id: '7',
				title: 'Close; merge "day" centres',
				kind: 'saving',
				amount: 12_345,
				service: 'care',
				affects: ['users', 'disabled']
			},
			{
				id: '8',
				title: 'Youth bus',
				kind: 'development',
				amount: 500_000,
				service: 'bus',
				affects: []
			}
		],
		segments: [
			{ id: 'disabled', label: 'Disabled residents' },
			{ id: 'carers', label: 'Carers' }
		],
		ballots: [
			ballot(
				2,
				{ '7': 'dontWant', '8': 'want' },
				{ uses: ['care'], segments: ['carers'], area: 'north', channel: 'paper' }
			),
			ballot(1, {}, { channel: 'room', assured: false })
		],
		rules: rules({
			maxWants: 2,
			maxDontWants: 1,
			developmentBudget: 600_000,
			savingsTarget: 10_000
		})
	};
	const published = publishableInput(input);
	const official = count(published);
	const text = writeVotePabulib(
		{ ...published, rules: checkRules(published), groups: published.groups! },
		{
			title: 'Budget',
			unit: 'Harbourside',
			instance: '3',
			decisions: Object.fromEntries(official.proposals.map((p) => [p.id, p.decision])),
			totals: new Map(official.proposals.map((p) => [p.id, p.tallies.overall]))
		}
	);

	it('reads back exactly what was written, one row per ballot, to the official digest', () => {
		const file = parsePabulib(text);
		expect(isVotePabulib(file)).toBe(true);
		expect(file.votes.rows).toHaveLength(3);
		expect(file.votes.columns).toEqual([
			'voter_id',
			'vote',
			'dont_want',
			'neighborhood',
			'age_band',
			'voting_method',
			'assured'
		]);
		expect(file.projects.rows[0]).toEqual([
			'7',
			'123.45',
			'0',
			'Close; merge "day" centres',
			'saving',
			'12345',
			'care',
			'users,disabled',
			'2',
			'0',
			'notSelected'
		]);
		const back = readVotePabulib(file);
		expect(back.proposals).toEqual(input.proposals);
		expect(back.segments).toEqual(input.segments);
		expect(count(back).digest).toBe(official.digest);
	});

	it('refuses a version 1 file, saying so', () => {
		const v1 = text.replace('co-commission/vote/2', 'co-commission/vote/1');
		expect(() => readVotePabulib(parsePabulib(v1))).toThrow(/counting rules version 1/);
	});

	it.each([
		[
			'a want of an unknown proposal',
			(t: string) => t.replace(/^1;8;7;/m, '1;9;7;'),
			'names project "9"'
		],
		['an unknown channel', (t: string) => t.replace(';room;0\n', ';phone;0\n'), 'voting_method'],
		[
			'an assured that is not 0 or 1',
			(t: string) => t.replace(';room;0\n', ';room;yes\n'),
			'assured must be 1 or 0'
		],
		[
			'rules that are not JSON',
			(t: string) => t.replace(/^rules;.*$/m, 'rules;{oops'),
			'not valid JSON'
		],
		['no rules', (t: string) => t.replace(/^rules;.*\n/m, ''), 'has no "rules"'],
		['no group totals', (t: string) => t.replace(/^groups;.*\n/m, ''), 'has no "groups"']
	])('names the line of %s', (_, spoil, message) => {
		const spoiled = spoil(text);
		expect(spoiled).not.toBe(text);
		expect(() => readVotePabulib(parsePabulib(spoiled))).toThrow(PabulibError);
		expect(() => readVotePabulib(parsePabulib(spoiled))).toThrow(message);
	});

	it('keeps the rules it was counted by', () => {
		expect(readVotePabulib(parsePabulib(text)).rules).toEqual({
			...RULES,
			maxWants: 2,
			maxDontWants: 1,
			developmentBudget: 600_000,
			savingsTarget: 10_000
		});
	});
});
