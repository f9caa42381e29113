/** Whether a survey takes answers now: its status as staff set it, and its dates. */

export type SurveyStatus = 'draft' | 'open' | 'closed';
/** `scheduled`: opened by staff, but its opening time has not come yet. */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed';

export interface SurveyTiming {
	status: SurveyStatus;
	opensAt: Date | null;
	closesAt: Date | null;
}

/**
 * Draft and closed are what staff chose; an open survey is `scheduled` before `opensAt` and
 * `closed` from `closesAt` on.
 */
export function surveyState(s: SurveyTiming, now: Date): SurveyState {
	if (s.status !== 'open') return s.status;
	if (s.closesAt && now.getTime() >= s.closesAt.getTime()) return 'closed';
	if (s.opensAt && now.getTime() < s.opensAt.getTime()) return 'scheduled';
	return 'open';
}

export const STATE_LABELS: Record<SurveyState, string> = {
	draft: 'Draft',
	scheduled: 'Scheduled',
	open: 'Open',
	closed: 'Closed'
};
