import { redirect } from '@sveltejs/kit';
import { localText } from '$lib/survey/present';
import { surveyState } from '$lib/survey/status';
import { buildPages } from '$lib/survey/template';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import * as responses from '$lib/server/survey/responses';
import { href, locale, publicSurvey, titleOf } from '../resident';
import type { Actions, PageServerLoad } from './$types';

/** A rough guide: a minute and a half per service, half a minute per own question, two for the profile. */
function minutes(serviceCount: number, customCount: number): number {
	return Math.max(3, Math.round(serviceCount * 1.5 + customCount * 0.5 + 2));
}

export const load: PageServerLoad = ({ params, cookies, url }) => {
	const db = getDb();
	const s = publicSurvey(params.id);
	const lang = locale();
	const participant = codes.participantFor(db, cookies, url.protocol === 'https:', false);
	const draft = participant ? responses.findDraft(db, s.id, participant.id) : undefined;
	const elsewhere =
		!draft && participant?.codeId
			? responses.findDraftByCode(db, s.id, participant.codeId)
			: undefined;
	const entry = responses.entryFor(db, s, participant);
	return {
		survey: {
			id: s.id,
			title: titleOf(s, lang),
			description: localText({ en: s.description, cy: s.descriptionCy ?? '' }, lang),
			state: surveyState(s, new Date()),
			opensAt: s.opensAt,
			closesAt: s.closesAt,
			published: s.publishedAt !== null
		},
		minutes: minutes(s.definition.serviceIds.length, s.definition.customQuestions.length),
		submitted: draft?.submitted ?? false,
		started: (draft !== undefined && !draft.submitted) || elsewhere !== undefined,
		entry: entry.ok ? ('ok' as const) : entry.reason
	};
};

export const actions: Actions = {
	start: ({ params, cookies, url }) => {
		const db = getDb();
		const s = publicSurvey(params.id);
		if (surveyState(s, new Date()) !== 'open') redirect(303, href(s.id));
		const participant = codes.participantFor(db, cookies, url.protocol === 'https:', true)!;
		if (!responses.entryFor(db, s, participant).ok) redirect(303, href(s.id));
		const draft = responses.startDraft(db, s, participant);
		if (draft.submitted) redirect(303, href(s.id));
		const pages = buildPages(s.definition);
		const reach = responses.frontier(pages, draft.answers, draft.lastPage);
		redirect(303, reach >= pages.length ? href(s.id, '/check') : href(s.id, `/page/${reach + 1}`));
	}
};
