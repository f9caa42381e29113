import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as records from '$lib/server/decision/records';
import * as scrutiny from '$lib/server/decision/scrutiny';
import { engagementIdOf } from '../record.server';
import type { PageServerLoad } from './$types';

/** The record to print for a scrutiny meeting: the working version, or ?version=N. */
export const load: PageServerLoad = ({ params, url }) => {
	const db = getDb();
	const record = records.getRecord(db, engagementIdOf(params.id));
	if (!record) error(404, 'No decision record has been drafted yet');
	const asked = url.searchParams.get('version');
	const version = asked
		? record.versions.find((v) => v.number !== null && String(v.number) === asked.slice(0, 10))
		: records.workingVersion(record);
	if (!version) error(404, 'There is no such version');
	return {
		printed: version,
		items: scrutiny.listScrutiny(db, record.id),
		printedAt: new Date()
	};
};
