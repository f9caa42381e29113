import { error, fail, redirect } from '@sveltejs/kit';
import { diffContent } from '$lib/charter/diff';
import { CommentSchema } from '$lib/charter/schemas';
import { publishedVersion } from '$lib/charter/state';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import * as charters from '$lib/server/charter/charters';
import * as config from '$lib/server/config';
import { getDb } from '$lib/server/db';
import type { RefusalParams } from '$lib/server/command-refusal';
import { consume } from '$lib/server/rate-limit';
import { refused } from '$lib/server/refusal';
import type { Actions, PageServerLoad } from './$types';

/** Ten comments at once from one address, then one a minute: enough for a drop-in session. */
const COMMENT_BUCKET = {
	capacity: config.charterCommentBurst(),
	refillMs: 60_000
};

/**
 * Resident errors in the reader's language, worked out here so that the page loads none of the
 * error messages in its JavaScript (it is near the 60 kB budget for resident pages).
 */
const ERROR_MESSAGES: Record<string, () => string> = {
	text: m.charter_err_comment_text,
	name: m.charter_err_comment_name
};

/** A comment refused (whatever the life cycle's reason) is told as comments being closed. */
const COMMENT_REFUSED: Record<charters.CommentReason, (p: RefusalParams) => string> = {
	commentsClosed: m.charter_err_comments_closed
};

function charterOf(slug: string) {
	const loaded = charters.getCharterBySlug(getDb(), slug);
	// Comments exist only once a charter has been put out for comment.
	if (!loaded || (loaded.state.status === 'draft' && loaded.state.versions.length === 0))
		error(404, 'Charter not found');
	return loaded;
}

export const load: PageServerLoad = ({ params, url }) => {
	const { state, slug } = charterOf(params.slug);
	const inForce = publishedVersion(state);
	const open = state.status === 'consultation';
	return {
		slug,
		open,
		sent: url.searchParams.has('sent'),
		amendment: inForce !== null,
		inForceNumber: inForce?.number ?? null,
		draft: state.content,
		inForce: inForce?.content ?? null,
		changes: inForce && open ? diffContent(inForce.content, state.content) : [],
		comments: state.comments
	};
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress, setHeaders }) => {
		const db = getDb();
		const loaded = charterOf(params.slug);
		const verdict = consume(db, `charter-comment:ip:${getClientAddress()}`, COMMENT_BUCKET);
		if (!verdict.allowed) {
			setHeaders({ 'Retry-After': String(verdict.retryAfterSeconds) });
			return fail(429, {
				values: {} as Record<string, string | string[]>,
				errors: {
					text: m.err_rate_limited({ minutes: Math.ceil(verdict.retryAfterSeconds / 60) })
				} as FieldErrors
			});
		}
		const parsed = parseForm(CommentSchema, await request.formData());
		if (!parsed.ok) {
			const errors: FieldErrors = {};
			for (const field of Object.keys(parsed.errors))
				errors[field] = (ERROR_MESSAGES[field] ?? m.charter_err_comment_text)();
			return fail(400, { values: parsed.values, errors });
		}
		try {
			charters.addComment(db, loaded.id, parsed.data);
		} catch (e) {
			return refused(e, { values: parsed.values }, { say: COMMENT_REFUSED });
		}
		redirect(303, localizeHref(`/charter/${loaded.slug}/comments?sent=1`) + '#comments');
	}
};
