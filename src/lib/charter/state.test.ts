import { describe, expect, it } from 'vitest';
import { demoCharter } from './demo';
import { transition, type CharterAction } from './lifecycle';
import {
	CHARTER_STATUSES,
	isAmendment,
	nextVersionNumber,
	publishedVersion,
	signedHistory,
	versionStatus,
	type CharterState,
	type CharterStatus
} from './state';

const staff = { actor: { kind: 'staff' as const }, now: '2026-08-01T09:00:00.000Z' };

function run(state: CharterState, action: CharterAction): CharterState {
	const result = transition(state, action, staff);
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.state;
}

/** The demo charter amended (one standard dropped) and frozen as version 2. */
function amendmentBeingSigned(): CharterState {
	const amending = demoCharter('amending');
	const content = structuredClone(amending.content);
	content.standards.pop();
	return run(run(amending, { type: 'edit', content }), { type: 'openSigning' });
}

describe('versionStatus', () => {
	it.each<{ name: string; state: () => CharterState; number: number; status: string }>([
		{
			name: 'a version being signed',
			state: () => demoCharter('signing'),
			number: 1,
			status: 'signing'
		},
		{ name: 'an agreed version', state: () => demoCharter('agreed'), number: 1, status: 'agreed' },
		{
			name: 'the published version',
			state: () => demoCharter('review'),
			number: 1,
			status: 'in-force'
		},
		{
			name: 'the published version while an amendment is signed',
			state: amendmentBeingSigned,
			number: 1,
			status: 'in-force'
		},
		{
			name: 'a withdrawn version',
			state: () => run(amendmentBeingSigned(), { type: 'withdrawSigning', reason: 'Rethink' }),
			number: 2,
			status: 'withdrawn'
		}
	])('$name is $status', ({ state, number, status }) => {
		const s = state();
		expect(versionStatus(s, s.versions[number - 1])).toBe(status);
	});

	it('marks the old version superseded once an amendment is published', () => {
		let state = amendmentBeingSigned();
		for (const party of state.versions[1].content.parties) {
			const result = transition(
				state,
				{ type: 'sign', name: 'X Y', role: 'Chair', versionHash: state.versions[1].hash },
				{ actor: { kind: 'signatory', partyId: party.id, versionNumber: 2 }, now: staff.now }
			);
			if (!result.ok) throw new Error(result.reasons.join(' '));
			state = result.state;
		}
		state = run(state, { type: 'publish' });
		expect(state.versions.map((v) => versionStatus(state, v))).toEqual(['superseded', 'in-force']);
		expect(publishedVersion(state)?.number).toBe(2);
		expect(signedHistory(state).map((v) => v.number)).toEqual([2, 1]);
	});
});

describe('isAmendment', () => {
	it.each<{ status: CharterStatus; expected: boolean }>(
		CHARTER_STATUSES.map((status) => ({ status, expected: status === 'amending' }))
	)('is $expected for the demo charter at $status', ({ status, expected }) => {
		expect(isAmendment(demoCharter(status))).toBe(expected);
	});

	it('is true while an amendment is being signed', () => {
		expect(isAmendment(amendmentBeingSigned())).toBe(true);
	});
});

describe('version numbers', () => {
	it('never reuses a withdrawn number', () => {
		const withdrawn = run(amendmentBeingSigned(), { type: 'withdrawSigning', reason: 'Rethink' });
		expect(nextVersionNumber(withdrawn)).toBe(3);
		expect(signedHistory(withdrawn).map((v) => v.number)).toEqual([1]);
	});
});
