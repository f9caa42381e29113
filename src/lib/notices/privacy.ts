/**
 * What each activity's privacy notice says, as message keys in the order they are read. The
 * words are in messages/notices (English and Welsh); which of them apply depends on the
 * activity: what it asks, whether codes open it, and what the council has promised about
 * deleting special-category answers (UK GDPR art. 9: disability, health, ethnicity, religion).
 *
 * The promises: a vote's special-category answers are deleted once its result is recorded (the
 * count only needs them as totals: budget/publishable.ts); a survey's on a date its
 * commissioner sets. Carrying them out is the retention job's; this notice states them.
 */

export type ActivityKind = 'survey' | 'vote' | 'lab' | 'charter';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['survey', 'vote', 'lab', 'charter'];

export interface PrivacyFacts {
	kind: ActivityKind;
	/** Whether it asks special-category questions. */
	asksSpecialCategory: boolean;
	/** Whether a code from a letter can open it. */
	takesCodes: boolean;
	/** A survey's deletion date for special-category answers, once its commissioner sets one. */
	specialCategoryDeletedOn?: Date | null;
}

/** One line of the notice: a message key, with the parameters it needs. */
export interface NoticeLine {
	key: string;
	params?: Record<string, unknown>;
}

const line = (key: string, params?: Record<string, unknown>): NoticeLine =>
	params ? { key, params } : { key };

/** "What we collect", for this activity. */
export function collected(f: PrivacyFacts): NoticeLine[] {
	const lines: NoticeLine[] = [];
	if (f.kind === 'survey') {
		lines.push(line('privacy_survey_answers'), line('privacy_profile'));
		if (f.asksSpecialCategory) lines.push(line('privacy_special'));
		lines.push(line('privacy_survey_date'));
		if (f.takesCodes) lines.push(line('privacy_survey_code'));
	} else if (f.kind === 'vote') {
		lines.push(line('privacy_vote_marks'), line('privacy_profile'));
		if (f.asksSpecialCategory) lines.push(line('privacy_special'));
		lines.push(line('privacy_vote_receipt'));
		if (f.takesCodes) lines.push(line('privacy_vote_code'));
	} else if (f.kind === 'lab') {
		lines.push(line('privacy_lab_person'), line('privacy_lab_ideas'));
	} else {
		lines.push(line('privacy_charter_comments'), line('privacy_charter_signatures'));
	}
	lines.push(line('privacy_cookie'), line('privacy_address'));
	return lines;
}

/** "Why we can use it": public task, and the substantial public interest for special categories. */
export function lawfulBasis(f: PrivacyFacts): NoticeLine[] {
	return f.asksSpecialCategory
		? [line('privacy_basis'), line('privacy_basis_special')]
		: [line('privacy_basis')];
}

/** "How we use it". */
export function uses(f: PrivacyFacts): NoticeLine[] {
	const lines = [line('privacy_use')];
	if (f.kind === 'vote') lines.push(line('privacy_use_vote'));
	if (f.kind === 'lab') lines.push(line('privacy_use_lab'));
	if (f.kind === 'charter') lines.push(line('privacy_use_charter'));
	return lines;
}

/** "How long we keep it". `formatDate` writes a date in the page's language. */
export function keeping(f: PrivacyFacts, formatDate: (d: Date) => string): NoticeLine[] {
	const lines: NoticeLine[] = [];
	if (f.asksSpecialCategory && f.kind === 'vote') lines.push(line('privacy_keep_special_vote'));
	if (f.asksSpecialCategory && f.kind === 'survey')
		lines.push(
			f.specialCategoryDeletedOn
				? line('privacy_keep_special_survey_on', { date: formatDate(f.specialCategoryDeletedOn) })
				: line('privacy_keep_special_survey')
		);
	lines.push(line(f.kind === 'charter' ? 'privacy_keep_charter' : 'privacy_keep_rest'));
	lines.push(line('privacy_keep_cookie'));
	return lines;
}

/**
 * The privacy notice for the page at `pathname` (without the language prefix): an activity's
 * own notice on its pages, the general one elsewhere. Every footer links to it.
 */
export function privacyHrefFor(pathname: string): string {
	const m = /^\/(survey|vote|lab|charter)\/([^/]+)/.exec(pathname);
	if (!m) return '/privacy';
	const [, kind, ref] = m;
	// Not activities: entering a lab code, a room code, a charter signing link.
	if ((kind === 'vote' && ref === 'room') || (kind === 'charter' && ref === 'sign'))
		return '/privacy';
	return `/privacy/${kind}/${ref}`;
}

/** When the privacy notices' wording last changed (YYYY-MM-DD). */
export const PRIVACY_NOTICE_UPDATED = '2026-12-07';
