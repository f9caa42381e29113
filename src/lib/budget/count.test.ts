import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, CountInputError } from './count';
import { ScenarioSchema, scenarioInput } from './schemas';
import {
	METHODS,
	type Ballot,
	type CountInput,
	type Mark,
	type Proposal,
	type Rules
} from './types';

const SCENARIOS = new URL('../../../tests/fixtures/scenarios/', import.meta.url);

const RULES: Rules = {
	maxWants: 0,
	maxDontWants: 0,
	developmentBudget: 10000,
	savingsTarget: 0,
	method: 'protected',
	protection: { minGroup: 20, threshold: 0.5, margin: 0.2 },
	weighting: 'none'
};

const ballot = (
	count: number,
	marks: Record<string, Mark>,
	extra: Partial<Ballot> = {}
): Ballot => ({
	count,
	marks,
	uses: [],
	segments: [],
	area: null,
	channel: 'online',
	...extra
});

/**
 * Ten voters, a £100 development budget (10000 pence). Six want d1 (£90); four want d2 (£40).
 * s1 is a saving 7 want and 3 don't.
 */
const split: CountInput = {
	proposals: [
		{
			id: 'd1',
			title: 'Big project',
			kind: 'development',
			amount: 9000,
			service: 'parks',
			affects: []
		},
		{
			id: 'd2',
			title: 'Small project',
			kind: 'development',
			amount: 4000,
			service: 'youth',
			affects: []
		},
		{ id: 's1', title: 'A saving', kind: 'saving', amount: 3000, service: 'admin', affects: [] }
	],
	segments: [],
	ballots: [
		ballot(6, { d1: 'want', s1: 'want' }),
		ballot(1, { d2: 'want', s1: 'want' }),
		ballot(3, { d2: 'want', s1: 'dontWant' })
	],
	rules: RULES
};

describe('scenarios', () => {
	const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
	it('has the three scenarios to reproduce', () => {
		expect(files.length).toBe(3);
	});

	it.each(files)('%s', (file) => {
		const scenario = ScenarioSchema.parse(
			JSON.parse(readFileSync(new URL(file, SCENARIOS), 'utf8'))
		);
		const expected = scenario.expected;
		expect(expected).toBeDefined();
		if (!expected) return;
		const r = count(scenarioInput(scenario));
		const byId = new Map(r.proposals.map((p) => [p.id, p]));
		expect(Object.fromEntries(r.proposals.map((p) => [p.id, p.decision]))).toEqual(
			expected.decisions
		);
		for (const [id, groups] of Object.entries(expected.protectedBy ?? {})) {
			expect([...(byId.get(id)?.protectedBy ?? [])].sort()).toEqual([...groups].sort());
		}
		for (const [id, segs] of Object.entries(expected.flaggedSegments ?? {})) {
			expect([...(byId.get(id)?.flaggedSegments ?? [])].sort()).toEqual([...segs].sort());
		}
		if (expected.saved !== undefined) expect(r.saved).toBe(expected.saved);
		if (expected.shortfall !== undefined) expect(r.shortfall).toBe(expected.shortfall);
		if (expected.majority) {
			expect(r.majority.decisions).toEqual(expected.majority.decisions);
			if (expected.majority.saved !== undefined)
				expect(r.majority.saved).toBe(expected.majority.saved);
			if (expected.majority.shortfall !== undefined) {
				expect(r.majority.shortfall).toBe(expected.majority.shortfall);
			}
		}
	});
});

