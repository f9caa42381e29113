import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFraction, flaggedSegments, priorityGroups, protectingGroups } from './protection';
import { makeTally } from './tallies';
import type { ProposalTallies, Tally } from './types';

const rules = { minGroup: 20, threshold: 0.5, margin: 0.2 };
const empty = makeTally(0, 0, 0, 0);

/** Tallies where `users` and segment `g` are groups within `all`. */
function tallies(all: Tally, users: Tally, g: Tally = empty): ProposalTallies {
	const channel = { online: all, room: empty, paper: empty, kiosk: empty };
	return {
		overall: all,
		users,
		nonUsers: makeTally(
			all.ballots - users.ballots,
			all.n - users.n,
			all.wants - users.wants,
			all.dontWants - users.dontWants
		),
		bySegment: { g },
		byArea: {},
		byChannel: channel
	};
}
const t = (n: number, dontWants: number, wants = 0) => makeTally(n, n, wants, dontWants);

describe('decimalFraction', () => {
	it.each([
		{ x: 0.2, n: 2n, d: 10n },
		{ x: 0.5, n: 5n, d: 10n },
		{ x: 1, n: 1n, d: 1n },
		{ x: 0.125, n: 125n, d: 1000n },
		{ x: 1e-7, n: 1n, d: 10000000n }
	])('reads $x as written', ({ x, n, d }) => {
		expect(decimalFraction(x)).toEqual({ n, d });
	});
});

describe('protection of a saving', () => {
	it.each([
		// 14 of 20 users (70%) against 50 of 100 others (50%): a gap of exactly 0.2, which counts
		// (inclusive). In floats 0.7 - 0.5 is 0.19999999999999996.
		{ name: 'exactly the margin', users: t(20, 14), all: t(120, 64), protects: true },
		// 10 of 20 (exactly 50%) against 30 of 100 others (30%).
		{ name: 'exactly the threshold', users: t(20, 10), all: t(120, 40), protects: true },
		// 19 users cannot protect, however united.
		{ name: 'a group one below the minimum', users: t(19, 19), all: t(119, 19), protects: false },
		// 9 of 20 (45%) is under the threshold even though others are at 0%.
		{ name: 'a share under the threshold', users: t(20, 9), all: t(120, 9), protects: false },
		// 12 of 20 (60%) against 45 of 100 (45%): a gap of 0.15.
		{ name: 'a gap under the margin', users: t(20, 12), all: t(120, 57), protects: false },
		// Every voter is a user: there are no others to be protected from.
		{ name: 'a group that is everyone', users: t(50, 40), all: t(50, 40), protects: false }
	])('$name: $protects', ({ users, all, protects }) => {
		const found = protectingGroups(tallies(all, users), [], rules);
		expect(found.length > 0).toBe(protects);
	});

	it('counts no view as not opposing', () => {
		// 10 of 20 users don't want it, 10 have no view: 50%, not 100%. Others: 0 of 100.
		const found = protectingGroups(tallies(t(120, 10), t(20, 10)), [], rules);
		expect(found[0]).toMatchObject({
			group: 'users',
			share: 0.5,
			othersShare: 0,
			count: 10,
			n: 20
		});
	});

	it('tests declared segments as well as users', () => {
		const found = protectingGroups(tallies(t(100, 30), t(10, 0), t(30, 25)), ['g'], rules);
		expect(found.map((f) => f.group)).toEqual(['g']);
	});

	it('compares weighted shares with a little slack', () => {
		// Weighted 14.0000000001 of 20 against 50 of 100: passes within the slack.
		const users = makeTally(20, 20, 0, 14.0000000001);
		const all = makeTally(120, 120, 0, 64.0000000001);
		expect(protectingGroups(tallies(all, users), [], rules).length).toBe(1);
	});

	it('never lets a group below the minimum protect', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 19 }),
				fc.integer({ min: 20, max: 500 }),
				fc.nat(),
				(size, others, d) => {
					const dont = d % (size + 1);
					const found = protectingGroups(tallies(t(size + others, dont), t(size, dont)), [], rules);
					expect(found).toEqual([]);
				}
			)
		);
	});
});

describe('minority priority of a development', () => {
	it('is the same test on wants', () => {
		// 15 of 20 users want it (75%) against 20 of 100 others (20%).
		const found = priorityGroups(tallies(t(120, 0, 35), t(20, 0, 15)), [], rules);
		expect(found).toMatchObject([{ group: 'users', share: 0.75, othersShare: 0.2 }]);
	});
});

describe('flags for review', () => {
	it.each([
		// 25 of 30 (83%) against 10 of 90 (11%): flagged.
		{ name: 'far more opposed', g: t(30, 25), all: t(120, 35), flagged: true },
		// 0 of 30 against 45 of 90 (50%): differs the other way, flagged too.
		{ name: 'far less opposed', g: t(30, 0), all: t(120, 45), flagged: true },
		// 15 of 30 (50%) against 27 of 90 (30%): exactly the margin, which is not "more than".
		{ name: 'exactly the margin apart', g: t(30, 15), all: t(120, 42), flagged: false },
		// Too small a group.
		{ name: 'a small group', g: t(19, 19), all: t(120, 19), flagged: false }
	])('$name: $flagged', ({ g, all, flagged }) => {
		expect(flaggedSegments(tallies(all, empty, g), [], ['g'], rules).length > 0).toBe(flagged);
	});

	it('never flags a declared group', () => {
		expect(flaggedSegments(tallies(t(120, 35), empty, t(30, 25)), ['g'], ['g'], rules)).toEqual([]);
	});
});
