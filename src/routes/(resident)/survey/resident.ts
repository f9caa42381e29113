// What every resident survey page needs: the survey (drafts are not public), this browser's
// participant and draft, and links in the resident's language.
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { inLanguage } from '$lib/i18n/welsh';
import type { Locale } from '$lib/survey/present';
import { surveyState } from '$lib/survey/status';
import * as codes from '$lib/server/codes';
import { isRefusal } from '$lib/server/command-refusal';
import { getDb } from '$lib/server/db';
import * as responses from '$lib/server/survey/responses';
import * as surveys from '$lib/server/survey/surveys';

export function locale(): Locale {
	return getLocale() === 'cy' ? 'cy' : 'en';
}

/** The survey, or a 404 for a missing id or a survey staff have not opened yet. */
export function publicSurvey(param: string): surveys.Survey {
	const id = Number(param);
	const found = Number.isInteger(id) && id > 0 ? surveys.getSurvey(getDb(), id) : undefined;
	if (!found || found.status === 'draft') error(404, 'Survey not found');
	return found;
}

export function href(surveyId: number, path = ''): string {
	return localizeHref(`/survey/${surveyId}${path}`);
}

/**
 * Where a resident goes when the draft a page was being saved to had been sent, or had gone,
 * by then (from another tab): the thank-you page, or the survey's start. Undefined for any
 * other error, which the page throws on.
 */
export function afterDraftRefusal(e: unknown, surveyId: number): string | undefined {
	if (isRefusal(e, 'submitted')) return href(surveyId, '/done');
	if (isRefusal(e, 'missing')) return href(surveyId);
	return undefined;
}

/** The survey as every page's heading needs it: `titleLang` is 'en' for English on a Welsh page. */
export function surveyHead(s: surveys.Survey, lang: Locale) {
	const title = inLanguage(s.title, s.titleCy, lang);
	return { id: s.id, title: title.text, titleLang: title.lang };
}

/**
 * The open survey and this browser's unsubmitted draft, or a redirect to the survey's start
 * page (which explains why: closed, not started, already sent).
 */
export function answering(param: string, cookies: Cookies, url: URL) {
	const s = publicSurvey(param);
	const db = getDb();
	if (surveyState(s, new Date()) !== 'open') redirect(303, href(s.id));
	const participant = codes.participantFor(db, cookies, url.protocol === 'https:', false);
	const draft = participant ? responses.findDraft(db, s.id, participant.id) : undefined;
	if (!participant || !draft || draft.submitted) redirect(303, href(s.id));
	return { db, s, participant, draft };
}
