import { redirect } from '@sveltejs/kit';
import { inLanguage } from '$lib/i18n/welsh';
import { earlierAnswers } from '$lib/participation/reentry';
import { surveyState } from '$lib/survey/status';
import { buildPages } from '$lib/survey/template';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import * as responses from '$lib/server/survey/responses';
import { href, locale, publicSurvey, surveyHead } from '../resident';
import type { Actions, PageServerLoad } from './$types';

/** Who the browser's code was printed for (null: no code). */
function codeUnit(db: ReturnType<typeof getDb>, codeId: number | null) {
	return codeId === null ? null : (codes.unitOf(db, codeId) ?? 'household');
}

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
		// Started with this code on another device: say so; its answers only if they ask, and
		// never for a household's shared code.
		elsewhere: elsewhere ? earlierAnswers(codeUnit(db, participant?.codeId ?? null)) : null,
		survey: {
			...surveyHead(s, lang),
			description: inLanguage(s.description, s.descriptionCy, lang),
			state: surveyState(s, new Date()),
			opensAt: s.opensAt,
			closesAt: s.closesAt,
			published: s.publishedAt !== null
		},
		minutes: minutes(s.definition.serviceIds.length, s.definition.customQuestions.length),
		submitted: draft?.submitted ?? false,
		started: draft !== undefined && !draft.submitted,
		entry: entry.allowed ? ('ok' as const) : entry.reason
	};
};

export const actions: Actions = {
	start: async ({ params, cookies, url, request }) => {
		const db = getDb();
		const s = publicSurvey(params.id);
		if (surveyState(s, new Date()) !== 'open') redirect(303, href(s.id));
		const participant = codes.participantFor(db, cookies, url.protocol === 'https:', true)!;
		if (!responses.entryFor(db, s, participant).allowed) redirect(303, href(s.id));
		// Carrying on with answers started on another device, only when asked and allowed.
		const takeOver =
			(await request.formData()).get('takeOver') === 'yes' &&
			earlierAnswers(codeUnit(db, participant.codeId)) === 'askFirst';
		const draft = responses.startDraft(db, s, participant, new Date(), { takeOver });
		if (draft.submitted) redirect(303, href(s.id));
		const pages = buildPages(s.definition);
		const reach = responses.frontier(pages, draft.answers, draft.lastPage);
		redirect(303, reach >= pages.length ? href(s.id, '/check') : href(s.id, `/page/${reach + 1}`));
	}
};