describe('methods', () => {
	it.each([
		// Equal shares: each voter holds £10. d1's six supporters hold £60 of its £90: unaffordable.
		// d2's four hold £40, exactly its cost: funded. £60 is left but d1 costs £90: exhaustive.
		{ method: 'protected' as const, d1: 'notSelected', d2: 'fund', spent: 4000 },
		{ method: 'equalShares' as const, d1: 'notSelected', d2: 'fund', spent: 4000 },
		// Greedy by wants: d1 (6 wants) first, £10 left, d2 does not fit.
		{ method: 'greedy' as const, d1: 'fund', d2: 'notSelected', spent: 9000 },
		// Majority by net: d1 (+6) before d2 (+4); the same as greedy here.
		{ method: 'majority' as const, d1: 'fund', d2: 'notSelected', spent: 9000 }
	])('$method funds d1: $d1, d2: $d2', ({ method, d1, d2, spent }) => {
		const r = count(split, { method });
		expect(r.method).toBe(method);
		expect(r.methods[method].decisions).toMatchObject({ d1, d2, s1: 'accept' });
		expect(r.spent).toBe(spent);
		expect(r.accepted).toEqual(['s1']);
	});

	it('shows what majority would change, with a reason', () => {
		const r = count(split);
		expect(r.majority.changed).toEqual(['d1', 'd2']);
		const d2 = r.proposals.find((p) => p.id === 'd2');
		expect(d2?.majorityDecision).toBe('notSelected');
		expect(d2?.reasons).toContain('Simple majority would have left it out.');
		expect(d2?.reasons[0]).toBe(
			'Funded: 4 people want it, and their equal shares of the budget cover its cost.'
		);
	});

	it('ranks by net, then wants, then listed order', () => {
		// d1 net +6, s1 net +4 with 7 wants, d2 net +4 with 4 wants.
		const r = count(split);
		expect(Object.fromEntries(r.proposals.map((p) => [p.id, p.rank]))).toEqual({
			d1: 1,
			s1: 2,
			d2: 3
		});
	});

	it('breaks ties by id when asked (the Pabulib convention)', () => {
		const tie: CountInput = {
			...split,
			proposals: [
				{ id: 'b', title: 'B', kind: 'development', amount: 100, service: 'x', affects: [] },
				{ id: 'a', title: 'A', kind: 'development', amount: 100, service: 'x', affects: [] }
			],
			ballots: [ballot(2, { a: 'want', b: 'want' })],
			rules: { ...RULES, developmentBudget: 100 }
		};
		expect(count(tie).selected).toEqual(['b']);
		expect(count(tie, { tieBreak: 'id' }).selected).toEqual(['a']);
	});

	it('ranks developments only when there is no development budget', () => {
		const r = count({ ...split, rules: { ...RULES, developmentBudget: 0 } });
		expect(r.selected).toEqual([]);
		expect(r.proposals[0].reasons[0]).toBe('Ranked only: no development budget was set.');
	});

	it('accepts savings in rank order only until the target is met', () => {
		// s-big (net +5) reaches the £50 target alone; s-small (net +3) is then not needed.
		const r = count({
			proposals: [
				{ id: 's-small', title: 'Small', kind: 'saving', amount: 2000, service: 'a', affects: [] },
				{ id: 's-big', title: 'Big', kind: 'saving', amount: 6000, service: 'b', affects: [] }
			],
			segments: [],
			ballots: [ballot(3, { 's-small': 'want', 's-big': 'want' }), ballot(2, { 's-big': 'want' })],
			rules: { ...RULES, savingsTarget: 5000 }
		});
		expect(r.accepted).toEqual(['s-big']);
		expect(r.saved).toBe(6000);
		expect(r.shortfall).toBe(0);
		expect(r.proposals[0].reasons[0]).toMatch(/^Not needed: /);
	});

	it('funds developments nobody wants only when asked to', () => {
		const unwanted: CountInput = {
			...split,
			proposals: [
				...split.proposals,
				{ id: 'd9', title: 'Nobody', kind: 'development', amount: 100, service: 'x', affects: [] }
			]
		};
		expect(count(unwanted).selected).not.toContain('d9');
		expect(count(unwanted, { fundUnwanted: true }).selected).toContain('d9');
	});

	it('flags a minority priority among developments', () => {
		// 25 disabled residents all want d-ramp; 75 others, 5 of whom want it: 100% against 7%.
		const r = count({
			proposals: [
				{
					id: 'd-ramp',
					title: 'Ramp',
					kind: 'development',
					amount: 500,
					service: 'access',
					affects: ['disabled']
				}
			],
			segments: [{ id: 'disabled', label: 'Disabled residents' }],
			ballots: [
				ballot(25, { 'd-ramp': 'want' }, { segments: ['disabled'] }),
				ballot(5, { 'd-ramp': 'want' }),
				ballot(70, {})
			],
			rules: RULES
		});
		expect(r.proposals[0].minorityPriority).toBe(true);
		expect(r.proposals[0].reasons).toContain(
			'Minority priority: 100% of people in the group “Disabled residents” (25 of 25) want it, against 7% of other voters.'
		);
	});
});

