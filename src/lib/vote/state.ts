/**
 * Where a vote stands at a moment, from its status and schedule. Staff open and close a vote;
 * the schedule narrows when ballots are taken: an open vote before `opensAt` is `scheduled`, and
 * after `closesAt` it has `ended` (residents see it as closed; staff may still key paper ballots
 * that arrived in time, until they close it and the official count is recorded).
 */
import { scheduleState, type Schedule, type ScheduleState } from '../schedule/state';

export type VoteState = ScheduleState;

export type VoteSchedule = Schedule;

/** The shared schedule rule (schedule/state.ts): a vote's states are its states. */
export function voteState(v: VoteSchedule, now: Date): VoteState {
	return scheduleState(v, now);
}

/** Whether residents (online, kiosk, room) may cast or change a ballot now. */
export function takesBallots(state: VoteState): boolean {
	return state === 'open';
}

/** Whether staff may key paper ballots now: while open, and after the schedule ends until closed. */
export function takesPaper(state: VoteState): boolean {
	return state === 'open' || state === 'ended';
}

export const STATE_LABELS: Record<VoteState, string> = {
	draft: 'Draft',
	scheduled: 'Opens later',
	open: 'Open',
	ended: 'Voting ended, not yet closed',
	closed: 'Closed'
};
