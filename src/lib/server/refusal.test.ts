import { describe, expect, it } from 'vitest';
import { Refusal } from './command-refusal';
import { ConflictError } from './catalogue';
import { VoteError } from './budget/votes';
import { refused } from './refusal';

describe('refused', () => {
	it.each([
		{ name: 'a refusal', e: new Refusal('_', 'The vote has opened.') },
		{ name: 'a catalogue conflict', e: new ConflictError('name', 'That name is taken.') },
		{ name: 'a vote refusal', e: new VoteError('closesAt', 'Close it after it opens.') }
	])('turns $name into the form error, keeping what the form sent', ({ e }) => {
		expect(refused(e, { action: 'edit', values: { name: 'Parks' } })).toEqual({
			status: 400,
			data: { action: 'edit', values: { name: 'Parks' }, errors: { [e.field]: e.message } }
		});
	});

	it('shows the refusal by the field the page names', () => {
		const e = new VoteError('voteId', 'The vote has opened.');
		expect(refused(e, {}, (field) => (field === 'voteId' ? '_' : field))).toEqual({
			status: 400,
			data: { errors: { _: 'The vote has opened.' } }
		});
	});

	it('throws anything else on', () => {
		const bug = new Error('disk full');
		expect(() => refused(bug, {})).toThrow(bug);
	});
});
