import { describe, expect, it } from 'vitest';
import { isRefusal, Refusal } from './command-refusal';
import { refused } from './refusal';

describe('refused', () => {
	it.each([
		{ name: 'a whole-form refusal', e: new Refusal('_', 'The vote has opened.') },
		{ name: 'a field refusal', e: new Refusal('name', 'That name is taken.') },
		{
			name: 'a refusal with a reason',
			e: new Refusal('closesAt', 'Close it after it opens.', { reason: 'order' })
		}
	])('turns $name into the form error, keeping what the form sent', ({ e }) => {
		expect(refused(e, { action: 'edit', values: { name: 'Parks' } })).toEqual({
			status: 400,
			data: { action: 'edit', values: { name: 'Parks' }, errors: { [e.field]: e.message } }
		});
	});

	it('shows the refusal by the field the page names', () => {
		const e = new Refusal('voteId', 'The vote has opened.');
		expect(refused(e, {}, { field: (field) => (field === 'voteId' ? '_' : field) })).toEqual({
			status: 400,
			data: { errors: { _: 'The vote has opened.' } }
		});
	});

	it("gives a resident page's words for the reason, with its params, whatever the English says", () => {
		const e = new Refusal('_', 'Wait 30 seconds.', { reason: 'rate', params: { seconds: 30 } });
		const say = { rate: (p: { seconds?: string | number }) => `Arhoswch ${p.seconds} eiliad.` };
		expect(refused(e, {}, { say })).toEqual({
			status: 400,
			data: { errors: { _: 'Arhoswch 30 eiliad.' } }
		});
	});

	it('shows the English message for a reason the page has no words for', () => {
		const e = new Refusal('_', 'The survey has closed.', { reason: 'closed' });
		expect(refused(e, {}, { say: { rate: () => 'x' } })).toEqual({
			status: 400,
			data: { errors: { _: 'The survey has closed.' } }
		});
	});

	it('throws anything else on', () => {
		const bug = new Error('disk full');
		expect(() => refused(bug, {})).toThrow(bug);
	});
});

describe('isRefusal', () => {
	it.each([
		{ e: new Refusal('_', 'No.', { reason: 'closed' }), reason: undefined, is: true },
		{ e: new Refusal('_', 'No.', { reason: 'closed' }), reason: 'closed', is: true },
		{ e: new Refusal('_', 'No.', { reason: 'closed' }), reason: 'used', is: false },
		{ e: new Refusal('_', 'No.'), reason: 'closed', is: false },
		{ e: new Error('No.'), reason: undefined, is: false }
	])('$e.message ($e.reason) is a refusal for $reason: $is', ({ e, reason, is }) => {
		expect(isRefusal(e, reason)).toBe(is);
	});
});

describe('a refusal of several fields', () => {
	it('puts every field’s message beside its field, the first where the page names it', () => {
		const e = new Refusal('date', 'Give the date.', {
			fields: { minuteRef: 'Give the minute reference.' }
		});
		expect(e.fields).toEqual({ date: 'Give the date.', minuteRef: 'Give the minute reference.' });
		expect(refused(e, {}, { field: (f) => (f === 'date' ? 'decidedOn' : f) })).toEqual({
			status: 400,
			data: { errors: { decidedOn: 'Give the date.', minuteRef: 'Give the minute reference.' } }
		});
	});

	it('lists its details, or just its message', () => {
		const reasons = ['The charter is published.', 'Nobody has signed it.'];
		expect(new Refusal('_', reasons.join(' '), { details: reasons }).details).toEqual(reasons);
		expect(new Refusal('_', 'No.').details).toEqual(['No.']);
	});
});
