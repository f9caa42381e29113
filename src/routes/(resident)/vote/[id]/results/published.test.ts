import { describe, expect, it } from 'vitest';
import { count } from '$lib/budget/count';
import type { GroupFinding, Tally } from '$lib/budget/types';
import { scenarios } from '$lib/test/votes';
import {
	headlineFinding,
	publishCount,
	publishFinding,
	publishResult,
	publishSample,
	publishTally,
	strongestFinding,
	type PublishedFinding
} from './published';

/** A finding of `n` ballots, `d` of them against (the share is what the count would give). */
function finding(group: string, d: number, n: number): PublishedFinding {
	return { group, ballots: n, count: d, share: d / n, othersShare: 0.1, fragility: 3 };
}

function tally(ballots: number): Tally {
	return {
		ballots,
		n: ballots,
		wants: 0,
		dontWants: ballots,
		noView: 0,
		net: -ballots,
		support: 0,
		opposition: 1,
		suppressed: ballots < 10
	};
}

function scenario(file: string) {
	const s = scenarios().find((x) => x.file === file)!;
	const affects = new Map(
		s.json.proposals.map((p: { id: string; affects: string[] }) => [p.id, p.affects])
	);
	return { result: count(s.input), affects: affects as Map<string, string[]> };
}

describe('the group a headline names', () => {
	it.each([
		{
			why: 'the single group with the largest share against, over a union with a larger one',
			findings: [
				finding('users', 51, 60),
				finding('disabled', 84, 108),
				finding('users+disabled', 59, 60)
			],
			group: 'users'
		},
		{
			why: 'a later single group when its share is larger',
			findings: [finding('disabled', 84, 108), finding('users', 51, 60)],
			group: 'users'
		},
		{
			why: 'the strongest union when no single group protects',
			findings: [finding('deaf+blind', 25, 30), finding('deaf+blind+carers', 26, 40)],
			group: 'deaf+blind'
		},
		{
			why: 'the larger group when the shares are equal',
			findings: [finding('users', 30, 40), finding('disabled', 60, 80)],
			group: 'disabled'
		},
		{
			why: 'the first listed when share and size are equal',
			findings: [finding('users', 30, 40), finding('disabled', 30, 40)],
			group: 'users'
		}
	])('$why', ({ findings, group }) => {
		expect(headlineFinding(findings)?.group).toBe(group);
	});

	it('compares shares exactly, from whole ballots, not from rounded shares', () => {
		// 667/1000 is larger than 2000/3000, though both show as 67%: the share fields are made
		// equal, so a float comparison would fall through to the larger group.
		const a = { ...finding('a', 667, 1000), share: 0.667 };
		const b = { ...finding('b', 2000, 3000), share: 0.667 };
		expect(strongestFinding([a, b])?.group).toBe('a');
		expect(strongestFinding([b, a])?.group).toBe('a');
	});

	it('is null when nothing protects', () => {
		expect(headlineFinding([])).toBeNull();
	});
});

describe('suppression of small cells', () => {
	it.each([
		{ n: 9, shown: null },
		{ n: 10, shown: 10 },
		{ n: 0, shown: null }
	])('a count of $n is published as $shown', ({ n, shown }) => {
		expect(publishCount(n)).toBe(shown);
	});

	it('publishes a tally of fewer than 10 ballots as suppressed, with no figures', () => {
		expect(publishTally(tally(9))).toEqual({ suppressed: true });
		expect(publishTally(tally(10))).toEqual(tally(10));
	});

	it("publishes other voters' share only when they are 10 or more", () => {
		const f: GroupFinding = {
			group: 'users',
			ballots: 40,
			count: 30,
			share: 0.75,
			othersBallots: 9,
			othersCount: 1,
			othersShare: 1 / 9,
			fragility: 4
		};
		expect(publishFinding(f).othersShare).toBeNull();
		expect(publishFinding({ ...f, othersBallots: 10, othersShare: 0.1 }).othersShare).toBe(0.1);
		expect(Object.keys(publishFinding(f))).not.toContain('othersCount');
	});

	it('leaves no figure of a small group in the published result (its data is in the page)', () => {
		// day-centres: carers are declared for the day centres but only 5 ballots say so.
		const { result, affects } = scenario('day-centres.json');
		const published = publishResult(result, affects);
		const dayCentres = published.proposals.find((p) => p.id === 'day-centres')!;
		expect(result.proposals[0].tallies.bySegment.carers.ballots).toBe(5);
		expect(dayCentres.tallies.bySegment.carers).toEqual({ suppressed: true });
		expect(dayCentres.tallies.bySegment.disabled).toMatchObject({ ballots: 50 });
		expect(dayCentres.groups).toEqual(['disabled', 'carers']);
		expect(JSON.stringify(published)).not.toContain('byArea');
	});

	it("works out each row's share of ballots before suppressing its count", () => {
		const s = publishSample({
			areas: [
				{ key: 'north', ballots: 5, population: 100 },
				{ key: 'south', ballots: 15, population: 300 }
			],
			areaUnanswered: 3,
			ageBands: [],
			ageUnanswered: 12
		});
		expect(s.areas).toEqual([
			{ key: 'north', ballots: null, ballotShare: null, populationShare: 0.25 },
			{ key: 'south', ballots: 15, ballotShare: 0.75, populationShare: 0.75 }
		]);
		expect(s.areaUnanswered).toBeNull();
		expect(s.ageUnanswered).toBe(12);
	});
});

describe('what the page is given', () => {
	it('the override order, weakest first, as proposal ids', () => {
		const { result, affects } = scenario('override-order.json');
		expect(publishResult(result, affects).overrideOrder).toEqual([
			'hydro-pool',
			'bus-pass',
			'day-centre'
		]);
	});

	it('decisions that depend on open ballots, and knock-on changes', () => {
		const dependent = scenario('assurance-open-ballots.json');
		const byId = (r: ReturnType<typeof publishResult>, id: string) =>
			r.proposals.find((p) => p.id === id)!;
		const open = publishResult(dependent.result, dependent.affects);
		expect(byId(open, 'dial-a-ride').dependsOnOpen).toBe(true);
		expect(byId(open, 'grass-cutting').dependsOnOpen).toBe(false);
		expect(open.ballots).toMatchObject({ anyAssured: true, anyOpen: true });

		// day-centres: with the day centres protected, street lights are needed to reach the target.
		const shortfall = scenario('day-centres.json');
		const knock = publishResult(shortfall.result, shortfall.affects);
		expect(knock.proposals.filter((p) => p.knockOn).map((p) => p.id)).toEqual(['street-lights']);
	});
});
