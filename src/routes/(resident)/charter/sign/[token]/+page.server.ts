import { error, fail, redirect } from '@sveltejs/kit';
import { SignatureSchema } from '$lib/charter/schemas';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import type { SignReason } from '$lib/server/charter/charters';
import * as signingLinks from '$lib/server/charter/signing-links';
import type { RefusalParams } from '$lib/server/command-refusal';
import { refused } from '$lib/server/refusal';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Resident errors are message keys, so they read in English or Welsh. */
const ERROR_KEYS: Record<string, string> = {
	name: 'charter_err_sign_name',
	role: 'charter_err_sign_role',
	confirm: 'charter_err_sign_confirm',
	versionHash: 'charter_err_sign_changed'
};

/**
 * A signature refused (a replaced link, a version no longer being signed, signed already) is
 * told as the link not signing now: by its key, like this page's other errors.
 */
const SIGN_REFUSED: Record<SignReason, (p: RefusalParams) => string> = {
	cannotSign: () => 'charter_err_sign_refused'
};

export const load: PageServerLoad = ({ params, setHeaders }) => {
	// A personal link: never cached by a shared proxy.
	setHeaders({ 'cache-control': 'private, no-store' });
	const view = signingLinks.open(getDb(), params.token);
	if (!view.found) error(404, 'Signing link not found');
	if (view.replaced) return { replaced: true as const, slug: view.charter.slug };
	const { page } = view;
	const version = view.charter.state.versions.find((v) => v.number === page.versionNumber)!;
	return {
		replaced: false as const,
		slug: view.charter.slug,
		page,
		// Why it cannot be signed now, as a state the page can say in either language.
		blocked: page.signed
			? ('signed' as const)
			: version.withdrawnAt
				? ('withdrawn' as const)
				: page.reasons.length
					? ('closed' as const)
					: null,
		everyoneSigned: version.agreedAt !== null
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const db = getDb();
		const parsed = parseForm(SignatureSchema, await request.formData());
		if (!parsed.ok) {
			const errors: FieldErrors = {};
			for (const field of Object.keys(parsed.errors))
				errors[field === '_' ? '_' : field] = ERROR_KEYS[field] ?? 'charter_err_sign_refused';
			return fail(400, { values: parsed.values, errors });
		}
		const view = signingLinks.open(db, params.token);
		if (!view.found) error(404, 'Signing link not found');
		if (!view.replaced && view.page.versionHash !== parsed.data.versionHash)
			return fail(400, {
				values: parsed.values,
				errors: { _: 'charter_err_sign_changed' } as FieldErrors
			});
		try {
			signingLinks.sign(db, params.token, parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values }, { say: SIGN_REFUSED });
		}
		redirect(303, localizeHref(`/charter/sign/${params.token}`));
	}
};
