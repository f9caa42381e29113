import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import * as results from '$lib/server/budget/results';
import * as votes from '$lib/server/budget/votes';
import { ballotWelshGaps } from '$lib/server/budget/welsh';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = async ({ params, parent }) => {
	const db = getDb();
	const { vote } = await parent();
	const proposals = votes.listProposals(db, Number(params.id));
	const segments = catalogue.listSegments(db);
	return {
		proposals,
		segments,
		official: results.officialResult(db, Number(params.id)) ?? null,
		// Everything a resident's ballot shows: the vote, its proposals, and the catalogue's names.
		welshGaps: ballotWelshGaps(db, vote, proposals)
	};
};

const ProposalRef = z.object({
	proposalId: z.coerce.number().int().min(1),
	direction: z.enum(['up', 'down']).optional()
});
const Confirm = z.object({ confirm: z.literal('yes', { error: 'Tick to confirm' }) });

function voteId(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id < 1) error(404, 'Vote not found');
	return id;
}

/** Runs one set-up change; its refusal becomes a message on the page. */
function attempt(action: string, fn: () => void) {
	try {
		fn();
	} catch (e) {
		// A refusal about the vote as a whole is shown above the form.
		return refused(e, { action }, { field: (field) => (field === 'voteId' ? '_' : field) });
	}
	return null;
}

export const actions: Actions = {
	open: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const failed = attempt('open', () => votes.openVote(getDb(), actorOf(user), voteId(params.id)));
		if (failed) return failed;
		redirect(303, `/staff/votes/${params.id}`);
	},
	close: async ({ locals, params, request }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(Confirm, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'close', errors: parsed.errors });
		const failed = attempt('close', () => {
			results.closeVote(getDb(), actorOf(user), voteId(params.id));
		});
		if (failed) return failed;
		redirect(303, `/staff/votes/${params.id}/results`);
	},
	move: async ({ locals, params, request }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(ProposalRef, await request.formData());
		if (!parsed.ok || !parsed.data.direction) error(400, 'Choose a proposal to move');
		const { proposalId, direction } = parsed.data;
		const failed = attempt('move', () =>
			votes.moveProposal(getDb(), actorOf(user), voteId(params.id), proposalId, direction)
		);
		if (failed) return failed;
		redirect(303, `/staff/votes/${params.id}#proposals`);
	},
	delete: async ({ locals, params, request }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(ProposalRef, await request.formData());
		if (!parsed.ok) error(400, 'Choose a proposal to remove');
		const failed = attempt('delete', () =>
			votes.deleteProposal(getDb(), actorOf(user), voteId(params.id), parsed.data.proposalId)
		);
		if (failed) return failed;
		redirect(303, `/staff/votes/${params.id}#proposals`);
	}
};
