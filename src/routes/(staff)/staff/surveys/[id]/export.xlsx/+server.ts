import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as exports from '$lib/server/survey/exports';
import { surveyOf, weightingOf } from '../../staff';
import type { RequestHandler } from './$types';

/** The analysis tables, small cells suppressed, as an Excel workbook. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	const s = surveyOf(params.id);
	const data = exports.analysisExport(getDb(), actorOf(user), s, 'xlsx', weightingOf(url));
	const body = await exports.analysisWorkbook(data);
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="survey-${s.id}-analysis.xlsx"`,
			'Cache-Control': 'no-store'
		}
	});
};
