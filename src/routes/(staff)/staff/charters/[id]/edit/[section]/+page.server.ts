import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { LIST_SECTIONS, type ItemFields, type ListSection } from '$lib/charter/editing';
import { EDITABLE_STATUSES } from '$lib/charter/state';
import {
	CharterBasicsSchema,
	CharterLinksSchema,
	CommitmentSchema,
	GovernanceSchema,
	OutcomeSchema,
	PartySchema,
	StandardSchema
} from '$lib/charter/schemas';
import { charterWelshFields, charterWelshSchema } from '$lib/charter/welsh';
import { formValues, parseForm } from '$lib/forms/parse';
import * as charters from '$lib/server/charter/charters';
import { linkOptions } from '$lib/server/charter/links';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { refused } from '$lib/server/refusal';
import { charterOf } from '../../../charter-of';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const WHOLE_SECTIONS = ['basics', 'governance', 'links', 'welsh'] as const;
type Section = ListSection | (typeof WHOLE_SECTIONS)[number];

const ITEM_SCHEMAS: Record<ListSection, z.ZodType> = {
	outcomes: OutcomeSchema,
	parties: PartySchema,
	commitments: CommitmentSchema,
	standards: StandardSchema
};

function sectionOf(param: string): Section {
	if (
		(LIST_SECTIONS as readonly string[]).includes(param) ||
		(WHOLE_SECTIONS as readonly string[]).includes(param)
	)
		return param as Section;
	error(404, 'No such part of the charter');
}

function isList(section: Section): section is ListSection {
	return (LIST_SECTIONS as readonly string[]).includes(section);
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	requireRole(locals, 'admin', 'commissioner');
	const db = getDb();
	const loaded = charterOf(db, params.id);
	const section = sectionOf(params.section);
	return {
		charter: {
			id: loaded.id,
			status: loaded.state.status,
			content: loaded.state.content,
			editable: EDITABLE_STATUSES.includes(loaded.state.status)
		},
		section,
		editing: url.searchParams.get('item'),
		saved: url.searchParams.has('saved'),
		linkOptions: section === 'links' ? linkOptions(db, loaded.engagementId, new Date()) : null,
		welshFields: section === 'welsh' ? charterWelshFields(loaded.state.content) : null
	};
};

/** The signed-in commissioner, the charter and the section of a form post. */
function context(event: RequestEvent) {
	const user = requireRole(event.locals, 'admin', 'commissioner');
	const loaded = charterOf(getDb(), event.params.id);
	return { actor: actorOf(user), loaded, section: sectionOf(event.params.section) };
}

const back = (id: number, section: string) => `/staff/charters/${id}/edit/${section}?saved`;

/** A refused change: its reasons together as the form's error, the values sent shown again. */
function refusedForm(e: unknown, action: string, values: unknown, itemId = '') {
	return refused(e, { action, itemId, values: values as Record<string, string | string[]> });
}

export const actions: Actions = {
	save: async (event) => {
		const { actor, loaded, section } = context(event);
		const formData = await event.request.formData();
		const db = getDb();
		let save: () => void;
		if (section === 'basics') {
			const parsed = parseForm(CharterBasicsSchema, formData);
			if (!parsed.ok)
				return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
			save = () => charters.saveBasics(db, actor, loaded.id, parsed.data);
		} else if (section === 'governance') {
			const parsed = parseForm(GovernanceSchema, formData);
			if (!parsed.ok)
				return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
			save = () => charters.saveGovernance(db, actor, loaded.id, parsed.data);
		} else if (section === 'welsh') {
			const parsed = parseForm(charterWelshSchema(loaded.state.content), formData);
			if (!parsed.ok)
				return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
			save = () => charters.saveWelsh(db, actor, loaded.id, parsed.data);
		} else if (section === 'links') {
			const parsed = parseForm(CharterLinksSchema, formData);
			if (!parsed.ok)
				return fail(400, { action: 'save', values: parsed.values, errors: parsed.errors });
			// Only what the tools list for this engagement (or was linked already) can be linked.
			const options = linkOptions(db, loaded.engagementId, new Date());
			const current = loaded.state.content.links;
			const keep = (kind: keyof typeof options, ids: string[]) =>
				ids.filter((id) => options[kind].some((o) => o.id === id) || current[kind].includes(id));
			const links = {
				surveyIds: keep('surveyIds', parsed.data.surveyIds),
				labIds: keep('labIds', parsed.data.labIds),
				voteIds: keep('voteIds', parsed.data.voteIds)
			};
			save = () => charters.saveLinks(db, actor, loaded.id, links);
		} else error(404, 'No such part of the charter');
		try {
			save();
		} catch (e) {
			return refusedForm(e, 'save', formValues(formData));
		}
		redirect(303, `/staff/charters/${loaded.id}`);
	},
	add: async (event) => {
		const { actor, loaded, section } = context(event);
		if (!isList(section)) error(404, 'No such list');
		const parsed = parseForm(ITEM_SCHEMAS[section], await event.request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'add', values: parsed.values, errors: parsed.errors });
		try {
			charters.addItem(
				getDb(),
				actor,
				loaded.id,
				section,
				parsed.data as ItemFields[typeof section]
			);
		} catch (e) {
			return refusedForm(e, 'add', parsed.values);
		}
		redirect(303, back(loaded.id, section));
	},
	update: async (event) => {
		const { actor, loaded, section } = context(event);
		if (!isList(section)) error(404, 'No such list');
		const formData = await event.request.formData();
		const itemId = String(formData.get('itemId') ?? '');
		const parsed = parseForm(ITEM_SCHEMAS[section], formData);
		if (!parsed.ok)
			return fail(400, { action: 'update', itemId, values: parsed.values, errors: parsed.errors });
		try {
			charters.updateItem(
				getDb(),
				actor,
				loaded.id,
				section,
				itemId,
				parsed.data as ItemFields[typeof section]
			);
		} catch (e) {
			return refusedForm(e, 'update', parsed.values, itemId);
		}
		redirect(303, back(loaded.id, section));
	},
	remove: async (event) => {
		const { actor, loaded, section } = context(event);
		if (!isList(section)) error(404, 'No such list');
		const itemId = String((await event.request.formData()).get('itemId') ?? '');
		try {
			charters.removeItem(getDb(), actor, loaded.id, section, itemId);
		} catch (e) {
			return refusedForm(e, 'remove', {});
		}
		redirect(303, back(loaded.id, section));
	},
	move: async (event) => {
		const { actor, loaded, section } = context(event);
		if (!isList(section)) error(404, 'No such list');
		const formData = await event.request.formData();
		const itemId = String(formData.get('itemId') ?? '');
		const direction = formData.get('direction') === 'up' ? 'up' : 'down';
		try {
			charters.moveItem(getDb(), actor, loaded.id, section, itemId, direction);
		} catch (e) {
			return refusedForm(e, 'move', {});
		}
		redirect(303, back(loaded.id, section));
	}
};
