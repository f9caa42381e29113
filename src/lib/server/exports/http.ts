import { error } from '@sveltejs/kit';
import { getDb } from '../db';
import type { SessionUser } from '../session';
import { jobsConfig } from './config';
import { EXPORT_ROLES, getExport, openExport, startExport, type ExportTask } from './jobs';

/**
 * A direct download (the old addresses, kept for scripts and links): the file is built in a
 * worker like any export job, and this request waits for it without holding the server.
 */
export async function downloadNow(
	user: SessionUser,
	task: ExportTask,
	councilName: string
): Promise<Response> {
	if (!EXPORT_ROLES[task.kind].includes(user.role)) error(403, 'Your role does not allow this');
	const db = getDb();
	const cfg = jobsConfig();
	const { job, done } = startExport(db, cfg, user, task, councilName);
	const outcome = await done;
	if (outcome.status === 'failed') error(outcome.expected ? 409 : 500, outcome.message);
	const finished = getExport(db, cfg, job.id)!;
	const file = openExport(db, cfg, finished, user);
	if (!file) error(410, 'The file is no longer there: start the export again');
	return fileResponse(finished.fileName!, finished.mime!, file);
}

export function fileResponse(
	fileName: string,
	mime: string,
	file: { body: ReadableStream; size: number }
): Response {
	return new Response(file.body, {
		headers: {
			'Content-Type': mime,
			'Content-Length': String(file.size),
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'private, no-store'
		}
	});
}
