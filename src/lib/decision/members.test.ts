import { describe, expect, it } from 'vitest';
import {
	callInMove,
	callInState,
	decisionProblems,
	withDecision,
	type DecisionContext
} from './members';
import { DECIDED } from '../test/decision';
import { emptyDecision, type CallIn, type MembersDecision } from './record';

const CTX: DecisionContext = { voteClosedOn: '2026-10-30', today: '2026-11-10' };

describe('the members’ decision', () => {
	it('needs nothing while pending', () => {
		expect(decisionProblems(emptyDecision(), CTX)).toEqual({});
	});

	it('accepts a complete decision', () => {
		expect(decisionProblems(DECIDED, CTX)).toEqual({});
	});

	it.each([
		[
			'a date before the vote closed',
			{ date: '2026-10-29' },
			{ date: 'The decision date cannot be before the vote closed on 30 October 2026' }
		],
		['the day the vote closed is allowed', { date: '2026-10-30' }, {}],
		[
			'a date in the future',
			{ date: '2026-11-11', callIn: { until: '2026-11-20', status: 'open', note: '' } },
			{ date: 'The decision date cannot be in the future' }
		],
		['no date', { date: '' }, { date: 'Enter the date of the meeting, like 2026-11-20' }],
		['no meeting', { meeting: ' ' }, { meeting: 'Enter the meeting, like Cabinet' }],
		[
			'an empty minute reference',
			{ minuteRef: '' },
			{ minuteRef: 'Enter the minute reference: a decision is recorded against its minute' }
		],
		[
			'not saying whether as recommended',
			{ asRecommended: null },
			{ asRecommended: 'Choose whether members decided as recommended' }
		],
		[
			'not as recommended, without reasons',
			{ asRecommended: false },
			{ reasons: 'Say why members did not decide as recommended' }
		],
		['not as recommended, with reasons', { asRecommended: false, reasons: 'Kept transport' }, {}],
		[
			'no call-in date',
			{ callIn: { until: '', status: 'open', note: '' } },
			{ callInUntil: 'Enter the last day the decision can be called in, like 2026-11-27' }
		],
		[
			'a call-in period ending on the decision day',
			{ callIn: { until: '2026-11-05', status: 'open', note: '' } },
			{ callInUntil: 'The call-in period must end after the decision date' }
		]
	] as [string, Partial<MembersDecision>, Record<string, string>][])('%s', (_, change, errors) => {
		expect(decisionProblems({ ...DECIDED, ...change }, CTX)).toEqual(errors);
	});

	it('has no vote date to check without a closed vote', () => {
		expect(
			decisionProblems({ ...DECIDED, date: '2020-01-01' }, { ...CTX, voteClosedOn: null })
		).toEqual({});
	});

	it('needs the meeting, date and reasons of a deferral, not a minute', () => {
		const deferred = { ...emptyDecision(), status: 'deferred' as const, date: '2026-11-05' };
		expect(decisionProblems(deferred, CTX)).toEqual({
			meeting: 'Enter the meeting, like Cabinet',
			reasons: 'Say why members deferred the decision'
		});
	});

	it('starts call-in again when the decision itself changes', () => {
		const calledIn = {
			...DECIDED,
			callIn: { ...DECIDED.callIn, status: 'calledIn' as const, note: 'Cllr A' }
		};
		expect(withDecision(calledIn, { ...calledIn, minuteRef: 'CAB/2026/131' }).callIn).toEqual({
			until: '2026-11-12',
			status: 'open',
			note: ''
		});
		expect(withDecision(calledIn, { ...calledIn, reasons: 'typo fixed' }).callIn.status).toBe(
			'calledIn'
		);
	});
});

describe('call-in', () => {
	const OPEN: CallIn = { until: '2026-11-12', status: 'open', note: '' };

	it.each([
		[OPEN, '2026-11-12', 'open'],
		[OPEN, '2026-11-13', 'lapsed'],
		[{ ...OPEN, status: 'calledIn' }, '2026-11-20', 'calledIn']
	] as const)('%j on %s is %s', (c, today, state) => {
		expect(callInState(c, today)).toBe(state);
	});

	it.each([
		['open', '2026-11-12', 'calledIn', 'Cllr Jones: transport', true],
		['open', '2026-11-12', 'calledIn', '', false],
		['open', '2026-11-13', 'calledIn', 'too late', false],
		['open', '2026-11-12', 'confirmed', '', false],
		['open', '2026-11-13', 'confirmed', '', true],
		['calledIn', '2026-11-20', 'confirmed', 'Scrutiny agreed', true],
		['calledIn', '2026-11-20', 'confirmed', '', false],
		['calledIn', '2026-11-20', 'referredBack', 'Reconsider transport', true],
		['confirmed', '2026-11-20', 'calledIn', 'again', false],
		['referredBack', '2026-11-20', 'confirmed', 'x', false]
	] as const)('%s on %s -> %s (note %j): allowed %s', (from, today, to, note, ok) => {
		const result = callInMove({ ...OPEN, status: from }, to, note, today);
		expect(result.ok).toBe(ok);
		if (result.ok) expect(result.callIn).toEqual({ until: OPEN.until, status: to, note });
	});

	it('says why a move is not allowed, beside the choice', () => {
		expect(callInMove(OPEN, 'confirmed', '', '2026-11-01')).toEqual({
			ok: false,
			errors: {
				to: 'While the call-in period is open (until 12 November 2026) the decision can only be called in'
			}
		});
	});
});
