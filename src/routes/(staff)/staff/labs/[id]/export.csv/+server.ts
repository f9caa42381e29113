import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { csvOf, exportBoard } from '$lib/server/lab/export';
import { labIdOf } from '../lab.server';
import type { RequestHandler } from './$types';

/** The whole board as CSV, audit-logged as an export. */
export const GET: RequestHandler = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
	const exported = exportBoard(getDb(), actorOf(user), labIdOf(params.id), 'csv');
	if (!exported) error(404, 'Lab not found');
	return new Response(csvOf(exported.rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="lab-${exported.lab.id}-${exported.lab.joinCode}-board.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
