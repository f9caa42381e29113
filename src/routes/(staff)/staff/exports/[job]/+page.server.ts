import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { jobsConfig } from '$lib/server/exports/config';
import { titleOf } from '$lib/server/exports/build';
import { getExport, mayFetch, progressOf, taskOf } from '$lib/server/exports/jobs';
import { requireRole } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/** An export job's progress; reloaded every few seconds while it runs. */
export const load: PageServerLoad = ({ params, locals }) => {
	const user = requireRole(locals);
	const job = getExport(getDb(), jobsConfig(), params.job);
	if (!job) error(404, 'Export not found');
	if (!mayFetch(job, user.role)) error(403, 'Your role does not allow this');
	return {
		job: {
			id: job.id,
			status: job.status,
			stepLabel: job.stepLabel,
			error: job.error,
			fileName: job.fileName,
			size: job.size,
			expiresAt: job.expiresAt
		},
		progress: progressOf(job),
		title: titleOf(taskOf(job)),
		back:
			job.kind === 'open-data'
				? { href: `/staff/engagements/${job.entityId}/report`, label: 'Back to the report' }
				: { href: `/staff/votes/${job.entityId}/results`, label: 'Back to the results' }
	};
};
