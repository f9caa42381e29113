import { describe, expect, it } from 'vitest';
import { BallotSchema, RulesFormSchema, RulesSchema, ScenarioSchema } from './schemas';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
	r.error?.issues[0].message;

describe('RulesSchema', () => {
	it('fills in the defaults of counting.md, leaving maxDontWants to be stated', () => {
		expect(RulesSchema.parse({})).toEqual({
			maxWants: 0,
			developmentBudget: 0,
			savingsTarget: 0,
			method: 'protected',
			developments: 'equalShares',
			protection: {
				minGroup: 20,
				threshold: 0.5,
				margin: 0.2,
				confidence: 0.95,
				membership: 'declared'
			},
			weighting: 'none'
		});
	});

	it.each([
		{ rules: { method: 'equalShares' }, message: 'The method must be "protected" or "majority".' },
		{
			rules: { developments: 'lottery' },
			message: 'Developments must be chosen by "equalShares" or "greedy".'
		},
		{
			rules: { developmentBudget: 1.5 },
			message: 'The development budget must be a whole number of pence.'
		},
		{
			rules: { protection: { threshold: 1.5 } },
			message: 'The threshold must be between 0 and 1.'
		},
		{
			rules: { protection: { minGroup: 9 } },
			message: 'The minimum group size must be at least 10.'
		},
		{
			rules: { protection: { confidence: 0.9 } },
			message: 'The confidence must be 0.95 or "none".'
		},
		{
			rules: { protection: { membership: 'sworn' } },
			message: 'Membership must be "declared" or "verified".'
		},
		{ rules: { maxWants: -1 }, message: 'The limit on wants cannot be negative.' },
		{
			rules: { population: [{ area: 'n', count: 1.5 }] },
			message: 'A population must be a whole number.'
		}
	])('explains $message', ({ rules, message }) => {
		expect(firstMessage(RulesSchema.safeParse(rules))).toBe(message);
	});
});

describe('RulesFormSchema', () => {
	const form = {
		maxWants: '5',
		maxDontWants: '0',
		developmentBudget: '£1,250.50',
		savingsTarget: '300000',
		method: 'majority',
		developments: 'greedy',
		minGroup: '',
		threshold: '60',
		margin: '12.5',
		confidence: 'none',
		membership: 'verified',
		weighting: 'population'
	};

	it('turns pounds into pence and percentages into exact decimal fractions', () => {
		expect(RulesFormSchema.parse(form)).toEqual({
			maxWants: 5,
			maxDontWants: 0,
			developmentBudget: 125050,
			savingsTarget: 30000000,
			method: 'majority',
			developments: 'greedy',
			protection: {
				minGroup: 20,
				threshold: 0.6,
				margin: 0.125,
				confidence: 'none',
				membership: 'verified'
			},
			weighting: 'population'
		});
		// Typed as decimals, kept as the decimals typed: "7" is 0.07, not 0.07000000000000001.
		expect(RulesFormSchema.parse({ ...form, margin: '7' }).protection.margin).toBe(0.07);
		expect(RulesFormSchema.parse({ ...form, threshold: '5' }).protection.threshold).toBe(0.05);
		expect(RulesFormSchema.parse({ ...form, threshold: '100' }).protection.threshold).toBe(1);
	});

	it.each([
		{
			field: { developmentBudget: '12.345' },
			message: 'Enter the development budget in pounds, like 1250 or 1250.50.'
		},
		{ field: { threshold: '150' }, message: 'The threshold cannot be more than 100%.' },
		{ field: { minGroup: '9' }, message: 'The minimum group size must be at least 10.' },
		{ field: { maxWants: 'three' }, message: 'Enter the limit on wants as a whole number.' },
		{
			field: { maxDontWants: '' },
			message: "Enter the most Don't wants a ballot may have (0 for no limit)."
		},
		{ field: { confidence: '0.9' }, message: 'Choose whether to test at 95% confidence.' }
	])('explains $message', ({ field, message }) => {
		expect(firstMessage(RulesFormSchema.safeParse({ ...form, ...field }))).toBe(message);
	});
});

describe('BallotSchema and ScenarioSchema', () => {
	it('needs assured on a ballot and refuses a weight', () => {
		expect(firstMessage(BallotSchema.safeParse({}))).toBe(
			'Say whether the ballot is assured: true or false.'
		);
		expect(firstMessage(BallotSchema.safeParse({ assured: true, weight: 2 }))).toBe(
			'A ballot carries no weight: weights are worked out by the count, never given.'
		);
		expect(BallotSchema.parse({ assured: false })).toEqual({
			marks: {},
			uses: [],
			segments: [],
			area: null,
			channel: 'online',
			assured: false,
			count: 1
		});
	});

	it('says which field of a scenario is wrong, and that it must be version 2', () => {
		const r = ScenarioSchema.safeParse({ version: 2, rules: {}, proposals: [], ballots: [] });
		expect(r.error?.issues[0].path).toEqual(['proposals']);
		expect(firstMessage(ScenarioSchema.safeParse({ rules: {}, proposals: [], ballots: [] }))).toBe(
			'This file is not format version 2.'
		);
	});
});
