import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm } from '$lib/forms/parse';
import { rankItems } from '$lib/lab/ranking';
import { shortlistSchema } from '$lib/lab/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as moderation from '$lib/server/lab/moderation';
import * as proposals from '$lib/server/lab/proposals';
import { refused } from '$lib/server/refusal';
import { labIdOf, loadedLab } from '../lab.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ params, url, locals }) => {
	const db = getDb();
	const loaded = loadedLab(db, params.id);
	const made = proposals.listLabProposals(db, loaded.lab.id);
	return {
		lab: {
			id: loaded.lab.id,
			title: loaded.lab.title,
			phase: loaded.lab.session.phase,
			engagementId: loaded.lab.engagementId
		},
		engagement: catalogue.getEngagement(db, loaded.lab.engagementId)!,
		ranking: rankItems(loaded.board, loaded.dots, loaded.members),
		entries: proposals.shortlistOf(loaded, made),
		votes: proposals.listDraftVotes(db, loaded.lab.engagementId, locals.user!, loaded.lab.id),
		made: Number(url.searchParams.get('made')) || null
	};
};

const voteTitleSchema = z.object({
	title: z
		.string({ error: 'Give the vote a title.' })
		.trim()
		.min(3, 'Give the vote a title of at least 3 characters.')
		.max(120, 'Keep the title to 120 characters.')
});

function toggle(kind: 'shortlist' | 'unshortlist') {
	return async ({ request, locals, params }: RequestEvent) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const labId = labIdOf(params.id!);
		const parsed = parseForm(shortlistSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: kind, values: parsed.values, errors: parsed.errors });
		try {
			moderation.moderate(getDb(), actorOf(user), labId, { type: kind, item: parsed.data.item });
		} catch (e) {
			return refused(e, { action: kind, values: parsed.values });
		}
		redirect(
			303,
			`/staff/labs/${labId}/shortlist#rank-${parsed.data.item.type}-${parsed.data.item.id}`
		);
	};
}

export const actions: Actions = {
	shortlist: toggle('shortlist'),
	unshortlist: toggle('unshortlist'),
	createVote: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const db = getDb();
		const loaded = loadedLab(db, params.id);
		const parsed = parseForm(voteTitleSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'createVote', values: parsed.values, errors: parsed.errors });
		proposals.createDraftVote(db, actorOf(user), loaded.lab.id, parsed.data.title);
		redirect(303, `/staff/labs/${loaded.lab.id}/shortlist#proposals`);
	}
};
