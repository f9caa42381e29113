import { describe, expect, it } from 'vitest';
import { emptyContent, type CharterContent } from './charter';
import { demoCharter, demoCharterContent } from './demo';
import { contentHash } from './hash';
import {
	newCharter,
	transition,
	type Actor,
	type CharterAction,
	type TransitionContext,
	type TransitionResult
} from './lifecycle';
import type { CharterState, CharterStatus } from './state';

const NOW = '2026-03-01T10:00:00.000Z';
const staff: TransitionContext = { actor: { kind: 'staff' }, now: NOW };
const publicUser: TransitionContext = { actor: { kind: 'public' }, now: NOW };
const signatory = (partyId: string, versionNumber: number): TransitionContext => ({
	actor: { kind: 'signatory', partyId, versionNumber },
	now: NOW
});

function accepted(result: TransitionResult): CharterState {
	if (!result.ok) throw new Error(`Refused: ${result.reasons.join(' | ')}`);
	return result.state;
}

function reasonsOf(result: TransitionResult): string[] {
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.reasons;
}

/** Signs the version being signed for the given parties, with the right hash. */
function signFor(state: CharterState, partyIds: string[]): CharterState {
	for (const partyId of partyIds) {
		const version = state.versions.at(-1)!;
		state = accepted(
			transition(
				state,
				{ type: 'sign', name: `Signer ${partyId}`, role: 'Chair', versionHash: version.hash },
				signatory(partyId, version.number)
			)
		);
	}
	return state;
}

const ALL_PARTIES = ['p-council', 'p-provider', 'p-residents'];

function withContent(status: CharterStatus, change: (c: CharterContent) => void): CharterState {
	const state = demoCharter(status);
	const content = structuredClone(state.content);
	change(content);
	return { ...state, content };
}

describe('who may act', () => {
	it.each<{ action: CharterAction; actor: Actor; status: CharterStatus; reason: string }>([
		{
			action: { type: 'edit', content: demoCharterContent() },
			actor: { kind: 'public' },
			status: 'draft',
			reason: 'Only council staff working on this charter can do that.'
		},
		{
			action: { type: 'publish' },
			actor: { kind: 'public' },
			status: 'agreed',
			reason: 'Only council staff working on this charter can do that.'
		},
		{
			action: { type: 'publish' },
			actor: { kind: 'signatory', partyId: 'p-council', versionNumber: 1 },
			status: 'agreed',
			reason: 'A signing link can only be used to sign the charter.'
		},
		{
			action: { type: 'sign', name: 'Alan Brooks', role: 'Director', versionHash: 'x' },
			actor: { kind: 'staff' },
			status: 'signing',
			reason: 'Only a signatory with a signing link can sign the charter.'
		},
		{
			action: { type: 'comment', id: 'k9', authorName: '', text: 'Hello' },
			actor: { kind: 'signatory', partyId: 'p-council', versionNumber: 1 },
			status: 'consultation',
			reason: 'A signing link can only be used to sign the charter.'
		}
	])('refuses $action.type by $actor.kind', ({ action, actor, status, reason }) => {
		const result = transition(demoCharter(status), action, { actor, now: NOW });
		expect(reasonsOf(result)).toEqual([reason]);
	});

	it('lets anyone with the link comment during consultation', () => {
		const state = accepted(
			transition(
				demoCharter('consultation'),
				{ type: 'comment', id: 'k2', authorName: '', text: 'Will there be transport?' },
				publicUser
			)
		);
		expect(state.comments.at(-1)).toMatchObject({
			id: 'k2',
			status: 'open',
			text: 'Will there be transport?',
			draftVersion: 1
		});
	});
});

describe('opening consultation', () => {
	it('refuses an empty charter', () => {
		const reasons = reasonsOf(transition(newCharter(), { type: 'openConsultation' }, staff));
		expect(reasons).toContain('Say which service the charter covers.');
		expect(reasons.some((r) => r.startsWith('The charter is empty'))).toBe(true);
	});

	it('opens a draft that has a service and something to comment on', () => {
		const content = { ...emptyContent(), service: 'Libraries' };
		content.standards = [{ id: 's1', text: 'Open on Saturdays' }];
		const state = accepted(transition(newCharter(content), { type: 'openConsultation' }, staff));
		expect(state.status).toBe('consultation');
	});

	it.each<CharterStatus>(['signing', 'agreed', 'published', 'review'])(
		'refuses from %s',
		(status) => {
			const reasons = reasonsOf(
				transition(demoCharter(status), { type: 'openConsultation' }, staff)
			);
			expect(reasons).toEqual(['Only a draft or a draft amendment can be opened for comments.']);
		}
	);

	it('opens a draft amendment for comments', () => {
		const state = accepted(
			transition(demoCharter('amending'), { type: 'openConsultation' }, staff)
		);
		expect(state.status).toBe('consultation');
	});
});

