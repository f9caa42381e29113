import { describe, expect, it } from 'vitest';
import { demoCharter } from './demo';
import { transition } from './lifecycle';
import { signingInvitations, signingPage, versionProgress } from './signing';
import type { CharterState } from './state';

function signedBy(state: CharterState, partyId: string): CharterState {
	const v = state.versions.at(-1)!;
	const result = transition(
		state,
		{ type: 'sign', name: 'Sam Okafor', role: 'Chief Executive', versionHash: v.hash },
		{
			actor: { kind: 'signatory', partyId, versionNumber: v.number },
			now: '2026-02-03T10:00:00.000Z'
		}
	);
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.state;
}

describe('signingInvitations', () => {
	it('lists every party while nobody has signed', () => {
		expect(signingInvitations(demoCharter('signing'))).toEqual([
			expect.objectContaining({
				partyId: 'p-council',
				versionNumber: 1,
				signatoryName: 'Alan Brooks'
			}),
			expect.objectContaining({
				partyId: 'p-provider',
				contactEmail: 'sam@hubtogether.example.org'
			}),
			expect.objectContaining({ partyId: 'p-residents', partyKind: 'Community representative' })
		]);
	});

	it('drops a party once it has signed', () => {
		const state = signedBy(demoCharter('signing'), 'p-provider');
		expect(signingInvitations(state).map((i) => i.partyId)).toEqual(['p-council', 'p-residents']);
	});

	it.each(['consultation', 'agreed', 'published'] as const)('is empty when %s', (status) => {
		expect(signingInvitations(demoCharter(status))).toEqual([]);
	});
});

describe('signingPage', () => {
	it('shows the text, the hash and the party’s own commitments to someone who can sign', () => {
		const state = demoCharter('signing');
		const page = signingPage(state, { partyId: 'p-provider', versionNumber: 1 });
		expect(page?.reasons).toEqual([]);
		expect(page?.versionHash).toBe(state.versions[0].hash);
		expect(page?.commitments.map((c) => c.id)).toEqual(['c-hours']);
		expect(page?.signed).toBeNull();
	});

	it.each([
		{ name: 'an unknown party', link: { partyId: 'p-nobody', versionNumber: 1 } },
		{ name: 'an unknown version', link: { partyId: 'p-council', versionNumber: 7 } }
	])('is null for $name', ({ link }) => {
		expect(signingPage(demoCharter('signing'), link)).toBeNull();
	});

	it('says when the party has already signed', () => {
		const state = signedBy(demoCharter('signing'), 'p-provider');
		expect(signingPage(state, { partyId: 'p-provider', versionNumber: 1 })?.reasons).toEqual([
			'Hub Together CIC signed version 1 on 2026-02-03.'
		]);
	});

	it('says when the version was withdrawn', () => {
		const result = transition(
			demoCharter('signing'),
			{ type: 'withdrawSigning', reason: 'Wrong figure' },
			{ actor: { kind: 'staff' }, now: '2026-02-04T10:00:00.000Z' }
		);
		if (!result.ok) throw new Error(result.reasons.join(' '));
		expect(signingPage(result.state, { partyId: 'p-council', versionNumber: 1 })?.reasons).toEqual([
			'Version 1 was taken back for changes, so it can no longer be signed. You will be sent a new link.'
		]);
	});
});

describe('versionProgress', () => {
	it('pairs every party with its signature or null', () => {
		const state = signedBy(demoCharter('signing'), 'p-residents');
		expect(
			versionProgress(state.versions[0]).map((p) => [p.partyId, p.signature?.name ?? null])
		).toEqual([
			['p-council', null],
			['p-provider', null],
			['p-residents', 'Sam Okafor']
		]);
	});
});
