import { describe, expect, it } from 'vitest';
import * as say from './reasons';
import type { GroupFinding } from './types';

const segments = [{ id: 'disabled', label: 'Disabled residents' }];
const users: GroupFinding = {
	group: 'users',
	ballots: 130,
	n: 130,
	count: 83,
	share: 83 / 130,
	othersShare: 0.21
};
const disabled: GroupFinding = {
	group: 'disabled',
	ballots: 50,
	n: 50,
	count: 45,
	share: 0.9,
	othersShare: 50 / 450
};

describe('reasons', () => {
	it.each([
		{
			name: 'protected by users (the example in counting.md)',
			text: say.protectedReason(users, segments),
			expected:
				"Protected: 64% of people who use this service (83 of 130) don't want it, against 21% of other voters."
		},
		{
			name: 'protected by a segment',
			text: say.protectedReason(disabled, segments),
			expected:
				"Protected: 90% of people in the group “Disabled residents” (45 of 50) don't want it, against 11% of other voters."
		},
		{
			name: 'a minority priority',
			text: say.priorityReason({ ...disabled, count: 35, share: 0.7, othersShare: 0.2 }, segments),
			expected:
				'Minority priority: 70% of people in the group “Disabled residents” (35 of 50) want it, against 20% of other voters.'
		},
		{
			name: 'a flag for review',
			text: say.flagReason(disabled, segments),
			expected:
				"Flagged for review: 90% of people in the group “Disabled residents” (45 of 50) don't want it, against 11% of other voters. This group was not declared as affected before the vote, so the ranking stands."
		},
		{
			name: 'a weighted count',
			text: say.protectedReason({ ...users, count: 83.26, n: 130.04 }, segments),
			expected:
				"Protected: 64% of people who use this service (83.3 of 130.0) don't want it, against 21% of other voters."
		}
	])('$name', ({ text, expected }) => {
		expect(text).toBe(expected);
	});

	it.each([
		{
			facts: {
				decision: 'accept' as const,
				rank: 3,
				wants: 340,
				dontWants: 150,
				target: 500000,
				notNeeded: false
			},
			expected:
				"Accepted: 340 want it and 150 don't (net +190). It ranks 3rd and is needed to reach the savings target."
		},
		{
			facts: {
				decision: 'accept' as const,
				rank: 1,
				wants: 200,
				dontWants: 42,
				target: 0,
				notNeeded: false
			},
			expected: "Accepted: 200 want it and 42 don't (net +158). More people want it than don't."
		},
		{
			facts: {
				decision: 'notSelected' as const,
				rank: 4,
				wants: 100,
				dontWants: 300,
				target: 0,
				notNeeded: false
			},
			expected:
				"Not accepted: 100 want it and 300 don't (net −200). More people don't want it than want it."
		},
		{
			facts: {
				decision: 'notSelected' as const,
				rank: 2,
				wants: 40,
				dontWants: 40,
				target: 0,
				notNeeded: false
			},
			expected: "Not accepted: as many people don't want it as want it (40 each)."
		},
		{
			facts: {
				decision: 'notSelected' as const,
				rank: 5,
				wants: 60,
				dontWants: 10,
				target: 100,
				notNeeded: true
			},
			expected:
				"Not needed: 60 want it and 10 don't (net +50), but savings ranked higher already reach the target."
		},
		{
			facts: {
				decision: 'protected' as const,
				rank: 1,
				wants: 60,
				dontWants: 10,
				target: 0,
				notNeeded: false
			},
			expected: 'Not accepted, whatever its rank: it is protected.'
		}
	])('saving: $expected', ({ facts, expected }) => {
		expect(say.savingReason(facts)).toBe(expected);
	});

	const dev = { rank: 1, wants: 42, dontWants: 5, rankOnly: false, byEqualShares: true };
	it.each([
		{
			facts: { ...dev, decision: 'fund' as const, method: 'protected' as const },
			expected: 'Funded: 42 people want it, and their equal shares of the budget cover its cost.'
		},
		{
			facts: {
				...dev,
				decision: 'fund' as const,
				method: 'equalShares' as const,
				byEqualShares: false
			},
			expected:
				'Funded: 42 people want it. It was paid for from the money left after equal shares, in order of wants.'
		},
		{
			facts: { ...dev, decision: 'fund' as const, method: 'greedy' as const },
			expected: 'Funded: 42 people want it. Taken in order of wants, it fitted in the budget left.'
		},
		{
			facts: { ...dev, decision: 'fund' as const, method: 'majority' as const },
			expected:
				"Funded: 42 people want it and 5 don't (net +37). Taken in rank order, it fitted in the budget left."
		},
		{
			facts: { ...dev, decision: 'notSelected' as const, method: 'protected' as const },
			expected:
				'Not funded: 42 people want it, but their equal shares of the budget could not cover its cost, and it did not fit in the money left.'
		},
		{
			facts: { ...dev, decision: 'notSelected' as const, method: 'greedy' as const },
			expected:
				'Not funded: 42 people want it, but it did not fit in the budget left when its turn came.'
		},
		{
			facts: {
				...dev,
				decision: 'notSelected' as const,
				method: 'majority' as const,
				dontWants: 50
			},
			expected: "Not funded: 42 people want it but 50 don't."
		},
		{
			facts: { ...dev, decision: 'notSelected' as const, method: 'greedy' as const, wants: 0 },
			expected: 'Not funded: nobody wants it.'
		},
		{
			facts: { ...dev, decision: 'notSelected' as const, method: 'protected' as const, wants: 1 },
			expected:
				'Not funded: 1 person wants it, but their equal shares of the budget could not cover its cost, and it did not fit in the money left.'
		},
		{
			facts: {
				...dev,
				decision: 'notSelected' as const,
				method: 'protected' as const,
				rankOnly: true
			},
			expected: 'Ranked only: no development budget was set.'
		}
	])('development: $expected', ({ facts, expected }) => {
		expect(say.developmentReason(facts)).toBe(expected);
	});

	it.each([
		{
			official: 'protected' as const,
			majority: 'accept' as const,
			expected: 'Simple majority would have accepted it.'
		},
		{
			official: 'accept' as const,
			majority: 'notSelected' as const,
			expected: 'Simple majority would have left it out.'
		},
		{
			official: 'notSelected' as const,
			majority: 'fund' as const,
			expected: 'Simple majority would have funded it.'
		},
		{ official: 'fund' as const, majority: 'fund' as const, expected: null }
	])('majority comparison $official / $majority', ({ official, majority, expected }) => {
		expect(say.majorityReason(official, majority)).toBe(expected);
	});

	it.each([
		{
			args: [500000, 250000, 250000, true] as const,
			expected:
				'The savings target of £5,000 cannot be met without protected savings: accepted savings come to £2,500, £2,500 short.'
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
		const [target, saved, shortfall, anyProtected] = args;
		expect(say.shortfallSentence(target, saved, shortfall, anyProtected)).toBe(expected);
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
		{ n: 4, s: '4th' },
		{ n: 11, s: '11th' },
		{ n: 12, s: '12th' },
		{ n: 21, s: '21st' },
		{ n: 113, s: '113th' }
	])('ordinal $n is $s', ({ n, s }) => {
		expect(say.ordinal(n)).toBe(s);
	});

	it('states the budget and the tie-break rule', () => {
		expect(say.budgetSentence(1000000, 750000, 3)).toBe(
			'£7,500 of the £10,000 development budget funds 3 developments.'
		);
		expect(say.tieBreakSentence('listed')).toBe(
			'Ties are broken by the order in which the proposals were listed.'
		);
		expect(say.tieBreakSentence('id')).toBe('Ties are broken by project id, compared as text.');
	});
});
