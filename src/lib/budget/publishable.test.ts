import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count, CountInputError } from './count';
import { parsePabulib, PabulibError } from './pabulib';
import { publishableInput } from './publishable';
import { RulesSchema } from './schemas';
import { isVotePabulib, readVotePabulib, writeVotePabulib } from './vote-pabulib';
import { METHODS, type Ballot, type CountInput, type CountResult, type Mark } from './types';

const SEGMENTS = [
	{ id: 'carers', label: 'Carers' },
	{ id: 'disabled', label: 'Disabled people' },
	{ id: 'faith', label: 'A religion; or none' }
];
const SPECIAL = new Set(['disabled', 'faith']);
/** counting.md's defaults: protected, minimum group 20, threshold 50%, margin 20 points. */
const DEFAULT_RULES = RulesSchema.parse({});

const voteArb = fc
	.record({
		proposals: fc.array(
			fc.record({
				kind: fc.constantFrom('saving' as const, 'development' as const),
				amount: fc.integer({ min: 0, max: 500_000 }),
				service: fc.constantFrom('a', 'b'),
				affects: fc.subarray(['carers', 'disabled', 'faith'])
			}),
			{ minLength: 1, maxLength: 5 }
		),
		ballots: fc.array(
			fc.record({
				marks: fc.array(fc.constantFrom<Mark | null>('want', 'dontWant', null), {
					minLength: 5,
					maxLength: 5
				}),
				uses: fc.subarray([0, 1, 2, 3, 4]),
				segments: fc.subarray(['carers', 'disabled', 'faith']),
				area: fc.constantFrom('north', 'south', null),
				ageBand: fc.constantFrom('16-34', '35-64', null),
				channel: fc.constantFrom('online' as const, 'paper' as const, 'room' as const),
				count: fc.integer({ min: 1, max: 25 })
			}),
			{ maxLength: 14 }
		),
		minGroup: fc.integer({ min: 10, max: 60 }),
		threshold: fc.constantFrom(0.3, 0.5),
		margin: fc.constantFrom(0, 0.2),
		method: fc.constantFrom(...METHODS),
		weighting: fc.constantFrom('none' as const, 'area' as const, 'areaAge' as const),
		budget: fc.integer({ min: 0, max: 1_000_000 })
	})
	.map((v): CountInput & { ballots: Ballot[] } => {
		const P = v.proposals.length;
		const proposals = v.proposals.map((p, i) => ({ id: `p${i}`, title: `Proposal ${i}`, ...p }));
		const population =
			v.weighting === 'none'
				? undefined
				: ['north', 'south'].flatMap((area, a) =>
						v.weighting === 'area'
							? [{ area, population: 1000 + 700 * a }]
							: ['16-34', '35-64'].map((ageBand, g) => ({
									area,
									ageBand,
									population: 400 + 300 * a + 200 * g
								}))
					);
		return {
			proposals,
			segments: SEGMENTS,
			ballots: v.ballots.map((b) => ({
				marks: Object.fromEntries(b.marks.slice(0, P).flatMap((m, i) => (m ? [[`p${i}`, m]] : []))),
				uses: b.uses.filter((i) => i < P).map((i) => `p${i}`),
				segments: b.segments,
				area: b.area,
				ageBand: b.ageBand,
				channel: b.channel,
				count: b.count
			})),
			rules: {
				maxWants: 0,
				maxDontWants: 0,
				developmentBudget: v.budget,
				savingsTarget: Math.floor(v.budget / 2),
				method: v.method,
				protection: { minGroup: v.minGroup, threshold: v.threshold, margin: v.margin },
				weighting: v.weighting === 'none' ? 'none' : 'population'
			},
			...(population ? { population } : {})
		};
	});

/** What a resident reads of a count: every decision and why. */
const decisions = (r: CountResult) =>
	r.proposals.map((p) => ({
		id: p.id,
		rank: p.rank,
		decision: p.decision,
		protectedBy: p.protectedBy,
		flagged: p.flaggedSegments,
		minority: p.minorityGroups.map((g) => g.group),
		majority: p.majorityDecision,
		reasons: p.reasons
	}));

