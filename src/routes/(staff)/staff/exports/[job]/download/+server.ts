import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { jobsConfig } from '$lib/server/exports/config';
import { fileResponse } from '$lib/server/exports/http';
import { getExport, mayFetch, openExport } from '$lib/server/exports/jobs';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/** GET /staff/exports/<job>/download: the finished file, for the roles that may have it. */
export const GET: RequestHandler = ({ params, locals }) => {
	const user = requireRole(locals);
	const db = getDb();
	const cfg = jobsConfig();
	const job = getExport(db, cfg, params.job);
	if (!job) error(404, 'Export not found');
	if (!mayFetch(job, user.role)) error(403, 'Your role does not allow this');
	if (job.status === 'expired') error(410, 'This file was deleted an hour after it was made');
	const file = openExport(db, cfg, job, user);
	if (!file) error(409, 'The file is not ready');
	return fileResponse(job.fileName!, job.mime!, file);
};
