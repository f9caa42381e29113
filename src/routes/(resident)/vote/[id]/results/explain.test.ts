import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '$lib/budget/types';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { answerSentence, groupName, groupReasons, reasonsFor, type SegmentLabels } from './explain';
import type { PublishedFinding, PublishedProposal } from './published';

const segments: SegmentLabels = new Map([
	['disabled', { label: 'Disabled residents', labelCy: 'Preswylwyr anabl' }],
	['carers', { label: 'Unpaid carers', labelCy: 'Gofalwyr di-dâl' }]
]);

function inWelsh() {
	overwriteGetLocale(() => 'cy');
}
afterEach(() => overwriteGetLocale(() => baseLocale));

function finding(group: string, extra: Partial<PublishedFinding> = {}): PublishedFinding {
	return {
		group,
		ballots: 60,
		count: 51,
		share: 0.85,
		othersShare: 0.18,
		fragility: 14,
		...extra
	};
}

function proposal(decision: Decision, extra: Partial<PublishedProposal> = {}): PublishedProposal {
	const overall = {
		ballots: 1480,
		n: 1480,
		wants: 739,
		dontWants: 310,
		noView: 431,
		net: 429,
		support: 0.5,
		opposition: 0.21,
		suppressed: false
	};
	return {
		id: '5',
		rank: 4,
		kind: 'saving',
		amount: 40000000,
		decision,
		majorityDecision: decision,
		knockOn: false,
		dependsOnOpen: false,
		protection: [],
		minorityGroups: [],
		flags: [],
		groups: [],
		tallies: { overall, users: overall, nonUsers: overall, bySegment: {} },
		...extra
	};
}

describe('groups in sentences', () => {
	it.each([
		{ group: 'users', en: 'people who use this service' },
		{ group: 'disabled', en: 'the group “Disabled residents”' },
		{
			group: 'users+disabled',
			en: 'people who use this service and the group “Disabled residents”, together'
		},
		{
			group: 'users+disabled+carers',
			en: 'people who use this service, the group “Disabled residents” and the group “Unpaid carers”, together'
		}
	])('$group', ({ group, en }) => {
		expect(groupName(group, segments)).toBe(en);
	});

	it('in Welsh, with the article after “a” (and) written as a’r', () => {
		inWelsh();
		expect(groupName('users+disabled', segments)).toBe(
			"y bobl sy'n defnyddio'r gwasanaeth hwn a'r grŵp “Preswylwyr anabl” gyda'i gilydd"
		);
	});
});

describe('the opening sentence of a held-back saving', () => {
	it('protected: names the group, its figures and other voters', () => {
		expect(
			answerSentence(
				'Close the day centres',
				proposal('protected'),
				finding('users'),
				segments,
				0.5
			)
		).toBe(
			"“Close the day centres” does not go ahead: 85% of people who use this service (51 of 60) don't want it, against 18% of other voters."
		);
	});

	it('too close to call: for members to decide, with an equality impact assessment', () => {
		const sentence = answerSentence(
			'Cut transport',
			proposal('marginal'),
			finding('disabled', { ballots: 269, count: 144, share: 144 / 269, othersShare: 0.09 }),
			segments,
			0.5
		);
		expect(sentence).toContain(
			'“Cut transport” is too close to call: for members to decide, with an equality impact assessment.'
		);
		expect(sentence).toContain('we cannot be 95% sure that it is 50% or more');
	});

	it('says other voters are too few to show, not their share, when they are under 10', () => {
		const sentence = answerSentence(
			'Close the day centres',
			proposal('protected'),
			finding('users', { othersShare: null }),
			segments,
			0.5
		);
		expect(sentence).toContain('against other voters (fewer than 10, so not shown).');
	});

	it('is in Welsh on Welsh pages', () => {
		inWelsh();
		expect(answerSentence('Cau', proposal('protected'), finding('users'), segments, 0.5)).toBe(
			"Nid yw “Cau” yn mynd yn ei flaen: ymhlith y bobl sy'n defnyddio'r gwasanaeth hwn, nid yw 85% (51 o 60) ei eisiau, o'i gymharu â 18% o bleidleiswyr eraill."
		);
	});

	it('is null for a saving that goes ahead', () => {
		expect(answerSentence('x', proposal('accept'), finding('users'), segments, 0.5)).toBeNull();
	});
});

describe('reasons', () => {
	it('every group behind a protection, each with its fragility', () => {
		const p = proposal('protected', {
			protection: [
				finding('users'),
				finding('disabled', { count: 84, ballots: 108, fragility: 20 })
			]
		});
		expect(groupReasons(p, segments, 0.5)).toEqual([
			"Protected: 85% of people who use this service (51 of 60) don't want it, against 18% of other voters.",
			"This protection would fall, or become too close to call, if 14 of these 51 had marked “Want” instead of “Don't want”.",
			"Protected: 85% of the group “Disabled residents” (84 of 108) don't want it, against 18% of other voters.",
			"This protection would fall, or become too close to call, if 20 of these 84 had marked “Want” instead of “Don't want”."
		]);
	});

	it('a marginal group says when it would no longer be held back', () => {
		const reasons = groupReasons(
			proposal('marginal', { protection: [finding('users')] }),
			segments,
			0.5
		);
		expect(reasons[1]).toBe(
			"It would no longer be held back if 14 of these 51 had marked “Want” instead of “Don't want”."
		);
	});

	it('a knock-on change is explained as one, not as if people voted differently', () => {
		const reasons = reasonsFor(
			proposal('accept', { majorityDecision: 'notNeeded', knockOn: true }),
			segments,
			60000000,
			0.5
		);
		expect(reasons.at(-1)).toMatch(
			/^A knock-on change: simple majority would have said “Not needed”/
		);
		expect(reasons.join(' ')).not.toContain('Simple majority voting would have');
	});

	it('a decision that differs on assured ballots alone says it depends on open ballots', () => {
		const reasons = reasonsFor(proposal('accept', { dependsOnOpen: true }), segments, 0, 0.5);
		expect(reasons.at(-1)).toMatch(/^This decision depends on open ballots/);
	});

	it("a saving as many people want as don't is left out, and says it was a tie", () => {
		const p = proposal('notSelected');
		p.tallies.overall = { ...p.tallies.overall, wants: 20, dontWants: 20 };
		expect(reasonsFor(p, segments, 0, 0.5)[0]).toBe(
			"As many people don't want it as want it (20 each)."
		);
	});

	it.each([
		{ wants: 0, dontWants: 0, reason: 'Nobody chose it.' },
		{
			wants: 10,
			dontWants: 30,
			reason: "More people don't want it than want it (10 want it, 30 don't)."
		}
	])(
		'a development not funded with $wants wants and $dontWants against',
		({ wants, dontWants, reason }) => {
			const p = proposal('notSelected', { kind: 'development' });
			p.tallies.overall = { ...p.tallies.overall, wants, dontWants };
			expect(reasonsFor(p, segments, 0, 0.5)[0]).toBe(reason);
		}
	);
});
