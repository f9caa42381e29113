import { fail, redirect } from '@sveltejs/kit';
import { joinSchema } from '$lib/lab/schemas';
import { parseForm } from '$lib/forms/parse';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import * as board from '$lib/server/lab/board';
import { consume } from '$lib/server/rate-limit';
import type { Actions } from './$types';

const codeOnly = joinSchema.pick({ code: true });

// Errors in the reader's language are worked out here, so the page loads no error messages.

export const actions: Actions = {
	default: async ({ request, getClientAddress, setHeaders }) => {
		const parsed = parseForm(codeOnly, await request.formData());
		if (!parsed.ok) {
			const typed = String(parsed.values.code ?? '').trim();
			return fail(400, {
				values: parsed.values,
				errors: { code: typed ? m.lab_err_code() : m.lab_err_code_required() }
			});
		}
		const db = getDb();
		const found = board.findLabByCode(db, parsed.data.code);
		if (!found) {
			// Only wrong codes use up the allowance, so a full room behind one address is not held up.
			const verdict = consume(db, `lab-code:ip:${getClientAddress()}`, codes.CODE_ENTRY_BUCKET);
			if (!verdict.allowed) {
				setHeaders({ 'Retry-After': String(verdict.retryAfterSeconds) });
				return fail(429, {
					values: parsed.values,
					errors: {
						code: m.lab_err_rate_limited({ minutes: Math.ceil(verdict.retryAfterSeconds / 60) })
					}
				});
			}
			return fail(400, { values: parsed.values, errors: { code: m.lab_err_code_unknown() } });
		}
		redirect(303, localizeHref(`/lab/${found.joinCode}`));
	}
};
