import { describe, expect, it } from 'vitest';
import { Refusal } from '$lib/server/command-refusal';
import { afterDraftRefusal } from './resident';

// A page saved to a draft that another tab had sent, or that had gone, takes the resident
// somewhere that explains it rather than to an error page.
describe('afterDraftRefusal', () => {
	it.each([
		{ reason: 'submitted', to: '/survey/7/done' },
		{ reason: 'missing', to: '/survey/7' }
	])('sends a draft refused as $reason to $to', ({ reason, to }) => {
		expect(afterDraftRefusal(new Refusal('_', 'No.', { reason }), 7)).toBe(to);
	});

	it.each([
		{ name: 'another refusal', e: new Refusal('_', 'Closed.', { reason: 'closed' }) },
		{ name: 'a bug', e: new Error('disk full') }
	])('leaves $name to be thrown', ({ e }) => {
		expect(afterDraftRefusal(e, 7)).toBeUndefined();
	});
});
