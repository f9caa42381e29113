import { error } from '@sveltejs/kit';
import * as exportsTool from '$lib/server/budget/exports';
import { isRefusal } from '$lib/server/command-refusal';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/** The printable report: the official count for a committee paper. Audit-logged like an export. */
export const load: PageServerLoad = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner');
	try {
		const d = exportsTool.prepareExport(
			getDb(),
			actorOf(user),
			Number(params.id),
			'report',
			locals.councilName
		);
		return {
			result: d.result,
			segments: Object.fromEntries(d.labels.segments),
			areas: Object.fromEntries(d.labels.areas)
		};
	} catch (e) {
		if (isRefusal(e)) error(409, e.message);
		throw e;
	}
};
