import { fail, redirect } from '@sveltejs/kit';
import { CreateAccountSchema } from '$lib/accounts/schemas';
import { parseForm } from '$lib/forms/parse';
import * as accounts from '$lib/server/accounts';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { hashPassword } from '$lib/server/password';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, 'admin');
	return { accounts: accounts.listAccounts(getDb()) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requireRole(locals, 'admin');
		const parsed = parseForm(CreateAccountSchema, await request.formData());
		const values = {
			email: parsed.values.email,
			name: parsed.values.name,
			role: parsed.values.role
		};
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const { password, ...rest } = parsed.data;
		const passwordHash = await hashPassword(password);
		try {
			accounts.createAccount(getDb(), actorOf(user), { ...rest, passwordHash });
		} catch (e) {
			return refused(e, { values });
		}
		redirect(303, '/staff/accounts');
	}
};
