import { error, fail, redirect } from '@sveltejs/kit';
import { pageValues, presentPage } from '$lib/survey/present';
import { parsePageAnswers, readPageForm } from '$lib/survey/schemas';
import { keepVisibleAnswers, visibleQuestions } from '$lib/survey/show-if';
import { buildPages, type Answers, type Page } from '$lib/survey/template';
import { presentContext, residentErrors } from '$lib/server/survey/labels';
import * as responses from '$lib/server/survey/responses';
import { afterDraftRefusal, answering, href, locale, surveyHead } from '../../../resident';
import type { Actions, PageServerLoad } from './$types';

/** Indexes of the pages that have a question to show, given the answers so far. */
function shownPages(pages: readonly Page[], answers: Answers): number[] {
	const kept = keepVisibleAnswers(pages, answers);
	return pages.flatMap((p, i) => (visibleQuestions(p, kept).length > 0 ? [i] : []));
}

function pageIndex(param: string, count: number): number {
	const n = Number(param);
	if (!Number.isInteger(n) || n < 1 || n > count) error(404, 'Page not found');
	return n - 1;
}

export const load: PageServerLoad = ({ params, cookies, url }) => {
	const { db, s, draft } = answering(params.id, cookies, url);
	const pages = buildPages(s.definition);
	const index = pageIndex(params.n, pages.length);
	const reach = responses.frontier(pages, draft.answers, draft.lastPage);
	if (index > reach)
		redirect(303, reach >= pages.length ? href(s.id, '/check') : href(s.id, `/page/${reach + 1}`));
	const shown = shownPages(pages, draft.answers);
	if (!shown.includes(index)) {
		const next = shown.find((i) => i > index);
		redirect(303, next === undefined ? href(s.id, '/check') : href(s.id, `/page/${next + 1}`));
	}
	const lang = locale();
	const page = presentPage(
		pages[index],
		index,
		presentContext(db, lang),
		visibleQuestions(pages[index], keepVisibleAnswers(pages, draft.answers))
	);
	const before = shown.filter((i) => i < index);
	return {
		survey: surveyHead(s, lang),
		page,
		values: pageValues(page, draft.answers),
		progress: { current: before.length + 1, total: shown.length },
		backHref: before.length ? href(s.id, `/page/${before[before.length - 1] + 1}`) : href(s.id)
	};
};

export const actions: Actions = {
	default: async ({ params, cookies, url, request }) => {
		// Came from "Change" on the check page: go back there after saving.
		const changing = url.searchParams.has('change');
		const { db, s, draft } = answering(params.id, cookies, url);
		const pages = buildPages(s.definition);
		const index = pageIndex(params.n, pages.length);
		const form = await request.formData();
		const saveForLater = form.get('intent') === 'save';
		const input = readPageForm(pages[index], form);
		// Saving for later may leave required questions blank; they are asked for at the end.
		const page = saveForLater
			? {
					...pages[index],
					questions: pages[index].questions.map((q) => ({ ...q, required: false }))
				}
			: pages[index];
		const parsed = parsePageAnswers(page, input, draft.answers);
		if (!parsed.success)
			return fail(400, { values: input, errors: residentErrors(parsed.errors, locale()) });
		let saved;
		try {
			saved = responses.savePage(db, s, draft.id, index, parsed.answers);
		} catch (e) {
			// Sent from another tab, or gone, between showing the page and saving it.
			const to = afterDraftRefusal(e, s.id);
			if (to) redirect(303, to);
			throw e;
		}
		if (saveForLater) redirect(303, href(s.id, '/saved'));
		if (changing && responses.frontier(pages, saved.answers, saved.lastPage) >= pages.length)
			redirect(303, href(s.id, '/check'));
		const next = shownPages(pages, saved.answers).find((i) => i > index);
		redirect(303, next === undefined ? href(s.id, '/check') : href(s.id, `/page/${next + 1}`));
	}
};
