import { describe, expect, it } from 'vitest';
import { ballot, expectedOf, proposal, reported, RULES, rules, scenarios } from '../test/votes';
import { count, CountInputError } from './count';
import type { Ballot, CountInput } from './types';

describe('the scenarios (tests/fixtures/scenarios, format version 2)', () => {
	const all = scenarios();
	it('holds every shared scenario', () => {
		expect(all.map((s) => s.file)).toEqual(
			expect.arrayContaining([
				'assurance-open-ballots.json',
				'confidence-marginal.json',
				'day-centres.json',
				'development-net-negative.json',
				'development-nobody-wants.json',
				'golf-need-gate.json',
				'museum-no-overshoot.json',
				'override-order.json',
				'override-share-key.json',
				'rank-respecting.json',
				'small-group.json',
				'undeclared-divergence.json',
				'union-every-combination.json',
				'union-groups.json',
				'union-unrelated-group.json',
				'verified-dilution.json'
			])
		);
	});

	// Every expected field exactly; a field the file leaves out must be empty in the count too.
	it.each(all)('$file', ({ json, input }) => {
		expect(reported(count(input))).toEqual(expectedOf(json));
	});
});

/** A saving 60 of 100 want, declared as affecting users of its service and segment d. */
const base = (extra: Partial<CountInput> = {}): CountInput => ({
	proposals: [proposal('s', 'saving', 1000, { service: 'care', affects: ['users', 'd'] })],
	segments: [
		{ id: 'd', label: 'Disabled residents' },
		{ id: 'y', label: 'Young people' }
	],
	ballots: [ballot(60, { s: 'want' }), ballot(40, {})],
	rules: RULES,
	...extra
});

describe('input errors (scenarios/README.md): refused with a message, nothing counted', () => {
	const over = (b: Partial<Ballot>) => base({ ballots: [ballot(1, { s: 'want' }, b)] });
	it.each([
		{
			name: 'savings without a stated maxDontWants',
			input: base({ rules: { ...RULES, maxDontWants: undefined } }),
			message: /must state maxDontWants/
		},
		{
			name: 'a ballot over maxWants',
			input: {
				...base(),
				proposals: [proposal('s', 'saving', 1), proposal('t', 'saving', 1)],
				ballots: [ballot(1, { s: 'want', t: 'want' })],
				rules: rules({ maxWants: 1 })
			},
			message: /Ballot 1: 2 wants, more than the limit of 1/
		},
		{
			name: 'a ballot over maxDontWants',
			input: {
				...base(),
				proposals: [proposal('s', 'saving', 1), proposal('t', 'saving', 1)],
				ballots: [ballot(1, { s: 'dontWant', t: 'dontWant' })],
				rules: rules({ maxDontWants: 1 })
			},
			message: /Ballot 1: 2 don't-wants, more than the limit of 1/
		},
		{
			name: 'minGroup under 10',
			input: base({ rules: rules({ protection: { ...RULES.protection, minGroup: 9 } }) }),
			message: /Rules: protection.minGroup: The minimum group size must be at least 10/
		},
		{
			name: 'a confidence other than 0.95 or none',
			input: base({
				rules: rules({ protection: { ...RULES.protection, confidence: 0.9 as 0.95 } })
			}),
			message: /confidence must be 0.95 or "none"/
		},
		{
			name: 'verifiedUses outside uses',
			input: over({ uses: [], verifiedUses: ['care'] }),
			message: /Ballot 1: verifiedUses names "care", which is not among its uses/
		},
		{
			name: 'verifiedUses on an open ballot',
			input: over({ uses: ['care'], verifiedUses: ['care'], assured: false }),
			message: /Ballot 1: has verified uses but is not assured/
		},
		{
			name: 'a ballot without assured',
			input: over({ assured: undefined as unknown as boolean }),
			message: /Ballot 1: assured must be true or false/
		},
		{
			name: 'a ballot carrying a weight',
			input: over({ weight: 2 } as Partial<Ballot>),
			message: /Ballot 1: carries a weight/
		},
		{
			name: "a ballot naming a segment not in the vote's list",
			input: over({ segments: ['golfers'] }),
			message: /Ballot 1: names segment "golfers"/
		},
		{
			name: 'a segment called users',
			input: base({ segments: [{ id: 'users', label: 'Users' }] }),
			message: /No segment may be called "users"/
		},
		{
			name: 'affects naming an unknown group',
			input: base({
				proposals: [proposal('s', 'saving', 1, { affects: ['golfers'] })]
			}),
			message: /Proposal "s" affects "golfers", which is neither "users" nor a segment/
		},
		{
			name: 'uses naming an unknown service',
			input: over({ uses: ['golf'] }),
			message: /Ballot 1: uses "golf", which is not the service of any proposal/
		},
		{
			name: 'a mark for an unknown proposal',
			input: base({ ballots: [ballot(1, { zz: 'want' })] }),
			message: /Ballot 1: marks "zz", which is not a proposal/
		},
		{
			name: 'a mark that is not a mark',
			input: base({ ballots: [ballot(1, { s: 'maybe' as 'want' })] }),
			message: /Ballot 1: the mark for "s" must be "want" or "dontWant"/
		},
		{
			name: 'membership verified with no verified uses',
			input: base({
				rules: rules({ protection: { ...RULES.protection, membership: 'verified' } })
			}),
			message: /membership is "verified", but no ballot carries verified uses/
		},
		{
			name: 'population weighting without a table',
			input: base({ rules: rules({ weighting: 'population' }) }),
			message: /population weighting needs a population table/
		},
		{
			name: 'population rows with and without age bands',
			input: base({
				rules: rules({
					weighting: 'population',
					population: [
						{ area: 'n', ageBand: '16-24', count: 5 },
						{ area: 's', count: 5 }
					]
				})
			}),
			message: /all have an age band, or none/
		},
		{
			name: 'two population rows for one cell',
			input: base({
				rules: rules({
					weighting: 'population',
					population: [
						{ area: 'n', count: 5 },
						{ area: 'n', count: 6 }
					]
				})
			}),
			message: /two rows for n/
		},
		{
			name: 'a population that is not a positive whole number',
			input: base({
				rules: rules({ weighting: 'population', population: [{ area: 'n', count: 0 }] })
			}),
			message: /A population must be at least 1/
		},
		{
			name: 'a negative amount',
			input: base({ proposals: [proposal('s', 'saving', -5)] }),
			message: /Proposal "s" needs an amount in whole pence of at least 0/
		}
	])('$name', ({ input, message }) => {
		expect(() => count(input)).toThrow(CountInputError);
		expect(() => count(input)).toThrow(message);
	});
});

