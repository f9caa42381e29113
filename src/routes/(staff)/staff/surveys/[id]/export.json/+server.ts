import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as exports from '$lib/server/survey/exports';
import { surveyOf, weightingOf } from '../../staff';
import type { RequestHandler } from './$types';

/** The analysis, small cells suppressed, as JSON. */
export const GET: RequestHandler = ({ params, locals, url }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	const s = surveyOf(params.id);
	const data = exports.analysisExport(getDb(), actorOf(user), s, 'json', weightingOf(url));
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="survey-${s.id}-analysis.json"`,
			'Cache-Control': 'no-store'
		}
	});
};
