import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { answerText, presentPage } from '$lib/survey/present';
import { keepVisibleAnswers, visibleQuestions } from '$lib/survey/show-if';
import { buildPages } from '$lib/survey/template';
import { presentContext } from '$lib/server/survey/labels';
import * as responses from '$lib/server/survey/responses';
import { isRefusal, type RefusalParams } from '$lib/server/command-refusal';
import { refused } from '$lib/server/refusal';
import { answering, href, locale, surveyHead } from '../../resident';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, cookies, url }) => {
	const { db, s, draft } = answering(params.id, cookies, url);
	const pages = buildPages(s.definition);
	const reach = responses.frontier(pages, draft.answers, draft.lastPage);
	if (reach < pages.length) redirect(303, href(s.id, `/page/${reach + 1}`));
	const lang = locale();
	const ctx = presentContext(db, lang);
	const answers = keepVisibleAnswers(pages, draft.answers);
	const sections = pages.flatMap((page, index) => {
		const visible = visibleQuestions(page, answers);
		if (visible.length === 0) return [];
		const shown = presentPage(page, index, ctx, visible);
		return [
			{
				n: index + 1,
				title: shown.title,
				href: href(s.id, `/page/${index + 1}`),
				rows: shown.questions.map((q) => ({
					id: q.id,
					label: q.label,
					labelLang: q.labelLang,
					answer: answerText(q, answers[q.id]) ?? null
				}))
			}
		];
	});
	return { survey: surveyHead(s, lang), sections };
};

export const actions: Actions = {
	submit: ({ params, cookies, url }) => {
		const { db, s, participant, draft } = answering(params.id, cookies, url);
		const entry = responses.entryFor(db, s, participant);
		if (!entry.allowed) return fail(400, { errors: { _: m.survey_code_used() } });
		/** The resident's words for each refusal; sent already (another tab) goes to the end. */
		const say: Record<
			Exclude<responses.SubmitReason, 'submitted'>,
			(p: RefusalParams) => string
		> = {
			codeUsed: m.survey_code_used,
			closed: m.survey_err_closed,
			// The first page with an answer missing, by its title (refused by `page-<n>`).
			missing: (p) => {
				const index = Number(p.pageIndex);
				const page = buildPages(s.definition)[index];
				const title = presentPage(page, index, presentContext(db, locale())).title;
				return m.survey_err_incomplete({ page: title });
			}
		};
		try {
			responses.submitDraft(db, s, draft.id, entry);
		} catch (e) {
			if (!isRefusal(e, 'submitted')) return refused(e, {}, { say });
		}
		redirect(303, href(s.id, '/done'));
	}
};