describe('the count', () => {
	it('counts ballots from a generator as from an array', () => {
		const input = base();
		function* gen() {
			yield* input.ballots as Ballot[];
		}
		expect(count({ ...input, ballots: gen() })).toEqual(count(input));
	});

	it('funds every eligible development when there is no development budget (rank only)', () => {
		const r = count({
			proposals: [proposal('a', 'development', 500), proposal('b', 'development', 500)],
			segments: [],
			ballots: [ballot(3, { a: 'want', b: 'dontWant' }), ballot(1, { b: 'want' })],
			rules: RULES
		});
		expect(r.majority.decisions).toEqual({ a: 'fund', b: 'notSelected' });
		expect(r.proposals.map((p) => p.decision)).toEqual(['fund', 'notSelected']);
		expect(r.proposals[1].reasons[0]).toBe(
			"Not funded: more people don't want it than want it (1 want it, 3 don't)."
		);
	});

	it('names a knock-on change as one, not as a change of mind', () => {
		// Target 1500: majority takes s (2000, ranked first: no single lower saving closes the
		// gap) and then needs no t; protection holds s back, so t is needed: a knock-on.
		const r = count({
			proposals: [
				proposal('s', 'saving', 2000, { service: 'care', affects: ['users'] }),
				proposal('t', 'saving', 1000)
			],
			segments: [],
			ballots: [
				ballot(30, { s: 'dontWant' }, { uses: ['care'] }),
				ballot(200, { s: 'want', t: 'want' }),
				ballot(60, { t: 'dontWant' })
			],
			rules: rules({ savingsTarget: 1500 })
		});
		const t = r.proposals[1];
		expect([r.proposals[0].decision, t.decision]).toEqual(['protected', 'accept']);
		expect(t.majorityDecision).toBe('notNeeded');
		expect(t.knockOn).toBe(true);
		expect(r.proposals[0].knockOn).toBe(false);
		expect(t.reasons.join(' ')).toMatch(
			/^.*A knock-on change: simple majority would have found it not needed/
		);
	});

	it('says when every ballot is open that no decision rests on assured ballots', () => {
		const r = count(base({ ballots: [ballot(60, { s: 'want' }, { assured: false })] }));
		expect(r.assurance).toEqual({ assured: 0, open: 60, ran: false });
		expect(r.dependsOnOpen).toEqual([]);
		expect(r.summary).toContain(
			'Every ballot was open (not backed by a code or checked by staff): no decision rests on assured ballots alone.'
		);
	});

	it('weights wants and net but never a group: the weighted ranking moves, protection does not', () => {
		// North (20 users, all against s) is 20 of 100 ballots but 5% of the population.
		const input: CountInput = {
			proposals: [
				proposal('s', 'saving', 100, { service: 'care', affects: ['users'] }),
				proposal('t', 'saving', 100)
			],
			segments: [],
			ballots: [
				ballot(20, { s: 'dontWant', t: 'want' }, { uses: ['care'], area: 'north' }),
				ballot(80, { s: 'want', t: 'want' }, { area: 'south' }),
				ballot(10, { t: 'dontWant', s: 'want' }, { area: 'south' })
			],
			rules: rules({
				weighting: 'population',
				population: [
					{ area: 'north', count: 50 },
					{ area: 'south', count: 950 }
				]
			})
		};
		const weighted = count(input);
		const plain = count({ ...input, rules: rules() });
		expect(weighted.proposals[0].protectedBy).toEqual(['users']);
		expect(plain.proposals[0].protectedBy).toEqual(['users']);
		// The users' figures are their own ballots in both: 20 of 20.
		expect(weighted.proposals[0].protection[0]).toMatchObject({ ballots: 20, count: 20 });
		expect(weighted.proposals[0].tallies.users).toMatchObject({ ballots: 20, n: 20 });
		expect(weighted.weighting?.table.map((c) => [c.cell, c.ballots, c.capped])).toEqual([
			['north', 20, false],
			['south', 90, false]
		]);
		expect(weighted.proposals[0].tallies.overall.dontWants).toBeLessThan(20);
	});

	it('leaves out of the override order a held-back saving as many people do not want as want', () => {
		// s is protected by its 30 users but has net 0 (30 want, 30 don't): the selection rule would
		// never take it, so releasing it would not help members close the gap.
		const r = count({
			proposals: [
				proposal('s', 'saving', 1000, { service: 'care', affects: ['users'] }),
				proposal('t', 'saving', 1000, { service: 'pool', affects: ['users'] })
			],
			segments: [],
			ballots: [
				ballot(30, { s: 'dontWant', t: 'dontWant' }, { uses: ['care', 'pool'] }),
				ballot(30, { s: 'want', t: 'want' }),
				ballot(40, { t: 'want' })
			],
			rules: rules({ savingsTarget: 500 })
		});
		expect(r.proposals.map((p) => [p.decision, p.tallies.overall.net])).toEqual([
			['protected', 0],
			['protected', 40]
		]);
		expect(r.shortfall).toBe(500);
		expect(r.overrideOrder.map((o) => o.id)).toEqual(['t']);
	});

	it('explains a marginal result and how fragile it is', () => {
		const r = count(scenarios().find((s) => s.file === 'confidence-marginal.json')!.input);
		const pool = r.proposals.find((p) => p.id === 'hydro-pool')!;
		expect(pool.reasons[0]).toBe(
			"Too close to call: 60% of people who use this service (24 of 40) don't want it, against 15% of other voters. With 40 ballots that is not sure to be more than the threshold, so members decide, with an equality impact assessment. This would no longer be held back if 5 of the 24 who don't want it had wanted it instead."
		);
	});

	it('names unions in affects order, in its sentences too', () => {
		const r = count(scenarios().find((s) => s.file === 'union-groups.json')!.input);
		expect(r.proposals[0].reasons[0]).toMatch(
			/^Protected: 100% of people in the group “.*” and people in the group “.*”, together \(30 of 30\)/
		);
	});
});