describe('editing', () => {
	it.each<CharterStatus>(['draft', 'consultation', 'amending'])('is allowed in %s', (status) => {
		const content = { ...demoCharter(status).content, title: 'A new title' };
		const state = accepted(transition(demoCharter(status), { type: 'edit', content }, staff));
		expect(state.content.title).toBe('A new title');
	});

	it.each<{ status: CharterStatus; reason: string }>([
		{
			status: 'signing',
			reason:
				'The charter is frozen as version 1 while the parties sign it: withdraw it from signing to change it.'
		},
		{
			status: 'agreed',
			reason:
				'Version 1 has been signed and can never be changed: start an amendment to change the charter.'
		},
		{
			status: 'published',
			reason:
				'Version 1 has been signed and can never be changed: start an amendment to change the charter.'
		},
		{
			status: 'review',
			reason:
				'Version 1 has been signed and can never be changed: start an amendment to change the charter.'
		}
	])('is refused on a frozen version ($status)', ({ status, reason }) => {
		const content = { ...demoCharter(status).content, title: 'Sneaky change' };
		const reasons = reasonsOf(transition(demoCharter(status), { type: 'edit', content }, staff));
		expect(reasons).toEqual([reason]);
	});

	it('refuses content where two outcomes share an id', () => {
		const content = demoCharterContent();
		content.outcomes[1].id = content.outcomes[0].id;
		const reasons = reasonsOf(transition(newCharter(), { type: 'edit', content }, staff));
		expect(reasons).toEqual(['Two outcomes share the id "o-independent".']);
	});

	it('copies the content, so later changes to the caller object do not leak in', () => {
		const content = demoCharterContent();
		const state = accepted(transition(newCharter(), { type: 'edit', content }, staff));
		content.title = 'Changed afterwards';
		expect(state.content.title).toBe('Riverside Day Opportunities Charter');
	});
});

describe('opening signing', () => {
	it('refuses to skip consultation for a first charter', () => {
		const reasons = reasonsOf(transition(demoCharter('draft'), { type: 'openSigning' }, staff));
		expect(reasons[0]).toMatch(/^Open the charter for comments first/);
	});

	it.each<{ name: string; change: (c: CharterContent) => void; reason: string }>([
		{
			name: 'no community party',
			change: (c) => {
				c.parties = c.parties.filter((p) => p.kind !== 'community');
				c.commitments = c.commitments.filter((x) => x.partyId !== 'p-residents');
			},
			reason: 'Add at least one community representative as a party.'
		},
		{
			name: 'no commissioner',
			change: (c) => {
				c.parties = c.parties.filter((p) => p.kind !== 'commissioner');
				c.commitments = c.commitments.filter((x) => x.partyId !== 'p-council');
			},
			reason: 'Add the commissioner as a party.'
		},
		{
			name: 'a party with no commitment',
			change: (c) => {
				c.commitments = c.commitments.filter((x) => x.partyId !== 'p-provider');
			},
			reason: 'Hub Together CIC has not committed anything yet: add at least one commitment.'
		},
		{
			name: 'a commitment without an owner',
			change: (c) => {
				c.commitments[0].owner = ' ';
			},
			reason: 'Commitment "Fund the hub at £420,000 a year for three years" needs an owner.'
		},
		{
			name: 'an outcome without a target',
			change: (c) => {
				c.outcomes[1].target = '';
			},
			reason: 'Outcome "Feeling connected" needs a target.'
		},
		{
			name: 'no service standard',
			change: (c) => {
				c.standards = [];
			},
			reason: 'Add at least one service standard: what users can expect.'
		},
		{
			name: 'governance not filled in',
			change: (c) => {
				c.governance.disputes = '';
			},
			reason: 'Governance: describe how disputes are settled.'
		}
	])('refuses an incomplete charter: $name', ({ change, reason }) => {
		const state = withContent('consultation', change);
		expect(reasonsOf(transition(state, { type: 'openSigning' }, staff))).toContain(reason);
	});

	it('refuses while a comment is still open', () => {
		const state = accepted(
			transition(
				demoCharter('consultation'),
				{ type: 'comment', id: 'k2', authorName: 'Ann', text: 'What about parking?' },
				publicUser
			)
		);
		expect(reasonsOf(transition(state, { type: 'openSigning' }, staff))).toEqual([
			'1 comment is still waiting for a response: answer or acknowledge it before signing.'
		]);
	});

	it('freezes the text as version 1, hashed, with no signatures', () => {
		const before = demoCharter('consultation');
		const state = accepted(transition(before, { type: 'openSigning' }, staff));
		expect(state.status).toBe('signing');
		expect(state.versions).toHaveLength(1);
		expect(state.versions[0]).toMatchObject({
			number: 1,
			hash: contentHash(before.content),
			frozenAt: NOW,
			signatures: [],
			agreedAt: null
		});
	});

	it('freezes the snapshot in memory so it cannot be written to', () => {
		const state = demoCharter('signing');
		expect(() => {
			state.versions[0].content.title = 'Rewritten';
		}).toThrow(TypeError);
	});
});

