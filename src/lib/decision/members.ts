/**
 * The decision members took, and its call-in. A decision is recorded against a meeting and its
 * minute, on or after the day the vote closed (members cannot have decided on results they did
 * not have), and never in the future. Call-in then runs as a small state machine.
 */
import { isIsoDate } from '../charter/schemas';
import { formatDate } from '../i18n/format';
import type { FieldErrors } from './eqia';
import type { CallIn, CallInStatus, MembersDecision } from './record';

export interface DecisionContext {
	/** YYYY-MM-DD the vote closed (council time), or null when there is no closed vote. */
	voteClosedOn: string | null;
	/** YYYY-MM-DD today (council time). */
	today: string;
}

/** What is wrong with a members' decision, by form field (empty when it can be saved). */
export function decisionProblems(d: MembersDecision, ctx: DecisionContext): FieldErrors {
	const errors: FieldErrors = {};
	if (d.status === 'pending') return errors;
	if (!isIsoDate(d.date)) errors.date = 'Enter the date of the meeting, like 2026-11-20';
	else if (ctx.voteClosedOn && d.date < ctx.voteClosedOn)
		errors.date = `The decision date cannot be before the vote closed on ${formatDate(ctx.voteClosedOn, 'en')}`;
	else if (d.date > ctx.today) errors.date = 'The decision date cannot be in the future';
	if (!d.meeting.trim()) errors.meeting = 'Enter the meeting, like Cabinet';
	if (d.status === 'deferred') {
		if (!d.reasons.trim()) errors.reasons = 'Say why members deferred the decision';
		return errors;
	}
	if (!d.minuteRef.trim())
		errors.minuteRef = 'Enter the minute reference: a decision is recorded against its minute';
	if (d.asRecommended === null)
		errors.asRecommended = 'Choose whether members decided as recommended';
	else if (!d.asRecommended && !d.reasons.trim())
		errors.reasons = 'Say why members did not decide as recommended';
	if (!isIsoDate(d.callIn.until))
		errors.callInUntil = 'Enter the last day the decision can be called in, like 2026-11-27';
	else if (isIsoDate(d.date) && d.callIn.until <= d.date)
		errors.callInUntil = 'The call-in period must end after the decision date';
	return errors;
}

/**
 * The decision as saved: a new decision (another status, date or minute) starts its call-in
 * again, since a call-in is of one decision.
 */
export function withDecision(old: MembersDecision, next: MembersDecision): MembersDecision {
	const same =
		old.status === next.status && old.date === next.date && old.minuteRef === next.minuteRef;
	return {
		...next,
		callIn: same
			? { ...old.callIn, until: next.callIn.until }
			: { until: next.callIn.until, status: 'open', note: '' }
	};
}

/** The call-in as readers see it: `lapsed` is open with the period over and nobody calling it in. */
export type CallInState = CallInStatus | 'lapsed';

export function callInState(c: CallIn, today: string): CallInState {
	if (c.status === 'open' && c.until && today > c.until) return 'lapsed';
	return c.status;
}

export const CALL_IN_STATE_LABELS: Record<CallInState, string> = {
	open: 'Open for call-in',
	lapsed: 'Call-in period over: not called in',
	calledIn: 'Called in by scrutiny',
	confirmed: 'Confirmed',
	referredBack: 'Referred back to members'
};

/** Which call-in states can become which, and what each move needs. */
const MOVES: Record<CallInState, CallInStatus[]> = {
	open: ['calledIn'],
	lapsed: ['confirmed'],
	calledIn: ['confirmed', 'referredBack'],
	confirmed: [],
	referredBack: []
};

/**
 * Moves a published decision's call-in on: called in while the period is open; confirmed once
 * the period is over without a call-in, or after scrutiny has looked at it; referred back after
 * a call-in (members then decide again, in a new version). A call-in or its outcome needs a note.
 */
export function callInMove(
	c: CallIn,
	to: CallInStatus,
	note: string,
	today: string
): { ok: true; callIn: CallIn } | { ok: false; errors: FieldErrors } {
	const from = callInState(c, today);
	if (!MOVES[from].includes(to)) {
		const why: Record<CallInState, string> = {
			open: `While the call-in period is open (until ${formatDate(c.until, 'en')}) the decision can only be called in`,
			lapsed: 'The call-in period is over, so the decision can only be confirmed',
			calledIn: 'A called-in decision can be confirmed or referred back',
			confirmed: 'A confirmed decision does not change: record a new decision in a new version',
			referredBack: 'Members must decide again: record their new decision in a new version'
		};
		return { ok: false, errors: { to: why[from] } };
	}
	if (to !== 'confirmed' || from === 'calledIn') {
		if (!note.trim())
			return {
				ok: false,
				errors: {
					note:
						to === 'calledIn'
							? 'Say who called the decision in, and why'
							: 'Say what scrutiny concluded'
				}
			};
	}
	return { ok: true, callIn: { until: c.until, status: to, note: note.trim() } };
}
