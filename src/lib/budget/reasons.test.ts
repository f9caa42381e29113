import { describe, expect, it } from 'vitest';
import * as say from './reasons';
import type { GroupFinding } from './types';

const names = say.groupNamer([
	{ id: 'disabled', label: 'Disabled residents' },
	{ id: 'carers', label: 'Carers' }
]);
const finding = (over: Partial<GroupFinding>): GroupFinding => ({
	group: 'users',
	ballots: 171,
	count: 105,
	share: 105 / 171,
	othersBallots: 1000,
	othersCount: 160,
	othersShare: 0.16,
	fragility: 4,
	...over
});

describe('group sentences', () => {
	it.each([
		{
			name: 'protected by users, with its fragility',
			text: say.groupReason('protected', finding({}), names),
			expected:
				"Protected: 61% of people who use this service (105 of 171) don't want it, against 16% of other voters. This would become too close to call or fall if 4 of the 105 who don't want it had wanted it instead."
		},
		{
			name: 'protected by a union of groups',
			text: say.groupReason(
				'protected',
				finding({
					group: 'users+disabled+carers',
					ballots: 50,
					count: 45,
					share: 0.9,
					fragility: null
				}),
				names
			),
			expected:
				"Protected: 90% of people who use this service, people in the group “Disabled residents” and people in the group “Carers”, together (45 of 50) don't want it, against 16% of other voters."
		},
		{
			name: 'a minority priority',
			text: say.priorityReason(
				finding({ group: 'disabled', count: 35, ballots: 50, share: 0.7, othersShare: 0.2 }),
				names
			),
			expected:
				'Minority priority: 70% of people in the group “Disabled residents” (35 of 50) want it, against 20% of other voters.'
		},
		{
			name: 'a flag for review',
			text: say.flagReason(
				finding({ group: 'carers', count: 45, ballots: 50, share: 0.9, othersShare: 50 / 450 }),
				names
			),
			expected:
				"Flagged for review: 90% of people in the group “Carers” (45 of 50) don't want it, against 11% of other voters. This group was not declared before the vote as depending on it, so it cannot protect it; members should look at why."
		}
	])('$name', ({ text, expected }) => {
		expect(text).toBe(expected);
	});
});

describe('savings', () => {
	const facts = { rank: 3, wants: 120, dontWants: 40, target: 0, notNeeded: null };
	it.each([
		{
			f: { ...facts, decision: 'accept' as const },
			expected: "Accepted: 120 want it and 40 don't (net +80). More people want it than don't."
		},
		{
			f: { ...facts, decision: 'accept' as const, target: 5 },
			expected:
				"Accepted: 120 want it and 40 don't (net +80). It ranks 3rd and is needed to reach the savings target."
		},
		{
			f: { ...facts, decision: 'protected' as const },
			expected: 'Not made, whatever its rank: it is protected.'
		},
		{
			f: { ...facts, decision: 'marginal' as const },
			expected: 'Held back: too close to call, for members to decide.'
		},
		{
			f: { ...facts, decision: 'notNeeded' as const, notNeeded: 'met' as const },
			expected:
				"Not needed: 120 want it and 40 don't (net +80), but savings ranked higher already reach the target."
		},
		{
			f: { ...facts, decision: 'notNeeded' as const, notNeeded: 'smaller' as const },
			expected:
				"Not needed: 120 want it and 40 don't (net +80), but a smaller saving closes the remaining gap."
		},
		{
			f: { ...facts, decision: 'notSelected' as const, wants: 40, dontWants: 120 },
			expected:
				"Not accepted: 40 want it and 120 don't (net −80). More people don't want it than want it."
		},
		{
			f: { ...facts, decision: 'notSelected' as const, wants: 40, dontWants: 40 },
			expected: "Not accepted: as many people don't want it as want it (40 each)."
		}
	])('$expected', ({ f, expected }) => {
		expect(say.savingReason(f)).toBe(expected);
	});
});

