/** Whether a survey takes answers now: its status as staff set it, and its dates. */
import { scheduleState, type Schedule, type ScheduleStatus } from '../schedule/state';

export type SurveyStatus = ScheduleStatus;
/** `scheduled`: opened by staff, but its opening time has not come yet. */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

export type SurveyTiming = Schedule;

/**
 * Draft and closed are what staff chose; an open survey is `scheduled` before `opensAt` and
 * `closed` from `closesAt` on: a survey has no `ended` of its own, since nothing is keyed late.
 */
export function surveyState(s: SurveyTiming, now: Date): SurveyState {
	const state = scheduleState(s, now);
	return state === 'ended' ? 'closed' : state;
}

export const STATE_LABELS: Record<SurveyState, string> = {
	draft: 'Draft',
	scheduled: 'Scheduled',
	open: 'Open',
	closed: 'Closed'
};
