import { m } from '$lib/paraglide/messages';

/** What residents call each kind of activity, in the page's language. */
export const ACTIVITY_KIND_LABELS = {
	survey: m.activity_kind_survey,
	vote: m.activity_kind_vote,
	lab: m.activity_kind_lab,
	charter: m.activity_kind_charter
} as const;
