import { fail, redirect } from '@sveltejs/kit';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { localizeHref } from '$lib/paraglide/runtime';
import { CodeEntrySchema } from '$lib/participation/schemas';
import { listOpenActivities } from '$lib/server/activities';
import * as catalogue from '$lib/server/catalogue';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import { participationCode, codeBatch } from '$lib/server/db/schema';
import { consume } from '$lib/server/rate-limit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies, url }) => {
	const db = getDb();
	// The QR code on a letter carries the code (?c=...): fill the box, but let the resident submit.
	const prefill = (url.searchParams.get('c') ?? '').slice(0, 64);
	if (url.searchParams.has('c') || url.searchParams.has('new')) return { accepted: null, prefill };
	const participant = codes.participantFor(db, cookies, url.protocol === 'https:', false);
	if (!participant?.codeId) return { accepted: null, prefill };
	const batch = db
		.select({ engagementId: codeBatch.engagementId })
		.from(participationCode)
		.innerJoin(codeBatch, eq(codeBatch.id, participationCode.batchId))
		.where(eq(participationCode.id, participant.codeId))
		.get();
	const engagement = batch ? catalogue.getEngagement(db, batch.engagementId) : undefined;
	if (!engagement) return { accepted: null, prefill };
	// Everything open in the engagement: what the code opens (and whether it has been used
	// there), then what anyone can join without one.
	const open = listOpenActivities(db, new Date(), engagement.id);
	const used = codes.usesOf(db, participant.codeId);
	return {
		prefill,
		accepted: {
			engagement: { id: engagement.id, title: engagement.title, titleCy: engagement.titleCy },
			withCode: open
				.filter((a) => a.acceptsCodes)
				.map((a) => ({ ...a, usedAt: (a.codeUse && used.get(a.codeUse)) || null })),
			openToAll: open.filter((a) => !a.acceptsCodes)
		}
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const db = getDb();
		const verdict = consume(db, `code:ip:${getClientAddress()}`, codes.CODE_ENTRY_BUCKET);
		if (!verdict.allowed) {
			setHeaders({ 'Retry-After': String(verdict.retryAfterSeconds) });
			return fail(429, {
				values: {} as Record<string, string>,
				errors: { code: 'err_rate_limited' } as FieldErrors,
				retryMinutes: Math.ceil(verdict.retryAfterSeconds / 60)
			});
		}
		const parsed = parseForm(CodeEntrySchema, await request.formData());
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const found = codes.findCode(db, parsed.data.code);
		if (!found)
			return fail(400, {
				values: parsed.values,
				errors: { code: 'err_code_unknown' } as FieldErrors
			});
		if (found.spoiledAt)
			return fail(400, {
				values: parsed.values,
				errors: { code: 'err_code_spoiled' } as FieldErrors
			});
		const participant = codes.participantFor(db, cookies, url.protocol === 'https:', true)!;
		codes.attachCode(db, participant.id, found.id);
		redirect(303, localizeHref('/code'));
	}
};
