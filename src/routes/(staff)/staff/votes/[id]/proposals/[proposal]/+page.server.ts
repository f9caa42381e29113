import { error, fail, redirect } from '@sveltejs/kit';
import * as votes from '$lib/server/budget/votes';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { readProposalForm } from '../form.server';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ locals, params }) => {
	requireRole(locals, 'admin', 'commissioner');
	const db = getDb();
	const p = votes.getProposal(db, Number(params.id), Number(params.proposal));
	if (!p) error(404, 'Proposal not found');
	return {
		proposal: p,
		services: catalogue.listServices(db),
		segments: catalogue.listSegments(db),
		initial: {
			title: p.title,
			titleCy: p.titleCy ?? '',
			description: p.description,
			descriptionCy: p.descriptionCy ?? '',
			easyRead: p.easyRead ?? '',
			easyReadCy: p.easyReadCy ?? '',
			kind: p.kind,
			amount: String(p.amount / 100),
			serviceId: p.serviceId,
			affects: p.affects,
			imageAlt: p.imageAlt ?? ''
		}
	};
};

/** A refusal about the vote as a whole is shown above the form. */
function refusedHere(e: unknown, values: Record<string, string | string[]>) {
	return refused(e, { values }, { field: (field) => (field === 'voteId' ? '_' : field) });
}

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const read = await readProposalForm(request);
		if (!read.ok) return fail(400, { values: read.values, errors: read.errors });
		try {
			votes.updateProposal(
				getDb(),
				actorOf(user),
				Number(params.id),
				Number(params.proposal),
				read.input
			);
		} catch (e) {
			return refusedHere(e, read.values);
		}
		redirect(303, `/staff/votes/${params.id}#proposals`);
	},
	delete: async ({ locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		try {
			votes.deleteProposal(getDb(), actorOf(user), Number(params.id), Number(params.proposal));
		} catch (e) {
			return refusedHere(e, {});
		}
		redirect(303, `/staff/votes/${params.id}#proposals`);
	}
};
