import { describe, expect, it } from 'vitest';
import { BallotAggregate, CountInputError, indexInput, makeTally } from './tallies';
import type { Ballot, Proposal, Rules, Segment } from './types';

const proposals: Proposal[] = [
	{ id: 's1', title: 'Saving 1', kind: 'saving', amount: 100, service: 'svc1', affects: [] },
	{ id: 's2', title: 'Saving 2', kind: 'saving', amount: 100, service: 'svc1', affects: [] },
	{ id: 'd1', title: 'Development', kind: 'development', amount: 100, service: 'svc2', affects: [] }
];
const segments: Segment[] = [
	{ id: 'young', label: 'Young' },
	{ id: 'old', label: 'Old' }
];
const rules: Rules = {
	maxWants: 2,
	maxDontWants: 1,
	developmentBudget: 0,
	savingsTarget: 0,
	method: 'protected',
	protection: { minGroup: 20, threshold: 0.5, margin: 0.2 },
	weighting: 'none'
};
const ballots: Ballot[] = [
	{
		count: 3,
		marks: { s1: 'want', d1: 'dontWant' },
		uses: ['s1'],
		segments: ['young'],
		area: 'north',
		channel: 'online'
	},
	{
		count: 2,
		marks: { s1: 'dontWant', s2: 'want' },
		uses: [],
		segments: ['young', 'old'],
		area: 'south',
		channel: 'paper'
	},
	{ count: 1, marks: {}, uses: ['d1'], segments: [], area: null, channel: 'room' }
];

function aggregate(bs: Ballot[], cells: 'none' | 'area' = 'none') {
	const agg = new BallotAggregate(indexInput(proposals, segments, rules, cells));
	for (const b of bs) agg.add(b);
	return agg;
}

describe('tallies', () => {
	const t = aggregate(ballots).tallies(() => 1);
	const [s1, s2, d1] = t;

	it("adds up wants, don't-wants and no views over all ballots", () => {
		// s1: 3 want, 2 don't, 1 no view of 6; net 1; 3/6 and 2/6; 6 < 10 ballots: suppressed.
		expect(s1.overall).toEqual({
			ballots: 6,
			n: 6,
			wants: 3,
			dontWants: 2,
			noView: 1,
			net: 1,
			support: 0.5,
			opposition: 2 / 6,
			suppressed: true
		});
	});

	it.each([
		// Users of svc1 (s1 and s2's service): the 3 who said they use s1's service.
		{ name: 's1 users', tally: s1.users, expected: [3, 3, 0] },
		{ name: 's1 non-users', tally: s1.nonUsers, expected: [3, 0, 2] },
		// s2 shares the service, so the same 3 are its users, though they did not mark it.
		{ name: 's2 users', tally: s2.users, expected: [3, 0, 0] },
		{ name: 's2 non-users', tally: s2.nonUsers, expected: [3, 2, 0] },
		{ name: 'd1 users', tally: d1.users, expected: [1, 0, 0] },
		{ name: 'd1 non-users', tally: d1.nonUsers, expected: [5, 0, 3] },
		{ name: 's1 young', tally: s1.bySegment.young, expected: [5, 3, 2] },
		{ name: 's1 old', tally: s1.bySegment.old, expected: [2, 0, 2] },
		{ name: 's1 north', tally: s1.byArea.north, expected: [3, 3, 0] },
		{ name: 's1 south', tally: s1.byArea.south, expected: [2, 0, 2] },
		{ name: 's1 online', tally: s1.byChannel.online, expected: [3, 3, 0] },
		{ name: 's1 paper', tally: s1.byChannel.paper, expected: [2, 0, 2] },
		{ name: 's1 kiosk', tally: s1.byChannel.kiosk, expected: [0, 0, 0] }
	])("$name: ballots, wants, don't-wants", ({ tally, expected }) => {
		expect([tally.ballots, tally.wants, tally.dontWants]).toEqual(expected);
	});

	it('lists only areas someone gave, in order', () => {
		expect(Object.keys(s1.byArea)).toEqual(['north', 'south']);
	});

	it('weights each cell when asked', () => {
		// Cells by area: north weighs 2, south 0.5, no area 1. s1 wants: 3·2 = 6; don't: 2·0.5 = 1.
		const w = aggregate(ballots, 'area').tallies((cell) => ({ north: 2, south: 0.5 })[cell] ?? 1);
		expect([
			w[0].overall.n,
			w[0].overall.wants,
			w[0].overall.dontWants,
			w[0].overall.ballots
		]).toEqual([8, 6, 1, 6]);
	});

	it.each([
		{ n: 9, suppressed: true },
		{ n: 10, suppressed: false }
	])('suppresses a cell of $n ballots: $suppressed', ({ n, suppressed }) => {
		expect(makeTally(n, n, 1, 1).suppressed).toBe(suppressed);
	});

	it('gives shares of 0 for an empty cell', () => {
		expect(makeTally(0, 0, 0, 0)).toMatchObject({ support: 0, opposition: 0, noView: 0 });
	});
});

describe('ballot checks', () => {
	const ok = ballots[0];
	it.each([
		{
			name: 'an unknown proposal',
			ballot: { ...ok, marks: { zz: 'want' } },
			message: /"zz", which is not in this vote/
		},
		{
			name: 'a mark that is neither',
			ballot: { ...ok, marks: { s1: 'maybe' } },
			message: /must be "want" or "dontWant"/
		},
		{
			name: 'too many wants',
			ballot: { ...ok, marks: { s1: 'want', s2: 'want', d1: 'want' } },
			message: /3 wants, more than the limit of 2/
		},
		{
			name: "too many don't-wants",
			ballot: { ...ok, marks: { s1: 'dontWant', s2: 'dontWant' } },
			message: /2 don't-wants, more than the limit of 1/
		},
		{
			name: 'an unknown segment',
			ballot: { ...ok, segments: ['martians'] },
			message: /segment "martians"/
		},
		{ name: 'an unknown service use', ballot: { ...ok, uses: ['zz'] }, message: /service of "zz"/ },
		{
			name: 'an unknown channel',
			ballot: { ...ok, channel: 'fax' },
			message: /unknown channel "fax"/
		},
		{ name: 'a zero count', ballot: { ...ok, count: 0 }, message: /count must be a whole number/ }
	])('refuses $name, naming the ballot', ({ ballot, message }) => {
		const add = () => aggregate([ok, ballot as Ballot]);
		expect(add).toThrow(CountInputError);
		expect(add).toThrow(/^Ballot 2: /);
		expect(add).toThrow(message);
	});

	it('treats a null mark as no view', () => {
		const t = aggregate([{ ...ok, marks: { s1: null } as unknown as Ballot['marks'] }]).tallies(
			() => 1
		);
		expect(t[0].overall.noView).toBe(3);
	});

	it.each([
		{ name: 'a repeated proposal id', ps: [proposals[0], proposals[0]], message: /listed twice/ },
		{
			name: 'an undeclared affected group',
			ps: [{ ...proposals[0], affects: ['nobody'] }],
			message: /not a segment/
		},
		{ name: 'a negative amount', ps: [{ ...proposals[0], amount: -1 }], message: /amount/ }
	])('refuses $name among the proposals', ({ ps, message }) => {
		expect(() => indexInput(ps, segments, rules, 'none')).toThrow(message);
	});
});
