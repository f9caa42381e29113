import { describe, expect, it } from 'vitest';
import {
	BallotSchema,
	ballotFormSchema,
	CliOptionsSchema,
	proposalFormSchema,
	RulesFormSchema,
	RulesSchema,
	ScenarioSchema
} from './schemas';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
	r.error?.issues[0].message;

describe('RulesSchema', () => {
	it('fills in the defaults of counting.md', () => {
		expect(RulesSchema.parse({})).toEqual({
			maxWants: 0,
			maxDontWants: 0,
			developmentBudget: 0,
			savingsTarget: 0,
			method: 'protected',
			protection: { minGroup: 20, threshold: 0.5, margin: 0.2 },
			weighting: 'none'
		});
	});

	it.each([
		{
			rules: { method: 'lottery' },
			message: 'Choose protected, majority, equal shares or greedy.'
		},
		{
			rules: { developmentBudget: 1.5 },
			message: 'The development budget must be a whole number of pence.'
		},
		{
			rules: { protection: { threshold: 1.5 } },
			message: 'The threshold must be between 0 and 1.'
		},
		{ rules: { maxWants: -1 }, message: 'The limit on wants cannot be negative.' }
	])('explains $message', ({ rules, message }) => {
		expect(firstMessage(RulesSchema.safeParse(rules))).toBe(message);
	});
});

describe('RulesFormSchema', () => {
	it('turns pounds into pence and percentages into fractions', () => {
		const r = RulesFormSchema.parse({
			maxWants: '5',
			maxDontWants: '',
			developmentBudget: '£1,250.50',
			savingsTarget: '300000',
			method: 'equalShares',
			minGroup: '',
			threshold: '60',
			margin: '12.5',
			weighting: 'population'
		});
		expect(r).toEqual({
			maxWants: 5,
			maxDontWants: 0,
			developmentBudget: 125050,
			savingsTarget: 30000000,
			method: 'equalShares',
			protection: { minGroup: 20, threshold: 0.6, margin: 0.125 },
			weighting: 'population'
		});
	});

	it.each([
		{
			field: { developmentBudget: '12.345' },
			message: 'Enter the development budget in pounds, like 1250 or 1250.50.'
		},
		{ field: { threshold: '150' }, message: 'The threshold cannot be more than 100%.' },
		{ field: { minGroup: '0' }, message: 'The minimum group size must be at least 1.' },
		{ field: { maxWants: 'three' }, message: 'Enter the limit on wants as a whole number.' }
	])('explains $message', ({ field, message }) => {
		expect(firstMessage(RulesFormSchema.safeParse(field))).toBe(message);
	});
});

describe('ballotFormSchema', () => {
	const schema = ballotFormSchema(
		[{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }],
		[{ id: 'carers' }],
		{ maxWants: 1, maxDontWants: 0 },
		['north', 'south']
	);

	it('reads marks, service use, groups and area from form fields', () => {
		expect(
			schema.parse({
				'mark:p1': 'want',
				'mark:p2': 'dontWant',
				'mark:p3': '',
				'use:p2': 'on',
				'segment:carers': 'on',
				area: 'north'
			})
		).toEqual({
			marks: { p1: 'want', p2: 'dontWant' },
			uses: ['p2'],
			segments: ['carers'],
			area: 'north'
		});
	});

	it.each([
		{
			form: { 'mark:p1': 'want', 'mark:p2': 'want' },
			message: 'You can mark at most 1 proposals as "want". You marked 2.'
		},
		{ form: { area: 'atlantis' }, message: 'Choose your area from the list.' }
	])('explains $message', ({ form, message }) => {
		expect(firstMessage(schema.safeParse(form))).toBe(message);
	});

	it('takes a blank area as not given', () => {
		expect(schema.parse({ area: ' ' }).area).toBeNull();
	});
});

describe('proposalFormSchema', () => {
	it('reads the amount in pounds and the ticked groups', () => {
		const p = proposalFormSchema(['disabled', 'carers']).parse({
			id: 'day-centres',
			title: ' Close two day centres ',
			kind: 'saving',
			amount: '400,000',
			service: 'adult-social-care',
			'affects:carers': 'on'
		});
		expect(p).toEqual({
			id: 'day-centres',
			title: 'Close two day centres',
			kind: 'saving',
			amount: 40000000,
			service: 'adult-social-care',
			affects: ['carers']
		});
	});
});

describe('BallotSchema and ScenarioSchema', () => {
	it('defaults a ballot to one online ballot with no view on anything', () => {
		expect(BallotSchema.parse({})).toEqual({
			marks: {},
			uses: [],
			segments: [],
			area: null,
			channel: 'online',
			count: 1
		});
	});

	it('says which field of a scenario is wrong', () => {
		const r = ScenarioSchema.safeParse({ rules: {}, proposals: [], ballots: [] });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]).toMatchObject({
			path: ['proposals'],
			message: 'A vote needs at least one proposal.'
		});
	});
});

describe('CliOptionsSchema', () => {
	it.each([
		{ flags: { method: 'equal-shares', completion: 'add1u-greedy', utility: 'cost' }, ok: true },
		{ flags: { method: 'equalShares' }, ok: false },
		{ flags: { completion: 'add2' }, ok: false }
	])('$flags: $ok', ({ flags, ok }) => {
		expect(CliOptionsSchema.safeParse(flags).success).toBe(ok);
	});
});
