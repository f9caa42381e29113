import { presentPage, type Locale } from '$lib/survey/present';
import { buildPages } from '$lib/survey/template';
import { getDb } from '$lib/server/db';
import { presentContext } from '$lib/server/survey/labels';
import { surveyOf } from '../../staff';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const s = surveyOf(params.id);
	const lang: Locale = url.searchParams.get('lang') === 'cy' ? 'cy' : 'en';
	const ctx = presentContext(getDb(), lang);
	return {
		survey: { id: s.id, title: lang === 'cy' && s.titleCy ? s.titleCy : s.title },
		lang,
		pages: buildPages(s.definition).map((page, i) => presentPage(page, i, ctx))
	};
};