const roundTrip = (input: CountInput) =>
	readVotePabulib(
		parsePabulib(
			writeVotePabulib(input, {
				title: 'Test vote',
				unit: 'Harbourside',
				instance: '1',
				selected: new Set(),
				totals: new Map()
			})
		)
	);

describe('publishableInput', () => {
	it('decides exactly what the full ballots decide', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const full = count(input);
				const published = count(publishableInput(input, SPECIAL));
				expect(decisions(published)).toEqual(decisions(full));
				expect(published.shortfall).toBe(full.shortfall);
				expect(published.spent).toBe(full.spent);
				for (const [i, p] of published.proposals.entries()) {
					for (const s of ['carers', 'disabled', 'faith']) {
						const whole = full.proposals[i].tallies.bySegment[s];
						if (whole.ballots >= 10) expect(p.tallies.bySegment[s]).toEqual(whole);
					}
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('publishes no special-category segment on any ballot, and groups of under 10 not at all', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const published = publishableInput(input, SPECIAL);
				for (const b of published.ballots)
					expect(b.segments.filter((s) => SPECIAL.has(s))).toEqual([]);
				for (const t of published.segmentTotals ?? []) {
					expect(SPECIAL.has(t.segment)).toBe(true);
					expect(t.ballots).toBeGreaterThanOrEqual(10);
				}
				const total = (bs: Ballot[]) => bs.reduce((n, b) => n + (b.count ?? 1), 0);
				expect(total(published.ballots)).toBe(total(input.ballots));
			}),
			{ numRuns: 100 }
		);
	});

	it('recounts from its .pb file to the same digest and the same decisions', () => {
		fc.assert(
			fc.property(voteArb, (input) => {
				const published = publishableInput(input, SPECIAL);
				const official = count(published);
				const recount = count(roundTrip(published));
				expect(recount.digest).toBe(official.digest);
				expect(decisions(recount)).toEqual(decisions(official));
			}),
			{ numRuns: 100 }
		);
	});

	it('changes the digest when a published total changes', () => {
		const input: CountInput = {
			proposals: [
				{
					id: 'p0',
					title: 'Day centre',
					kind: 'saving',
					amount: 100,
					service: 'a',
					affects: ['disabled']
				}
			],
			segments: SEGMENTS,
			ballots: [
				{
					marks: { p0: 'dontWant' },
					uses: [],
					segments: ['disabled'],
					area: null,
					channel: 'online',
					count: 12
				},
				{ marks: { p0: 'want' }, uses: [], segments: [], area: null, channel: 'online', count: 30 }
			],
			rules: { ...DEFAULT_RULES, protection: { ...DEFAULT_RULES.protection, minGroup: 10 } }
		};
		const published = publishableInput(input, SPECIAL);
		expect(published.segmentTotals).toEqual([
			{ segment: 'disabled', ballots: 12, n: 12, marks: { p0: [0, 12] } }
		]);
		const digest = count(published).digest;
		const changed = {
			...published,
			segmentTotals: [{ segment: 'disabled', ballots: 12, n: 12, marks: { p0: [1, 11] } }]
		} satisfies CountInput;
		expect(count(changed).digest).not.toBe(digest);
		// The full ballots digest differently (they name the segment), but decide the same.
		expect(count(input).digest).not.toBe(digest);
		expect(count(published).proposals[0].protectedBy).toEqual(['disabled']);
	});
});