describe('comments', () => {
	it.each<CharterStatus>(['draft', 'signing', 'published', 'amending'])(
		'are refused when not in consultation (%s)',
		(status) => {
			const reasons = reasonsOf(
				transition(
					demoCharter(status),
					{ type: 'comment', id: 'k2', authorName: '', text: 'Hi' },
					publicUser
				)
			);
			expect(reasons).toEqual(['The charter is not open for comments at the moment.']);
		}
	);

	it('refuses a reused comment id', () => {
		const reasons = reasonsOf(
			transition(
				demoCharter('consultation'),
				{ type: 'comment', id: 'k1', authorName: '', text: 'Again' },
				publicUser
			)
		);
		expect(reasons).toEqual(['This comment needs a new id.']);
	});

	it('refuses a second response to the same comment', () => {
		const reasons = reasonsOf(
			transition(
				demoCharter('consultation'),
				{ type: 'answerComment', commentId: 'k1', response: 'acknowledged', answer: '' },
				staff
			)
		);
		expect(reasons).toEqual(['This comment has already been responded to.']);
	});

	it.each<{ response: 'answered' | 'acknowledged'; answer: string; ok: boolean }>([
		{ response: 'answered', answer: '', ok: false },
		{ response: 'answered', answer: 'Yes, from April.', ok: true },
		{ response: 'acknowledged', answer: '', ok: true }
	])(
		'a response "$response" with answer "$answer" is accepted: $ok',
		({ response, answer, ok }) => {
			const open = accepted(
				transition(
					demoCharter('consultation'),
					{ type: 'comment', id: 'k2', authorName: '', text: 'Saturdays?' },
					publicUser
				)
			);
			const result = transition(
				open,
				{ type: 'answerComment', commentId: 'k2', response, answer },
				staff
			);
			expect(result.ok).toBe(ok);
		}
	);
});

describe('signing', () => {
	it('records name, role, date and the hash the signatory saw', () => {
		const state = signFor(demoCharter('signing'), ['p-provider']);
		expect(state.versions[0].signatures).toEqual([
			{
				partyId: 'p-provider',
				name: 'Signer p-provider',
				role: 'Chair',
				signedAt: NOW,
				versionHash: state.versions[0].hash
			}
		]);
		expect(state.status).toBe('signing');
	});

	it('makes the version agreed when the last party signs', () => {
		const state = signFor(demoCharter('signing'), ALL_PARTIES);
		expect(state.status).toBe('agreed');
		expect(state.versions[0].agreedAt).toBe(NOW);
	});

	it('refuses a party that has already signed', () => {
		const once = signFor(demoCharter('signing'), ['p-residents']);
		const v = once.versions[0];
		const reasons = reasonsOf(
			transition(
				once,
				{ type: 'sign', name: 'Jean Evans', role: 'Chair', versionHash: v.hash },
				signatory('p-residents', 1)
			)
		);
		expect(reasons).toEqual(['Riverside Carers Forum has already signed version 1.']);
	});

	it.each<{ name: string; context: TransitionContext; hash: 'right' | 'wrong'; reason: string }>([
		{
			name: 'a text other than the one frozen',
			context: signatory('p-council', 1),
			hash: 'wrong',
			reason:
				'The charter text is not the one this page showed: reload the page and read it again before signing.'
		},
		{
			name: 'a link for another version',
			context: signatory('p-council', 2),
			hash: 'right',
			reason:
				'This signing link is for version 2, but version 1 is the one being signed. Ask for a new link.'
		},
		{
			name: 'a link for a party not in the version',
			context: signatory('p-someone', 1),
			hash: 'right',
			reason: 'This signing link is for a party that is not in this version.'
		}
	])('refuses $name', ({ context, hash, reason }) => {
		const state = demoCharter('signing');
		const versionHash = hash === 'right' ? state.versions[0].hash : '0'.repeat(64);
		const reasons = reasonsOf(
			transition(
				state,
				{ type: 'sign', name: 'Alan Brooks', role: 'Director', versionHash },
				context
			)
		);
		expect(reasons).toEqual([reason]);
	});

	it('refuses a blank name and role', () => {
		const state = demoCharter('signing');
		const reasons = reasonsOf(
			transition(
				state,
				{ type: 'sign', name: ' ', role: '', versionHash: state.versions[0].hash },
				signatory('p-council', 1)
			)
		);
		expect(reasons).toEqual([
			'Enter the name of the person signing.',
			'Enter the role of the person signing.'
		]);
	});

	it.each<CharterStatus>(['draft', 'consultation', 'amending'])(
		'refuses to sign a text that is not frozen (%s)',
		(status) => {
			const reasons = reasonsOf(
				transition(
					demoCharter(status),
					{ type: 'sign', name: 'A B', role: 'Chair', versionHash: 'x' },
					signatory('p-council', 1)
				)
			);
			expect(reasons).toEqual(['The charter is not ready to be signed yet.']);
		}
	);
});

