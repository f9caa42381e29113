import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { methodNotes } from '$lib/server/report/priorities-export';
import { engagementReport } from '$lib/server/report/report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const report = engagementReport(getDb(), Number(params.id));
	if (!report) error(404, 'Engagement not found');
	return { report, notes: methodNotes(report), generatedAt: new Date() };
};