describe('developments', () => {
	const dev = {
		rank: 1,
		wants: 42,
		dontWants: 5,
		rankOnly: false,
		byEqualShares: true,
		developments: 'equalShares' as const
	};
	it.each([
		{
			f: { ...dev, decision: 'fund' as const },
			expected: 'Funded: 42 people want it, and their equal shares of the budget cover its cost.'
		},
		{
			f: { ...dev, decision: 'fund' as const, byEqualShares: false },
			expected:
				'Funded: 42 people want it. It was paid for from the money left after equal shares, in order of wants.'
		},
		{
			f: { ...dev, decision: 'fund' as const, developments: 'greedy' as const },
			expected: 'Funded: 42 people want it. Taken in order of wants, it fitted in the budget left.'
		},
		{
			f: { ...dev, decision: 'notSelected' as const },
			expected:
				'Not funded: 42 people want it, but their equal shares of the budget could not cover its cost, and it did not fit in the money left.'
		},
		{
			f: { ...dev, decision: 'notSelected' as const, developments: 'greedy' as const },
			expected:
				'Not funded: 42 people want it, but it did not fit in the budget left when its turn came.'
		},
		{
			f: { ...dev, decision: 'notSelected' as const, wants: 0, dontWants: 0 },
			expected: 'Not funded: nobody chose it.'
		},
		{
			f: { ...dev, decision: 'notSelected' as const, wants: 100, dontWants: 400 },
			expected: "Not funded: more people don't want it than want it (100 want it, 400 don't)."
		},
		{
			f: { ...dev, decision: 'fund' as const, rankOnly: true },
			expected: 'Ranked only: no development budget was set. 42 people want it.'
		}
	])('$expected', ({ f, expected }) => {
		expect(say.developmentReason(f)).toBe(expected);
	});
});

describe('the count as a whole', () => {
	it.each([
		{
			args: ['protected', 'accept', false] as const,
			expected: 'Simple majority would have accepted it.'
		},
		{ args: ['fund', 'fund', false] as const, expected: null },
		{
			args: ['accept', 'notNeeded', true] as const,
			expected:
				'A knock-on change: simple majority would have found it not needed, but protected savings ranked higher cannot count towards the target, so this one is needed instead.'
		}
	])('majority: $expected', ({ args, expected }) => {
		expect(say.majorityReason(args[0], args[1], args[2])).toBe(expected);
	});

	it.each([
		{
			a: { assured: 0, open: 10, ran: false, differ: 0 },
			expected:
				'Every ballot was open (not backed by a code or checked by staff): no decision rests on assured ballots alone.'
		},
		{
			a: { assured: 10, open: 0, ran: false, differ: 0 },
			expected: 'Every ballot was backed by a code or checked by staff.'
		},
		{
			a: { assured: 10, open: 5, ran: true, differ: 0 },
			expected:
				'Counting only the ballots backed by a code or checked by staff gives the same decisions.'
		},
		{
			a: { assured: 10, open: 5, ran: true, differ: 2 },
			expected:
				'Counting only the ballots backed by a code or checked by staff changes 2 decisions: they depend on open ballots.'
		}
	])('assurance: $expected', ({ a, expected }) => {
		expect(say.assuranceSentence(a)).toBe(expected);
	});

	it.each([
		{
			args: [500000, 250000, 250000, true] as const,
			expected:
				'The savings target of £5,000 cannot be met without protected savings: accepted savings come to £2,500, £2,500 short. Members have an override order, weakest protection first.'
		},
		{
			args: [500000, 250000, 250000, false] as const,
			expected:
				"The savings target of £5,000 is not met: the savings more people want than don't come to £2,500, £2,500 short."
		},
		{
			args: [500000, 600000, 0, false] as const,
			expected: 'The savings target of £5,000 is met: accepted savings come to £6,000.'
		},
		{ args: [0, 600000, 0, false] as const, expected: null }
	])('shortfall: $expected', ({ args, expected }) => {
		expect(say.shortfallSentence(args[0], args[1], args[2], args[3])).toBe(expected);
	});

	it.each([
		{ x: 125050, expected: '£1,250.50' },
		{ x: 100, expected: '£1' },
		{ x: 5, expected: '£0.05' },
		{ x: -250, expected: '-£2.50' }
	])('formats $x pence as $expected', ({ x, expected }) => {
		expect(say.formatMoney(x)).toBe(expected);
	});

	it.each([
		{ n: 1, s: '1st' },
		{ n: 2, s: '2nd' },
		{ n: 3, s: '3rd' },
		{ n: 11, s: '11th' },
		{ n: 21, s: '21st' },
		{ n: 113, s: '113th' }
	])('ordinal $n is $s', ({ n, s }) => {
		expect(say.ordinal(n)).toBe(s);
	});

	it('states the budget', () => {
		expect(say.budgetSentence(1000000, 750000, 3)).toBe(
			'£7,500 of the £10,000 development budget funds 3 developments.'
		);
	});
});