describe('segment totals are checked', () => {
	const base: CountInput = {
		proposals: [{ id: 'p0', title: 'P', kind: 'saving', amount: 1, service: 'a', affects: [] }],
		segments: SEGMENTS,
		ballots: [{ marks: {}, uses: [], segments: ['carers'], area: null, channel: 'online' }],
		rules: DEFAULT_RULES
	};
	const total = { ballots: 10, n: 10, marks: { p0: [1, 2] as [number, number] } };
	it.each([
		['an unknown segment', [{ segment: 'nobody', ...total }], 'not a segment of this vote'],
		[
			'a segment given twice',
			[
				{ segment: 'faith', ...total },
				{ segment: 'faith', ...total }
			],
			'given twice'
		],
		[
			'a segment ballots name too',
			[{ segment: 'carers', ...total }],
			'ballots name this segment too'
		],
		[
			'an unknown proposal',
			[{ segment: 'faith', ...total, marks: { q: [1, 1] } }],
			'"q" is not a proposal'
		],
		[
			'more marks than ballots',
			[{ segment: 'faith', ...total, marks: { p0: [6, 5] } }],
			'do not fit'
		],
		['a part ballot', [{ segment: 'faith', ...total, ballots: 2.5 }], 'whole number']
	] as const)('refuses %s', (_, segmentTotals, message) => {
		expect(() =>
			count({ ...base, segmentTotals: segmentTotals as unknown as CountInput['segmentTotals'] })
		).toThrow(CountInputError);
		expect(() =>
			count({ ...base, segmentTotals: segmentTotals as unknown as CountInput['segmentTotals'] })
		).toThrow(message);
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
				service: 's1',
				affects: ['disabled']
			},
			{
				id: '8',
				title: 'Youth bus',
				kind: 'development',
				amount: 500_000,
				service: 's2',
				affects: []
			}
		],
		segments: SEGMENTS,
		ballots: [
			{
				marks: { '7': 'dontWant', '8': 'want' },
				uses: ['7'],
				segments: ['carers'],
				area: 'north',
				channel: 'paper',
				count: 2
			},
			{ marks: {}, uses: [], segments: [], area: null, channel: 'room' }
		],
		rules: {
			maxWants: 2,
			maxDontWants: 1,
			developmentBudget: 600_000,
			savingsTarget: 10_000,
			method: 'protected',
			protection: { minGroup: 20, threshold: 0.5, margin: 0.2 },
			weighting: 'none'
		}
	};

	it('reads back exactly what was written, one row per ballot', () => {
		const text = writeVotePabulib(input, {
			title: 'Budget',
			unit: 'Harbourside',
			instance: '3',
			selected: new Set(['8']),
			totals: new Map([['8', { wants: 2, dontWants: 0 }]])
		});
		const file = parsePabulib(text);
		expect(isVotePabulib(file)).toBe(true);
		expect(file.votes.rows).toHaveLength(3);
		expect(file.projects.rows[0]).toEqual([
			'7',
			'123.45',
			'0',
			'Close; merge "day" centres',
			'saving',
			'12345',
			's1',
			'disabled',
			'0',
			'0'
		]);
		const back = readVotePabulib(file);
		expect(back.proposals).toEqual(input.proposals);
		expect(back.rules).toEqual(input.rules);
		expect(back.segments).toEqual(SEGMENTS);
		expect(count(back).digest).toBe(count(input).digest);
	});

	it.each([
		[
			'a want of an unknown proposal',
			(t: string) => t.replace('1;8;7;7;', '1;9;7;7;'),
			'names project'
		],
		[
			'an unknown segment',
			(t: string) => t.replace(';carers;north', ';nobody;north'),
			'not a segment'
		],
		['an unknown channel', (t: string) => t.replace(';room\n', ';phone\n'), 'voting_method'],
		[
			'rules that are not JSON',
			(t: string) => t.replace(/^rules;.*$/m, 'rules;{oops'),
			'not valid JSON'
		],
		['no rules', (t: string) => t.replace(/^rules;.*\n/m, ''), 'has no "rules"']
	])('names the line of %s', (_, spoil, message) => {
		const text = writeVotePabulib(input, {
			title: 'Budget',
			unit: 'Harbourside',
			instance: '3',
			selected: new Set(),
			totals: new Map()
		});
		const spoiled = spoil(text);
		expect(spoiled).not.toBe(text);
		expect(() => readVotePabulib(parsePabulib(spoiled))).toThrow(PabulibError);
		expect(() => readVotePabulib(parsePabulib(spoiled))).toThrow(message);
	});
});
