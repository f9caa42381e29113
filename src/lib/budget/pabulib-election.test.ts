import { describe, expect, it } from 'vitest';
import { parsePabulib } from './pabulib';
import { compareCodePoints, lexicographicRank, pabulibElection } from './pabulib-election';

const pb = (opts: { budget?: string; costs?: string[]; type?: string; votes?: string[] } = {}) => {
	const costs = opts.costs ?? ['60', '50', '10'];
	const votes = opts.votes ?? [
		'1;a,b;internet;North',
		'2;b,a;paper;North',
		'3;c;internet;',
		'4;;internet;South'
	];
	return parsePabulib(
		[
			'META',
			'key;value',
			`budget;${opts.budget ?? '100'}`,
			`vote_type;${opts.type ?? 'approval'}`,
			'PROJECTS',
			'project_id;cost;name',
			...['a', 'b', 'c'].map((id, i) => `${id};${costs[i]};Project ${id}`),
			'VOTES',
			'voter_id;vote;voting_method;neighborhood',
			...votes
		].join('\n')
	);
};

describe('pabulibElection', () => {
	it('groups identical approval sets whatever their order in the file', () => {
		// a,b and b,a are the same set: one group of 2; c: 1; the empty vote: 1.
		const el = pabulibElection(pb());
		const groups = el.profile.voters.map((v) => [
			v.approvals.map((p) => el.profile.ids[p]).join(','),
			v.weight
		]);
		expect(groups.sort()).toEqual([
			['', 1],
			['a,b', 2],
			['c', 1]
		]);
		expect(el.voterCount).toBe(4);
		expect(el.distinctBallots).toBe(3);
	});

	it('finds ids that are prefixes of others, non-ASCII ids and ids with spaces in votes', () => {
		const file = parsePabulib(
			[
				'META',
				'key;value',
				'budget;100',
				'vote_type;approval',
				'PROJECTS',
				'project_id;cost',
				'1;10',
				'12;10',
				'123;10',
				'ż1;10',
				'2;10',
				'VOTES',
				'voter_id;vote',
				'a;123,1',
				'b;1, 12',
				'c;ż1,2',
				'd;12,1',
				'e;2,ż1'
			].join('\n')
		);
		const el = pabulibElection(file);
		const sets = el.profile.voters.map((v) => [
			v.approvals.map((p) => el.profile.ids[p]).join(','),
			v.weight
		]);
		expect(sets.sort()).toEqual([
			['1,12', 2],
			['1,123', 1],
			['ż1,2', 2]
		]);
	});

	it('turns decimal costs into whole units of the smallest decimal', () => {
		// 100.5 and 60.25: two decimals, so everything is counted in hundredths.
		const el = pabulibElection(pb({ budget: '100,5', costs: ['60.25', '50', '10'] }));
		expect(el.profile.budget).toBe(10050);
		expect(el.profile.costs).toEqual([6025, 5000, 1000]);
		expect(el.unit).toBe(100);
	});

	it('refuses vote types these rules do not count', () => {
		expect(() => pabulibElection(pb({ type: 'ordinal' }))).toThrow(/ordinal votes/);
	});

	it.each([
		// Compared as strings, as pabutools does: "11" comes before "2".
		{ ids: ['2', '11', '1'], rank: [2, 1, 0] },
		{ ids: ['L10', 'L9', 'c1'], rank: [0, 1, 2] }
	])('ranks ids as strings: $ids', ({ ids, rank }) => {
		expect(lexicographicRank(ids)).toEqual(rank);
	});

	it('compares by code point, beyond the basic plane too', () => {
		// U+FF5E (one UTF-16 unit) sorts before U+1F600 by code point, though not by UTF-16 unit.
		expect(compareCodePoints('\uff5e', '\u{1f600}')).toBeLessThan(0);
	});
});
