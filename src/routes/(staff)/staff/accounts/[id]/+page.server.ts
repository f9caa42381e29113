import { error, fail, redirect } from '@sveltejs/kit';
import { ChangePasswordSchema, UpdateAccountSchema } from '$lib/accounts/schemas';
import { parseForm } from '$lib/forms/parse';
import * as accounts from '$lib/server/accounts';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { hashPassword } from '$lib/server/password';
import { makeDeviceCookie, setDeviceCookie } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

function accountOf(param: string) {
	const account = accounts.listAccounts(getDb()).find((a) => a.id === Number(param));
	if (!account) error(404, 'Account not found');
	return account;
}

export const load: PageServerLoad = ({ params }) => ({ account: accountOf(params.id) });

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin');
		const account = accountOf(params.id);
		const parsed = parseForm(UpdateAccountSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'update', values: parsed.values, errors: parsed.errors });
		try {
			accounts.updateAccount(getDb(), actorOf(user), account.id, parsed.data);
		} catch (e) {
			return refused(e, { action: 'update', values: parsed.values });
		}
		redirect(303, '/staff/accounts');
	},
	password: async ({ request, locals, params, cookies, url }) => {
		const user = requireRole(locals, 'admin');
		const account = accountOf(params.id);
		const parsed = parseForm(ChangePasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { action: 'password', values: {}, errors: parsed.errors });
		const db = getDb();
		const own = account.id === user.id;
		const now = new Date();
		// An admin changing their own password stays signed in here; everywhere else ends.
		accounts.setPassword(
			db,
			actorOf(user),
			account.id,
			await hashPassword(parsed.data.password),
			now,
			own ? locals.session?.id : undefined
		);
		if (own)
			setDeviceCookie(cookies, makeDeviceCookie(db, user.id, now), url.protocol === 'https:');
		return { action: 'password', done: true, own };
	}
};
