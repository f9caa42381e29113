import { error } from '@sveltejs/kit';
import { csvFile } from '$lib/csv/csv';
import { eqiaCsvRows } from '$lib/decision/eqia';
import { getDb } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import * as records from '$lib/server/decision/records';
import { write } from '$lib/server/db/open';
import { actorOf, requireRole } from '$lib/server/guard';
import { engagementIdOf } from '../record.server';
import type { RequestHandler } from './$types';

/** The equality impact assessment of the version being worked on (or ?version=N), as CSV. */
export const GET: RequestHandler = ({ params, locals, url }) => {
	const user = requireRole(locals);
	const db = getDb();
	const id = engagementIdOf(params.id);
	const record = records.getRecord(db, id);
	const asked = url.searchParams.get('version');
	const version = asked
		? record?.versions.find((v) => v.number === Number(asked))
		: record && records.workingVersion(record);
	if (!version) error(404, 'No decision record to export');
	write(db, (tx) =>
		audit.record(tx, actorOf(user), {
			action: 'decision.export.eqia',
			entityType: 'decision',
			entityId: record!.id,
			after: { version: version.number }
		})
	);
	const name = `eqia-engagement-${id}-${version.number ? `v${version.number}` : 'draft'}.csv`;
	return new Response(csvFile(eqiaCsvRows(version.content.evidence, version.content.eqia)), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${name}"`
		}
	});
};
