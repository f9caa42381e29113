import { fail, redirect } from '@sveltejs/kit';
import { RulesFormSchema } from '$lib/budget/schemas';
import { rulesToForm } from '$lib/vote/rules';
import { parseForm } from '$lib/forms/parse';
import * as votes from '$lib/server/budget/votes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = async ({ locals, parent }) => {
	requireRole(locals, 'admin', 'commissioner');
	const { vote } = await parent();
	const initial = rulesToForm(vote.rules);
	// Until rules are saved the limit on don't-wants is left blank: it must be chosen, never a
	// silent default (counting.md).
	if (!vote.rulesSet) initial.maxDontWants = '';
	const savings = votes.listProposals(getDb(), vote.id).filter((p) => p.kind === 'saving').length;
	return {
		initial,
		savings,
		canVerify: votes.canVerify(getDb(), vote)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const parsed = parseForm(RulesFormSchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		try {
			votes.saveRules(getDb(), actorOf(user), Number(params.id), parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values });
		}
		redirect(303, `/staff/votes/${params.id}`);
	}
};
