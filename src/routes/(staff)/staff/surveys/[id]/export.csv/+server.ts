import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as exports from '$lib/server/survey/exports';
import { surveyOf } from '../../staff';
import type { RequestHandler } from './$types';

/** The responses as CSV; special-category columns only with `special=include` (the form warns). */
export const GET: RequestHandler = ({ params, locals, url }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	const s = surveyOf(params.id);
	const includeSpecial = url.searchParams.get('special') === 'include';
	const csv = exports.responsesCsv(getDb(), actorOf(user), s, { includeSpecial });
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="survey-${s.id}-responses${includeSpecial ? '-with-special-category' : ''}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
