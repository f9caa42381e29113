import { getDb } from '$lib/server/db';
import * as catalogue from '$lib/server/catalogue';
import { councilDay } from '$lib/server/decision/evidence';
import * as records from '$lib/server/decision/records';
import { engagementIdOf } from './record.server';
import type { LayoutServerLoad } from './$types';

/**
 * The record as every page of it shows it: the version being worked on (the draft while there
 * is one, else the one in force), the list of versions, and what the reader may do.
 */
export const load: LayoutServerLoad = ({ params, locals }) => {
	const db = getDb();
	const id = engagementIdOf(params.id);
	const record = records.getRecord(db, id);
	const role = locals.user?.role;
	const now = new Date();
	return {
		engagement: catalogue.getEngagement(db, id)!,
		record: record
			? {
					id: record.id,
					versions: record.versions.map((v) => ({
						number: v.number,
						status: v.status,
						note: v.note,
						updatedAt: v.updatedAt,
						publishedAt: v.publishedAt,
						publishedByName: v.publishedByName
					}))
				}
			: null,
		version: record ? records.workingVersion(record) : null,
		canEdit: role === 'admin' || role === 'commissioner',
		isCouncillor: role === 'councillor',
		today: councilDay(now)
	};
};
