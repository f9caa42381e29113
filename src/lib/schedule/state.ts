/**
 * The schedule rule that surveys and votes share: staff set a status (draft, open, closed) and
 * may give an open activity opening and closing times, which narrow when it takes part.
 * Each tool names the states in its own words (survey/status.ts, vote/state.ts).
 */

export type ScheduleStatus = 'draft' | 'open' | 'closed';

/**
 * `scheduled`: opened by staff, before `opensAt`. `ended`: opened by staff, from `closesAt`
 * on, and not yet closed by them.
 */
export type ScheduleState = 'draft' | 'scheduled' | 'open' | 'ended' | 'closed';

export interface Schedule {
	status: ScheduleStatus;
	opensAt: Date | null;
	closesAt: Date | null;
}

/**
 * Where an activity stands at `now`. Draft and closed are what staff chose; an open one is
 * `ended` from `closesAt` on (the closing moment included) and `scheduled` before `opensAt`.
 * A closing time that has passed wins over an opening time still to come (the forms refuse a
 * close before the open, so only a hand-made row has both).
 */
export function scheduleState(s: Schedule, now: Date): ScheduleState {
	if (s.status !== 'open') return s.status;
	if (s.closesAt && now.getTime() >= s.closesAt.getTime()) return 'ended';
	if (s.opensAt && now.getTime() < s.opensAt.getTime()) return 'scheduled';
	return 'open';
}
