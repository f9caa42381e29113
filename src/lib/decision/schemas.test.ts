import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../forms/parse';
import {
	ChangeSchema,
	DecisionSchema,
	mitigationsSchema,
	OptionSchema,
	ScrutinyAnswerSchema,
	ScrutinySchema
} from './schemas';

const errorsOf = (r: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) =>
	r.success ? {} : fieldErrors(r.error!);

describe('an option staff add', () => {
	it.each([
		['45000', 45_000_00],
		['£45,000.50', 45_000_50],
		['', null]
	])('reads the amount %j as %j pence', (amount, pence) => {
		const r = OptionSchema.parse({ title: 'Reduce hours', kind: 'saving', amount });
		expect(r.amount).toBe(pence);
	});

	it.each([
		[
			{ title: 'ab', kind: 'saving', amount: '' },
			'title',
			'The option must be at least 3 characters'
		],
		[
			{ title: 'x'.repeat(201), kind: 'saving', amount: '' },
			'title',
			'The option must be 200 characters or fewer'
		],
		[
			{ title: 'Reduce hours', kind: 'cut', amount: '' },
			'kind',
			'Choose whether it is a saving, a development or an alternative'
		],
		[
			{ title: 'Reduce hours', kind: 'saving', amount: '-5' },
			'amount',
			'The amount cannot be negative'
		],
		[
			{ title: 'Reduce hours', kind: 'saving', amount: 'lots' },
			'amount',
			'Enter the amount in pounds, like 45000, or leave it blank'
		]
	])('refuses %j', (input, field, message) => {
		expect(errorsOf(OptionSchema.safeParse(input))[field]).toBe(message);
	});
});

describe('the members’ decision form', () => {
	it.each([
		['yes', true],
		['no', false],
		[undefined, null]
	])('reads "as recommended" %j as %j', (value, read) => {
		const r = DecisionSchema.parse({ status: 'decided', asRecommended: value });
		expect(r.asRecommended).toBe(read);
	});

	it.each([
		[{ status: 'maybe' }, 'status', 'Choose whether members have decided'],
		[{ status: 'decided', date: '2026-13-01' }, 'date', 'Enter a real date, like 2026-11-20'],
		[
			{ status: 'decided', minuteRef: 'x'.repeat(61) },
			'minuteRef',
			'The minute reference must be 60 characters or fewer'
		]
	])('refuses %j', (input, field, message) => {
		expect(errorsOf(DecisionSchema.safeParse(input))[field]).toBe(message);
	});
});

describe('the mitigations form', () => {
	const schema = mitigationsSchema(['golf-older']);

	it('reads the fields of the impacts the page listed, and only those', () => {
		const r = schema.parse({
			'mitigation-golf-older': ' Free taster sessions ',
			'owner-golf-older': 'Leisure manager',
			'mitigation-other': 'ignored',
			judgement: 'continue'
		});
		expect(r).toMatchObject({
			'mitigation-golf-older': 'Free taster sessions',
			'owner-golf-older': 'Leisure manager',
			judgement: 'continue',
			intent: 'save'
		});
		expect(r).not.toHaveProperty('mitigation-other');
	});

	it('bounds a mitigation', () => {
		const r = schema.safeParse({ 'mitigation-golf-older': 'x'.repeat(2001) });
		expect(errorsOf(r)['mitigation-golf-older']).toBe(
			'The mitigation must be 2000 characters or fewer'
		);
	});
});

describe('changes and scrutiny', () => {
	it('needs a real date for a change', () => {
		expect(errorsOf(ChangeSchema.safeParse({ what: 'Halls', when: 'April' })).when).toBe(
			'Enter when it changes, like 2027-04-01'
		);
	});

	it('bounds a scrutiny question and an answer', () => {
		expect(
			errorsOf(ScrutinySchema.safeParse({ kind: 'question', text: 'x'.repeat(3001) })).text
		).toBe('Your question or comment must be 3000 characters or fewer');
		expect(
			errorsOf(ScrutinyAnswerSchema.safeParse({ itemId: '0', answer: 'Yes.' })).itemId
		).toBeTruthy();
	});
});
