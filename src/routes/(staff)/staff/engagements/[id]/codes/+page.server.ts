import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { formatCode } from '$lib/participation/codes';
import { CodeBatchSchema, CodeEntrySchema } from '$lib/participation/schemas';
import * as catalogue from '$lib/server/catalogue';
import * as codes from '$lib/server/codes';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { qrDataUri } from '$lib/server/qr';
import type { Actions, PageServerLoad } from './$types';
import { refused } from '$lib/server/refusal';

function engagementOf(param: string) {
	const engagement = catalogue.getEngagement(getDb(), Number(param));
	if (!engagement) error(404, 'Engagement not found');
	return engagement;
}

export const load: PageServerLoad = ({ params }) => {
	const engagement = engagementOf(params.id);
	const db = getDb();
	return {
		engagement,
		batches: codes.listBatches(db, engagement.id),
		counts: codes.codeCounts(db, engagement.id),
		services: catalogue.listServices(db).map((s) => ({ id: s.id, name: s.name }))
	};
};

export const actions: Actions = {
	create: async ({ request, locals, params, url }) => {
		const user = requireRole(locals, 'admin', 'commissioner', 'facilitator');
		const engagement = engagementOf(params.id);
		const parsed = parseForm(CodeBatchSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'create', values: parsed.values, errors: parsed.errors });
		let made: ReturnType<typeof codes.createBatch>;
		try {
			made = codes.createBatch(getDb(), actorOf(user), {
				engagementId: engagement.id,
				...parsed.data
			});
		} catch (e) {
			return refused(e, { action: 'create', values: parsed.values });
		}
		const { batchId, codes: created } = made;
		// Service-user codes: each letter says whose provider handed it out.
		const usersService = parsed.data.serviceId
			? catalogue.getService(getDb(), parsed.data.serviceId)
			: undefined;
		const entryUrl = `${url.origin}/code`;
		const db = getDb();
		const service = catalogue.getService(db, engagement.serviceId)!;
		const letters = await Promise.all(
			created.map(async (code) => ({
				code: formatCode(code),
				qr: await qrDataUri(`${entryUrl}?c=${formatCode(code)}`)
			}))
		);
		return {
			action: 'create',
			created: {
				batchId,
				label: parsed.data.label,
				unit: parsed.data.unit,
				entryUrl,
				welshEntryUrl: `${url.origin}/cy/code`,
				letters,
				// Each letter is in English and Welsh; missing Welsh is printed in English.
				engagement: { title: engagement.title, titleCy: engagement.titleCy },
				service: { name: service.name, nameCy: service.nameCy },
				usersService: usersService ? { name: usersService.name, nameCy: usersService.nameCy } : null
			}
		};
	},
	spoil: async ({ request, locals, params }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		engagementOf(params.id);
		const parsed = parseForm(
			CodeEntrySchema.extend({ confirm: z.literal('yes', { error: 'Tick to confirm' }) }),
			await request.formData()
		);
		if (!parsed.ok) {
			const errors: FieldErrors = Object.fromEntries(
				Object.entries(parsed.errors).map(([k, v]) => [
					k,
					v.startsWith('err_') ? 'Enter a code in the form ACDE-FGHJ-KMNP' : v
				])
			);
			return fail(400, { action: 'spoil', values: parsed.values, errors });
		}
		try {
			codes.spoilCode(getDb(), actorOf(user), parsed.data.code);
		} catch (e) {
			return refused(e, { action: 'spoil', values: parsed.values });
		}
		return { action: 'spoil', spoiled: formatCode(parsed.data.code) };
	}
};
