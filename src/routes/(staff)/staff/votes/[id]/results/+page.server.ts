import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { moneyOf } from '$lib/budget/money';
import { EXPORT_TYPES, type ExportFormat } from '$lib/server/budget/exports';
import * as results from '$lib/server/budget/results';
import { getDb } from '$lib/server/db';
import { jobsConfig } from '$lib/server/exports/config';
import { exportInProgress, startExport, type ExportTask } from '$lib/server/exports/jobs';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

/**
 * The official count once closed; before that a provisional count, for staff only. Everything a
 * commissioner needs to decide, without the area and channel tallies (those are in the exports).
 */
export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const voteId = Number(params.id);
	const r = results.countVote(db, voteId);
	return {
		result: {
			summary: r.summary,
			ballots: r.ballots,
			...moneyOf(r),
			overrideOrder: r.overrideOrder,
			dependsOnOpen: r.dependsOnOpen,
			assurance: r.assurance,
			digest: r.digest,
			proposals: r.proposals.map((p) => ({
				id: p.id,
				title: p.title,
				kind: p.kind,
				amount: p.amount,
				rank: p.rank,
				decision: p.decision,
				majorityDecision: p.majorityDecision,
				protection: p.protection,
				flags: p.flags,
				knockOn: p.knockOn,
				dependsOnOpen: p.dependsOnOpen,
				overall: p.tallies.overall,
				reasons: p.reasons
			}))
		},
		official: results.officialResult(db, voteId) ?? null,
		// Archived segments too: an old ballot may name one.
		segments: results.countSegments(db)
	};
};

const ExportForm = z.object({
	format: z.enum(
		Object.keys(EXPORT_TYPES) as [ExportFormat, ...ExportFormat[]],
		'Choose an export.'
	)
});

export const actions: Actions = {
	/** Starts building an export of the official count and shows its progress. */
	export: async ({ locals, params, request }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const db = getDb();
		const voteId = Number(params.id);
		const parsed = ExportForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { errors: { _: parsed.error.issues[0].message } });
		if (!results.officialResult(db, voteId)) error(409, 'Exports are of the official count');
		const task: ExportTask = { kind: 'vote', format: parsed.data.format, entityId: voteId };
		const job =
			exportInProgress(db, user, task) ??
			startExport(db, jobsConfig(), user, task, locals.councilName).job;
		redirect(303, `/staff/exports/${job.id}`);
	},
	recount: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		try {
			const r = results.recount(getDb(), actorOf(user), Number(params.id));
			return {
				recount: { matches: r.matches, digest: r.fresh.digest, official: r.official.digest }
			};
		} catch (e) {
			return refused(e, {}, { field: () => '_' });
		}
	}
};
