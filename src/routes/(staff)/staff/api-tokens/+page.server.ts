import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm, text } from '$lib/forms/parse';
import * as apiTokens from '$lib/server/api-tokens';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const IssueSchema = z.object({ name: text('a name for the token', 2, 80) });
const RevokeSchema = z.object({ id: z.coerce.number().int().min(1) });

export const load: PageServerLoad = () => ({ tokens: apiTokens.listTokens(getDb()) });

export const actions: Actions = {
	issue: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin');
		const parsed = parseForm(IssueSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'issue', values: parsed.values, errors: parsed.errors });
		const { token } = apiTokens.issueToken(getDb(), actorOf(user), parsed.data.name);
		return { action: 'issue', issued: { name: parsed.data.name, token } };
	},
	revoke: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin');
		const parsed = parseForm(RevokeSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'revoke', values: parsed.values, errors: parsed.errors });
		apiTokens.revokeToken(getDb(), actorOf(user), parsed.data.id);
		return { action: 'revoke', revoked: parsed.data.id };
	}
};
