import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { openDataZip } from '$lib/server/report/open-data';
import { engagementReport } from '$lib/server/report/report';
import type { RequestHandler } from './$types';

/** GET .../report/open-data.zip: anonymised tables, the vote to recount, the rules, a README. */
export const GET: RequestHandler = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
	const db = getDb();
	const report = engagementReport(db, Number(params.id));
	if (!report) error(404, 'Engagement not found');
	const zip = openDataZip(db, actorOf(user), report, locals.councilName);
	return new Response(new Uint8Array(zip), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="open-data-engagement-${report.engagement.id}.zip"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
