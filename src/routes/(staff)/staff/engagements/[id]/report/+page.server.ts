import { error, redirect } from '@sveltejs/kit';
import { getEngagement } from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { jobsConfig } from '$lib/server/exports/config';
import { exportInProgress, startExport, type ExportTask } from '$lib/server/exports/jobs';
import { requireRole } from '$lib/server/guard';
import { methodNotes } from '$lib/server/report/priorities-export';
import { engagementReport } from '$lib/server/report/report';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const report = engagementReport(getDb(), Number(params.id));
	if (!report) error(404, 'Engagement not found');
	return { report, notes: methodNotes(report), generatedAt: new Date() };
};

export const actions: Actions = {
	/** Starts building the open-data ZIP and shows its progress (a second click rejoins it). */
	openData: ({ params, locals }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const db = getDb();
		const id = Number(params.id);
		if (!getEngagement(db, id)) error(404, 'Engagement not found');
		const task: ExportTask = { kind: 'open-data', format: 'zip', entityId: id };
		const job =
			exportInProgress(db, user, task) ??
			startExport(db, jobsConfig(), user, task, locals.councilName).job;
		redirect(303, `/staff/exports/${job.id}`);
	}
};