describe('population weighting', () => {
	const weighted: CountInput = {
		...split,
		ballots: [
			ballot(6, { s1: 'want' }, { area: 'north' }),
			ballot(2, { s1: 'dontWant' }, { area: 'south' }),
			ballot(2, { s1: 'dontWant' })
		],
		rules: { ...RULES, weighting: 'population' },
		population: [
			{ area: 'north', population: 500 },
			{ area: 'south', population: 500 }
		]
	};

	it('weighs each area by population share over ballot share, and reports it', () => {
		// Among the 8 ballots with an area: north has 75% of them and 50% of people (weight 2/3),
		// south 25% and 50% (weight 2). The 2 without an area weigh 1.
		// s1: wants 6·2/3 = 4; don't-wants 2·2 + 2 = 6; n = 4 + 4 + 2 = 10.
		const r = count(weighted);
		const t = r.proposals.find((p) => p.id === 's1')?.tallies.overall;
		expect(t?.wants).toBeCloseTo(4, 10);
		expect(t?.dontWants).toBeCloseTo(6, 10);
		expect(t?.ballots).toBe(10);
		expect(r.weighting?.table.map((c) => [c.cell, c.weight])).toEqual([
			['north', 2 / 3],
			['south', 2]
		]);
		expect(r.weighting?.unweightedBallots).toBe(2);
		expect(r.proposals[2].reasons).toContain('Figures are weighted to match the population.');
	});

	it('refuses population weighting without population figures', () => {
		expect(() => count({ ...weighted, population: undefined })).toThrow(/no population figures/);
	});

	it('refuses a mix of cells with and without age bands', () => {
		const mixed = [
			{ area: 'north', ageBand: '16-24', population: 100 },
			{ area: 'south', population: 100 }
		];
		expect(() => count({ ...weighted, population: mixed })).toThrow(
			/all have an age band, or none/
		);
	});
});

describe('input checks', () => {
	it.each([
		{
			name: 'a negative budget',
			input: { ...split, rules: { ...RULES, developmentBudget: -5 } },
			message: /Rules: /
		},
		{
			name: 'an unknown method',
			input: { ...split, rules: { ...RULES, method: 'dice' as Rules['method'] } },
			message: /Rules: /
		},
		{
			name: 'a ballot for an unknown proposal',
			input: { ...split, ballots: [ballot(1, { zz: 'want' })] },
			message: /Ballot 1: /
		}
	])('refuses $name', ({ input, message }) => {
		expect(() => count(input)).toThrow(CountInputError);
		expect(() => count(input)).toThrow(message);
	});

	it('counts ballots from a generator as from an array', () => {
		function* gen() {
			yield* split.ballots as Ballot[];
		}
		expect(count({ ...split, ballots: gen() })).toEqual(count(split));
	});
});

// ---- Properties ----

const SEGMENTS = [
	{ id: 'x', label: 'X' },
	{ id: 'y', label: 'Y' }
];

const proposalArb = fc.record({
	kind: fc.constantFrom('saving' as const, 'development' as const),
	amount: fc.integer({ min: 0, max: 5000 }),
	service: fc.constantFrom('a', 'b', 'c'),
	affects: fc.subarray(['x', 'y'])
});