describe('publishing', () => {
	it('refuses before every party has signed, naming who is missing', () => {
		const state = signFor(demoCharter('signing'), ['p-council']);
		expect(reasonsOf(transition(state, { type: 'publish' }, staff))).toEqual([
			'Every party must sign before the charter is published: still waiting for Hub Together CIC, Riverside Carers Forum.'
		]);
	});

	it.each<CharterStatus>(['draft', 'consultation', 'amending'])('refuses from %s', (status) => {
		expect(reasonsOf(transition(demoCharter(status), { type: 'publish' }, staff))).toEqual([
			'The charter can only be published once every party has signed it.'
		]);
	});

	it('publishes an agreed version', () => {
		const state = accepted(transition(demoCharter('agreed'), { type: 'publish' }, staff));
		expect(state.status).toBe('published');
		expect(state.versions[0].publishedAt).toBe(NOW);
	});
});

describe('review entries', () => {
	const entry = (id = 'r9'): CharterAction => ({
		type: 'recordReview',
		id,
		target: { kind: 'outcome', id: 'o-connected' },
		status: 'green',
		note: 'Survey shows 58%.'
	});

	it.each<CharterStatus>(['draft', 'consultation', 'signing', 'agreed', 'amending'])(
		'are refused in %s',
		(status) => {
			expect(reasonsOf(transition(demoCharter(status), entry(), staff))).toEqual([
				'Progress can only be reviewed once the charter is published.'
			]);
		}
	);

	it.each<CharterStatus>(['published', 'review'])('are appended in %s', (status) => {
		const before = demoCharter(status);
		const state = accepted(transition(before, entry(), staff));
		expect(state.status).toBe('review');
		expect(state.reviews).toEqual([
			...before.reviews,
			{
				id: 'r9',
				target: { kind: 'outcome', id: 'o-connected' },
				status: 'green',
				note: 'Survey shows 58%.',
				date: NOW,
				version: 1
			}
		]);
	});

	it('refuses an item that is not in the version in force', () => {
		const action: CharterAction = {
			type: 'recordReview',
			id: 'r9',
			target: { kind: 'commitment', id: 'c-nowhere' },
			status: 'red',
			note: 'Not started.'
		};
		expect(reasonsOf(transition(demoCharter('published'), action, staff))).toEqual([
			'That commitment is not in version 1 of the charter.'
		]);
	});

	it('refuses a blank note and a reused id', () => {
		const action: CharterAction = {
			type: 'recordReview',
			id: 'r1',
			target: { kind: 'commitment', id: 'c-hours' },
			status: 'red',
			note: ''
		};
		expect(reasonsOf(transition(demoCharter('review'), action, staff))).toEqual([
			'Write a note saying what the status is based on.',
			'This review entry needs a new id.'
		]);
	});
});

