/**
 * Where a vote stands at a moment, from its status and schedule. Staff open and close a vote;
 * the schedule narrows when ballots are taken: an open vote before `opensAt` is `scheduled`, and
 * after `closesAt` it has `ended` (residents see it as closed; staff may still key paper ballots
 * that arrived in time, until they close it and the official count is recorded).
 */
export type VoteState = 'draft' | 'scheduled' | 'open' | 'ended' | 'closed';

export interface VoteSchedule {
	status: 'draft' | 'open' | 'closed';
	opensAt: Date | null;
	closesAt: Date | null;
}

export function voteState(v: VoteSchedule, now: Date): VoteState {
	if (v.status === 'draft') return 'draft';
	if (v.status === 'closed') return 'closed';
	if (v.opensAt && now < v.opensAt) return 'scheduled';
	if (v.closesAt && now >= v.closesAt) return 'ended';
	return 'open';
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
