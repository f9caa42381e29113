import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Party } from '$lib/charter/charter';
import SignatureList from './SignatureList.svelte';

const party: Party = {
	id: 'p1',
	kind: 'provider',
	organisation: 'Hub Together CIC',
	contactName: '',
	contactEmail: '',
	role: '',
	signatoryName: '',
	signatoryRole: ''
};

describe('SignatureList', () => {
	it.each([
		{
			case: 'names the organisation and its kind',
			partyId: 'p1',
			text: 'Ann Lee, Director, for Hub Together CIC (Provider), on 3 March 2026'
		},
		{
			case: 'names a party no longer in the text by its id',
			partyId: 'gone',
			text: 'Ann Lee, Director, for gone, on 3 March 2026'
		}
	])('$case', ({ partyId, text }) => {
		render(SignatureList, {
			signatures: [
				{ partyId, name: 'Ann Lee', role: 'Director', signedAt: '2026-03-03T10:00:00Z' }
			],
			parties: [party]
		});
		expect(screen.getByRole('heading', { name: 'Who signed' })).toBeTruthy();
		expect(screen.getByRole('listitem').textContent?.trim()).toBe(text);
	});
});