describe('amendments', () => {
	function amendedAndFrozen(): CharterState {
		let state = demoCharter('amending');
		const content = structuredClone(state.content);
		content.standards.push({ id: 's-sat', text: 'Open one Saturday a month' });
		state = accepted(transition(state, { type: 'edit', content }, staff));
		return accepted(transition(state, { type: 'openSigning' }, staff));
	}

	it.each<CharterStatus>(['draft', 'consultation', 'signing', 'agreed'])(
		'cannot start from %s',
		(status) => {
			expect(reasonsOf(transition(demoCharter(status), { type: 'startAmendment' }, staff))).toEqual(
				['Only a published charter can be amended.']
			);
		}
	);

	it('starts from the text in force', () => {
		const state = demoCharter('amending');
		expect(state.status).toBe('amending');
		expect(contentHash(state.content)).toBe(state.versions[0].hash);
	});

	it('refuses to send an unchanged amendment for signing', () => {
		expect(reasonsOf(transition(demoCharter('amending'), { type: 'openSigning' }, staff))).toEqual([
			'The amendment makes no changes to version 1.'
		]);
	});

	it('freezes the amendment as version 2 with no signatures', () => {
		const state = amendedAndFrozen();
		expect(state.versions.map((v) => [v.number, v.signatures.length])).toEqual([
			[1, 3],
			[2, 0]
		]);
	});

	it('keeps version 1 in force while the amendment is being signed', () => {
		const state = signFor(amendedAndFrozen(), ['p-council', 'p-provider']);
		expect(state.versions[0].publishedAt).not.toBeNull();
		expect(reasonsOf(transition(state, { type: 'publish' }, staff))).toEqual([
			'Every party must sign before the charter is published: still waiting for Riverside Carers Forum.'
		]);
	});

	it('needs every party to sign again, and leaves version 1 and its signatures as history', () => {
		const frozen = amendedAndFrozen();
		const v1 = structuredClone(frozen.versions[0]);
		const state = accepted(transition(signFor(frozen, ALL_PARTIES), { type: 'publish' }, staff));
		expect(state.versions[1].signatures.map((s) => s.partyId)).toEqual(ALL_PARTIES);
		expect(state.versions[0]).toEqual(v1);
		expect(state.status).toBe('published');
	});

	it('cannot be discarded while a resident is waiting for a reply', () => {
		const consulting = accepted(
			transition(demoCharter('amending'), { type: 'openConsultation' }, staff)
		);
		const commented = accepted(
			transition(
				consulting,
				{ type: 'comment', id: 'k2', authorName: '', text: 'Keep the evening opening' },
				publicUser
			)
		);
		expect(reasonsOf(transition(commented, { type: 'discardAmendment' }, staff))).toEqual([
			'Answer or acknowledge every comment on the amendment before discarding it, so nobody is left without a reply.'
		]);
	});

	it('can be discarded, going back to the text in force', () => {
		const edited = accepted(
			transition(
				demoCharter('amending'),
				{ type: 'edit', content: { ...demoCharter('amending').content, title: 'Changed' } },
				staff
			)
		);
		const state = accepted(transition(edited, { type: 'discardAmendment' }, staff));
		// The demo charter had one review entry on version 1 before the amendment began.
		expect(state.status).toBe('review');
		expect(state.content.title).toBe('Riverside Day Opportunities Charter');
	});
});

describe('withdrawing from signing', () => {
	it('sends a first charter back to consultation and keeps the withdrawn text', () => {
		const signedOnce = signFor(demoCharter('signing'), ['p-council']);
		const state = accepted(
			transition(
				signedOnce,
				{ type: 'withdrawSigning', reason: 'Typo in the funding amount' },
				staff
			)
		);
		expect(state.status).toBe('consultation');
		expect(state.versions[0]).toMatchObject({
			withdrawnAt: NOW,
			withdrawnReason: 'Typo in the funding amount'
		});
		expect(state.versions[0].signatures).toHaveLength(1);
	});

	it('gives the next frozen text a new number', () => {
		const withdrawn = accepted(
			transition(demoCharter('signing'), { type: 'withdrawSigning', reason: 'Typo' }, staff)
		);
		const state = accepted(transition(withdrawn, { type: 'openSigning' }, staff));
		expect(state.versions.map((v) => v.number)).toEqual([1, 2]);
	});

	it('refuses without a reason', () => {
		expect(
			reasonsOf(transition(demoCharter('signing'), { type: 'withdrawSigning', reason: ' ' }, staff))
		).toEqual(['Say why the charter is being taken back out of signing.']);
	});
});

it('never changes the state it is given', () => {
	const before = demoCharter('signing');
	const copy = structuredClone(before);
	signFor(before, ALL_PARTIES);
	expect(before).toEqual(copy);
});
