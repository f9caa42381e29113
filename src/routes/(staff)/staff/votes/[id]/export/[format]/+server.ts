import { error } from '@sveltejs/kit';
import * as exportsTool from '$lib/server/budget/exports';
import { VoteError } from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

const FORMATS = Object.keys(exportsTool.EXPORT_TYPES) as exportsTool.ExportFormat[];

/** CSV, Excel, JSON or Pabulib of the official count; each download is audit-logged. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	const format = params.format as exportsTool.ExportFormat;
	if (!FORMATS.includes(format)) error(404, 'No such export');
	let data: exportsTool.ExportData;
	try {
		data = exportsTool.prepareExport(
			getDb(),
			actorOf(user),
			Number(params.id),
			format,
			locals.councilName
		);
	} catch (e) {
		if (e instanceof VoteError) error(409, e.message);
		throw e;
	}
	const body =
		format === 'csv'
			? exportsTool.csvExport(data)
			: format === 'xlsx'
				? new Uint8Array(await exportsTool.xlsxExport(data))
				: format === 'json'
					? exportsTool.jsonExport(data)
					: exportsTool.pabulibExport(data);
	const { mime, ext } = exportsTool.EXPORT_TYPES[format];
	return new Response(body, {
		headers: {
			'Content-Type': mime,
			'Content-Disposition': `attachment; filename="vote-${data.vote.id}-count.${ext}"`,
			'Cache-Control': 'no-store'
		}
	});
};
