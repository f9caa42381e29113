import { error } from '@sveltejs/kit';
import * as exportsTool from '$lib/server/budget/exports';
import { downloadNow } from '$lib/server/exports/http';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

const FORMATS = Object.keys(exportsTool.EXPORT_TYPES) as exportsTool.ExportFormat[];

/**
 * CSV, Excel, JSON or Pabulib of the official count; each download is audit-logged. Built in a
 * worker (100,000 ballots take a while); this request waits for the file.
 */
export const GET: RequestHandler = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	const format = params.format as exportsTool.ExportFormat;
	if (!FORMATS.includes(format)) error(404, 'No such export');
	return downloadNow(
		user,
		{ kind: 'vote', format, entityId: Number(params.id) },
		locals.councilName
	);
};
