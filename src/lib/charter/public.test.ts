import { describe, expect, it } from 'vitest';
import { demoCharter } from './demo';
import { transition } from './lifecycle';
import { publicCharter, publicVersions } from './public';
import type { CharterState } from './state';

const staff = { actor: { kind: 'staff' as const }, now: '2026-08-01T09:00:00.000Z' };

function step(state: CharterState, action: Parameters<typeof transition>[1]): CharterState {
	const result = transition(state, action, staff);
	if (!result.ok) throw new Error(result.reasons.join(' '));
	return result.state;
}

describe('publicCharter', () => {
	it('keeps a draft nobody has been asked about private', () => {
		expect(publicCharter(demoCharter('draft'))).toBeNull();
	});

	it.each([
		['consultation', 'consultation', null],
		['signing', 'signing', 1],
		['agreed', 'agreed', 1],
		['published', 'in-force', 1],
		['review', 'in-force', 1],
		['amending', 'in-force', 1]
	] as const)('a charter in %s shows as %s (version %s)', (status, stage, version) => {
		const view = publicCharter(demoCharter(status))!;
		expect(view.stage).toBe(stage);
		expect(view.versionNumber).toBe(version);
	});

	it('shows progress only once the charter is in force, keyed by item', () => {
		expect(publicCharter(demoCharter('agreed'))!.progress).toEqual({});
		const view = publicCharter(demoCharter('review'))!;
		expect(view.progress['commitment:c-hours']).toMatchObject({ status: 'amber' });
		expect(view.counts).toEqual({ green: 0, amber: 1, red: 0, notReviewed: 4 });
	});

	it('during an amendment shows the version in force and says what is happening', () => {
		let state = step(demoCharter('amending'), {
			type: 'edit',
			content: {
				...demoCharter('amending').content,
				standards: [{ id: 's-hours', text: 'Open 45 hours a week' }]
			}
		});
		state = step(state, { type: 'openConsultation' });
		let view = publicCharter(state)!;
		expect(view.content.standards[0].text).toBe('Open 40 hours a week, including one evening');
		expect(view.amendmentOpenForComments).toBe(true);
		expect(view.commentsOpen).toBe(true);
		state = step(state, { type: 'openSigning' });
		view = publicCharter(state)!;
		expect(view.amendmentOpenForComments).toBe(false);
		expect(view.amendmentBeingSigned).toBe(true);
		expect(view.versionNumber).toBe(1);
	});
});

describe('publicVersions', () => {
	it('lists only versions every party signed, newest first, leaving out withdrawn texts', () => {
		let state = demoCharter('signing');
		state = step(state, { type: 'withdrawSigning', reason: 'Typo in the budget.' });
		expect(publicVersions(state)).toEqual([]);
		expect(publicVersions(demoCharter('review')).map((v) => [v.number, v.status])).toEqual([
			[1, 'in-force']
		]);
	});
});
