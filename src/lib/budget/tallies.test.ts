import { describe, expect, it } from 'vitest';
import { ballot, proposal, RULES } from '../test/votes';
import { count } from './count';
import { BallotReader, CountInputError, indexInput, makeTally, MAX_DECLARED } from './tallies';
import type { Ballot, Proposal, Segment } from './types';

const proposals: Proposal[] = [
	proposal('s1', 'saving', 100, { service: 'svc1', affects: ['users', 'young'] }),
	proposal('s2', 'saving', 100, { service: 'svc1' }),
	proposal('d1', 'development', 100, { service: 'svc2' })
];
const segments: Segment[] = [
	{ id: 'young', label: 'Young' },
	{ id: 'old', label: 'Old' }
];
const rules = { ...RULES, maxWants: 2, maxDontWants: 1 };
const ballots: Ballot[] = [
	ballot(3, { s1: 'want', d1: 'dontWant' }, { uses: ['svc1'], segments: ['young'], area: 'north' }),
	ballot(
		2,
		{ s1: 'dontWant', s2: 'want' },
		{ segments: ['young', 'old'], area: 'south', channel: 'paper', assured: false }
	),
	ballot(1, {}, { uses: ['svc2'], channel: 'room' })
];
const input = { proposals, segments, ballots, rules };

describe('tallies', () => {
	const r = count(input);
	const t = (id: string) => r.proposals.find((p) => p.id === id)!.tallies;

	it("adds up wants, don't-wants and no views over all ballots", () => {
		expect(t('s1').overall).toMatchObject({
			ballots: 6,
			wants: 3,
			dontWants: 2,
			noView: 1,
			net: 1
		});
		expect(t('d1').overall).toMatchObject({ wants: 0, dontWants: 3, net: -3 });
	});

	it('adds up by area, channel and assurance, and groups their own ballots, unweighted', () => {
		expect(Object.keys(t('s1').byArea)).toEqual(['north', 'south']);
		expect(t('s1').byArea.south).toMatchObject({ ballots: 2, dontWants: 2 });
		expect(t('s1').byChannel.paper).toMatchObject({ ballots: 2, dontWants: 2 });
		expect(t('s1').byAssurance).toMatchObject({ assured: { ballots: 4 }, open: { ballots: 2 } });
		expect(t('s1').bySegment.young).toMatchObject({ ballots: 5, wants: 3, dontWants: 2 });
		expect(t('s2').bySegment.old).toMatchObject({ ballots: 2, wants: 2 });
		// Users of svc1 (s1 and s2's service): the three who said so.
		expect(t('s2').users).toMatchObject({ ballots: 3, wants: 0 });
		expect(t('s2').nonUsers).toMatchObject({ ballots: 3, wants: 2 });
		expect(t('d1').users).toMatchObject({ ballots: 1 });
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
	const read = (bs: Ballot[]) => {
		const reader = new BallotReader(indexInput(proposals, segments, rules, false));
		for (const b of bs) reader.add(b);
		return reader;
	};
	const ok = ballots[0];
	it.each([
		{
			name: 'an unknown channel',
			ballot: { ...ok, channel: 'fax' },
			message: /unknown channel "fax"/
		},
		{ name: 'a zero count', ballot: { ...ok, count: 0 }, message: /count must be a whole number/ },
		{
			name: 'uses that are not a list',
			ballot: { ...ok, uses: 'svc1' },
			message: /uses must be a list/
		},
		{
			name: 'marks that are not an object',
			ballot: { ...ok, marks: [] },
			message: /marks must be an object/
		}
	])('refuses $name, naming the ballot', ({ ballot, message }) => {
		const add = () => read([ok, ballot as unknown as Ballot]);
		expect(add).toThrow(CountInputError);
		expect(add).toThrow(/^Ballot 2: /);
		expect(add).toThrow(message);
	});

	it('treats a null mark as no view, and counts identical ballots once with their count', () => {
		const reader = read([
			{ ...ok, marks: { s1: null } as unknown as Ballot['marks'], count: 1 },
			{ ...ok, marks: {}, count: 2 }
		]);
		expect(reader.distinct.size).toBe(1);
		expect(reader.total).toBe(3);
	});

	it.each([
		{ name: 'a repeated proposal id', ps: [proposals[0], proposals[0]], message: /listed twice/ },
		{
			name: 'a group declared twice',
			ps: [{ ...proposals[0], affects: ['young', 'young'] }],
			message: /declares "young" twice/
		},
		{
			name: `more than ${MAX_DECLARED} declared groups`,
			ps: [
				{ ...proposals[0], affects: Array.from({ length: MAX_DECLARED + 1 }, (_, i) => `g${i}`) }
			],
			message: /declares more than/
		}
	])('refuses $name among the proposals', ({ ps, message }) => {
		const segs = [
			...segments,
			...Array.from({ length: 12 }, (_, i) => ({ id: `g${i}`, label: `G${i}` }))
		];
		expect(() => indexInput(ps, segs, rules, false)).toThrow(message);
	});
});
