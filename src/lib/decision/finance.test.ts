import { describe, expect, it } from 'vitest';
import { demoEvidence } from '../test/decision';
import { finance } from './finance';
import { optionsFromEvidence, type DecisionOption } from './record';

const evidence = demoEvidence();
const fromVote = optionsFromEvidence(evidence);
const staff = (over: Partial<DecisionOption>): DecisionOption => ({
	id: 's-1',
	source: 'staff',
	title: 'Reduce opening hours instead of closing',
	titleCy: '',
	kind: 'saving',
	amount: 50_000_00,
	countDecision: null,
	description: '',
	recommended: true,
	...over
});

describe('finance against the target and the budget', () => {
	it('starts from what the count accepted and funded', () => {
		expect(finance(evidence, fromVote)).toEqual({
			savingsTarget: 600_000_00,
			developmentBudget: 50_000_00,
			countSaved: 160_000_00,
			countSpent: 15_000_00,
			recommendedSavings: 160_000_00,
			recommendedSpending: 15_000_00,
			savingsGap: 440_000_00,
			savingsOver: 0,
			overBudget: 0,
			uncosted: []
		});
	});

	it.each([
		['a costed staff saving closes part of the gap', [staff({})], { savingsGap: 390_000_00 }],
		[
			'an uncosted option is named and left out of the totals',
			[staff({ amount: null })],
			{ savingsGap: 440_000_00, uncosted: ['Reduce opening hours instead of closing'] }
		],
		[
			'an alternative counts towards neither total',
			[staff({ kind: 'alternative' })],
			{ savingsGap: 440_000_00, uncosted: [] }
		],
		[
			'an option not recommended counts for nothing',
			[staff({ recommended: false })],
			{ savingsGap: 440_000_00 }
		],
		[
			'savings beyond the target say by how much',
			[staff({ amount: 500_000_00 })],
			{ savingsGap: 0, savingsOver: 60_000_00 }
		],
		[
			'developments beyond the budget say by how much',
			[staff({ kind: 'development', amount: 40_000_00 })],
			{ recommendedSpending: 55_000_00, overBudget: 5_000_00 }
		]
	])('%s', (_, extra, expected) => {
		expect(finance(evidence, [...fromVote, ...extra])).toMatchObject(expected);
	});

	it('has no target or budget without a closed vote', () => {
		const f = finance(demoEvidence({ vote: false }), [staff({})]);
		expect(f).toMatchObject({
			savingsTarget: 0,
			savingsGap: 0,
			savingsOver: 0,
			recommendedSavings: 50_000_00
		});
	});
});
