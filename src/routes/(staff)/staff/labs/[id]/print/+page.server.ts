import { error } from '@sveltejs/kit';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { exportBoard } from '$lib/server/lab/export';
import { labIdOf } from '../lab.server';
import type { PageServerLoad } from './$types';

/** The printable board; opening it is an export, so it is audit-logged like the CSV. */
export const load: PageServerLoad = ({ params, locals }) => {
	const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
	const db = getDb();
	const exported = exportBoard(db, actorOf(user), labIdOf(params.id), 'print');
	if (!exported) error(404, 'Lab not found');
	const { lab, rows, members, dotsPlaced } = exported;
	return {
		lab: {
			id: lab.id,
			title: lab.title,
			joinCode: lab.joinCode,
			prompts: lab.prompts,
			phase: lab.session.phase,
			createdAt: lab.createdAt
		},
		engagement: catalogue.getEngagement(db, lab.engagementId)!,
		rows,
		people: members.length,
		dotsPlaced,
		printedAt: new Date()
	};
};
