import { error } from '@sveltejs/kit';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import {
	prioritiesCsv,
	prioritiesJson,
	prioritiesWorkbook
} from '$lib/server/report/priorities-export';
import { engagementReport } from '$lib/server/report/report';
import type { RequestHandler } from './$types';

const TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
} as const;

/** GET .../report/priorities.xlsx | .csv | .json: the ranked priorities, audit-logged. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
	const format = params.format as keyof typeof TYPES;
	if (!(format in TYPES)) error(404, 'No such export');
	const db = getDb();
	const report = engagementReport(db, Number(params.id));
	if (!report) error(404, 'Engagement not found');
	audit.record(db, actorOf(user), {
		action: `report.export.${format}`,
		entityType: 'engagement',
		entityId: report.engagement.id,
		after: { priorities: report.priorities.length, voteDigest: report.vote?.result.digest ?? null }
	});
	const body =
		format === 'xlsx'
			? await prioritiesWorkbook(report)
			: format === 'csv'
				? prioritiesCsv(report)
				: prioritiesJson(report);
	return new Response(new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body), {
		headers: {
			'Content-Type': TYPES[format],
			'Content-Disposition': `attachment; filename="priorities-engagement-${report.engagement.id}.${format}"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
