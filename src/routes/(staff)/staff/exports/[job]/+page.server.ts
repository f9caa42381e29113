import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { jobsConfig } from '$lib/server/exports/config';
import { getExport, mayFetch, progressOf } from '$lib/server/exports/jobs';
import { requireRole } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

const TITLES: Record<string, string> = {
	'open-data zip': 'Open data (ZIP)',
	'vote csv': 'Vote count (CSV)',
	'vote xlsx': 'Vote count (Excel)',
	'vote json': 'Vote count (JSON)',
	'vote pb': 'Vote count (Pabulib)'
};

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
		title: TITLES[`${job.kind} ${job.format}`] ?? 'Export',
		back:
			job.kind === 'open-data'
				? { href: `/staff/engagements/${job.entityId}/report`, label: 'Back to the report' }
				: { href: `/staff/votes/${job.entityId}/results`, label: 'Back to the results' }
	};
};
