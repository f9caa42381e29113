import { z } from 'zod';
import * as audit from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const FilterSchema = z.object({
	actor: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()),
	entityType: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
	action: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
	from: z.preprocess(
		blankToUndefined,
		z.iso.date({ error: 'Enter a date like 2026-11-01' }).optional()
	),
	to: z.preprocess(
		blankToUndefined,
		z.iso.date({ error: 'Enter a date like 2026-11-30' }).optional()
	),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).optional())
});

const PAGE = 100;

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const raw = Object.fromEntries(url.searchParams);
	const parsed = FilterSchema.safeParse(raw);
	const filter = parsed.success ? parsed.data : {};
	const page = filter.page ?? 1;
	const entries = audit.listEntries(
		db,
		{
			actor: filter.actor,
			entityType: filter.entityType,
			action: filter.action,
			from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
			to: filter.to ? new Date(`${filter.to}T23:59:59.999Z`) : undefined
		},
		PAGE + 1,
		(page - 1) * PAGE
	);
	return {
		values: raw,
		errors: parsed.success
			? {}
			: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
		entries: entries.slice(0, PAGE),
		more: entries.length > PAGE,
		page,
		entityTypes: audit.listEntityTypes(db)
	};
};