const voteArb = fc
	.record({
		proposals: fc.array(proposalArb, { minLength: 1, maxLength: 6 }),
		ballots: fc.array(
			fc.record({
				marks: fc.array(fc.constantFrom<Mark | null>('want', 'dontWant', null), {
					minLength: 6,
					maxLength: 6
				}),
				uses: fc.subarray([0, 1, 2, 3, 4, 5]),
				segments: fc.subarray(['x', 'y']),
				area: fc.constantFrom('north', 'south', null),
				channel: fc.constantFrom(
					'online' as const,
					'room' as const,
					'paper' as const,
					'kiosk' as const
				),
				count: fc.integer({ min: 1, max: 30 })
			}),
			{ maxLength: 12 }
		),
		developmentBudget: fc.integer({ min: 0, max: 10000 }),
		savingsTarget: fc.integer({ min: 0, max: 10000 }),
		minGroup: fc.integer({ min: 1, max: 60 }),
		threshold: fc.constantFrom(0.3, 0.5, 0.7),
		margin: fc.constantFrom(0, 0.1, 0.2),
		method: fc.constantFrom(...METHODS)
	})
	.map((v): CountInput => {
		const proposals: Proposal[] = v.proposals.map((p, i) => ({
			id: `p${i}`,
			title: `P${i}`,
			...p
		}));
		const P = proposals.length;
		return {
			proposals,
			segments: SEGMENTS,
			ballots: v.ballots.map((b) => {
				const marks: Record<string, Mark> = {};
				b.marks.slice(0, P).forEach((m, i) => {
					if (m) marks[`p${i}`] = m;
				});
				return {
					marks,
					uses: b.uses.filter((i) => i < P).map((i) => `p${i}`),
					segments: b.segments,
					area: b.area,
					channel: b.channel,
					count: b.count
				};
			}),
			rules: {
				...RULES,
				developmentBudget: v.developmentBudget,
				savingsTarget: v.savingsTarget,
				method: v.method,
				protection: { minGroup: v.minGroup, threshold: v.threshold, margin: v.margin }
			}
		};
	});

const ballotsOf = (input: CountInput) => [...input.ballots];

describe('properties', () => {
	it('never spends more than the development budget, whatever the method', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const r = count(input);
				for (const m of METHODS)
					expect(r.methods[m].spent).toBeLessThanOrEqual(input.rules.developmentBudget);
			}),
			{ numRuns: 150 }
		);
	});

	it('gives the same result (and digest) for the ballots in any order, grouped or not', () => {
		fc.assert(
			fc.property(voteArb, fc.nat(), (input, seed) => {
				// Every group split into single ballots, then shuffled.
				const singles = ballotsOf(input).flatMap((b) =>
					Array.from({ length: b.count ?? 1 }, () => ({
						...b,
						count: 1,
						segments: [...b.segments].reverse()
					}))
				);
				let s = seed;
				for (let i = singles.length - 1; i > 0; i--) {
					s = (s * 1103515245 + 12345) % 2 ** 31;
					const j = s % (i + 1);
					[singles[i], singles[j]] = [singles[j], singles[i]];
				}
				expect(count({ ...input, ballots: singles })).toEqual(count(input));
			}),
			{ numRuns: 100 }
		);
	});

	it('never both protects and accepts a saving', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const r = count(input);
				for (const p of r.proposals) {
					if (p.decision === 'protected') expect(r.accepted).not.toContain(p.id);
					if (p.decision === 'accept') expect(p.protectedBy).toEqual([]);
					if (p.protectedBy.length > 0) expect(p.decision).toBe('protected');
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('never protects when no group reaches the minimum size', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const total = ballotsOf(input).reduce((s, b) => s + (b.count ?? 1), 0);
				const rules = {
					...input.rules,
					method: 'protected' as const,
					protection: { ...input.rules.protection, minGroup: total + 1 }
				};
				const r = count({ ...input, rules });
				expect(
					r.proposals.filter(
						(p) => p.decision === 'protected' || p.flaggedSegments.length > 0 || p.minorityPriority
					)
				).toEqual([]);
			}),
			{ numRuns: 150 }
		);
	});

	it('changes the digest when any ballot changes', () => {
		fc.assert(
			fc.property(voteArb, fc.nat(), fc.integer({ min: 0, max: 4 }), (input, pick, how) => {
				const ballots = ballotsOf(input);
				fc.pre(ballots.length > 0);
				const i = pick % ballots.length;
				const b = ballots[i];
				const changed: Ballot[] = [
					{ ...b, count: (b.count ?? 1) + 1 },
					{ ...b, area: b.area === 'north' ? 'south' : 'north' },
					{ ...b, channel: b.channel === 'paper' ? 'online' : 'paper' },
					{ ...b, marks: { ...b.marks, p0: b.marks.p0 === 'want' ? 'dontWant' : 'want' } },
					{
						...b,
						segments: b.segments.includes('x')
							? b.segments.filter((s) => s !== 'x')
							: [...b.segments, 'x']
					}
				];
				const other = ballots.map((x, k) => (k === i ? changed[how] : x));
				expect(count({ ...input, ballots: other }).digest).not.toBe(count(input).digest);
			}),
			{ numRuns: 150 }
		);
	});
});
