import { fail, redirect } from '@sveltejs/kit';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { dotSchema, joinSchema, postIdeaSchemaFor } from '$lib/lab/schemas';
import { itemKey } from '$lib/lab/view';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import * as codes from '$lib/server/codes';
import { isRefusal, type RefusalParams } from '$lib/server/command-refusal';
import { getDb } from '$lib/server/db';
import * as board from '$lib/server/lab/board';
import * as participation from '$lib/server/lab/participation';
import { refused } from '$lib/server/refusal';
import { labForCode } from './find-lab.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * Participants' errors in their language, worked out here on the server (as the survey's are)
 * so that the phone page needs none of the error messages in its JavaScript.
 */
const FIELD_MESSAGES: Record<string, () => string> = {
	code: m.lab_err_code,
	displayName: m.lab_err_name,
	role: m.lab_err_role,
	text: m.lab_err_text,
	kind: m.lab_err_kind,
	contribution: m.lab_err_contribution,
	promptId: m.lab_err_prompt,
	targetType: m.lab_err_item,
	targetId: m.lab_err_item
};

/** The participant's words for each reason the lab refuses them, by key (see `refused`). */
const SAY: Record<participation.LabReason, (params: RefusalParams) => string> = {
	noLab: () => m.lab_err_not_found(),
	closed: () => m.lab_err_closed(),
	notJoined: () => m.lab_err_join_first(),
	phase: () => m.lab_err_phase(),
	paused: () => m.lab_paused(),
	rate: (p) => m.lab_err_rate({ seconds: Number(p.seconds) }),
	invalid: () => m.lab_err_prompt(),
	noDotsLeft: () => m.lab_err_no_dots_left(),
	itemLimit: (p) => m.lab_err_item_limit({ max: Number(p.max) }),
	itemClosed: () => m.lab_err_item_closed(),
	noDotHere: () => m.lab_err_no_dot_here()
};

function fieldErrors(errors: FieldErrors): FieldErrors {
	return Object.fromEntries(
		Object.keys(errors).map((field) => [field, (FIELD_MESSAGES[field] ?? m.lab_err_item)()])
	);
}

/** Someone who has not joined, found here before any command is called. */
function notJoined(): FieldErrors {
	return { _: SAY.notJoined({}) };
}

function context(event: RequestEvent) {
	const db = getDb();
	const lab = labForCode(db, event.params.code, event.getClientAddress(), (c) => `/lab/${c}`);
	const secure = event.url.protocol === 'https:';
	return { db, lab, secure };
}

/** This browser's membership of the lab, or undefined if it has not joined. */
function memberOf(event: RequestEvent, db: ReturnType<typeof getDb>, labId: number) {
	const participant = codes.participantFor(
		db,
		event.cookies,
		event.url.protocol === 'https:',
		false
	);
	return participant ? participation.findMember(db, labId, participant.id) : undefined;
}

export const load: PageServerLoad = (event) => {
	const { db, lab } = context(event);
	const member = memberOf(event, db, lab.id);
	const loaded = board.loadBoard(db, lab.id)!;
	const mine = member ? participation.dotsOf(loaded, member.id) : null;
	return {
		view: board.viewOf(loaded),
		member: member ? { displayName: member.displayName, role: member.role } : null,
		myDots: mine
			? {
					left: mine.left,
					used: mine.used,
					byItem: Object.fromEntries(mine.items.map((i) => [itemKey(i.item), i.count]))
				}
			: null,
		posted: event.url.searchParams.has('posted')
	};
};

export const actions: Actions = {
	join: async (event) => {
		const { db, lab, secure } = context(event);
		const parsed = parseForm(joinSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, {
				action: 'join',
				values: parsed.values,
				errors: fieldErrors(parsed.errors)
			});
		const participant = codes.participantFor(db, event.cookies, secure, true)!;
		try {
			participation.joinLab(db, lab.id, participant.id, {
				displayName: parsed.data.displayName,
				role: parsed.data.role
			});
		} catch (e) {
			return refused(e, { action: 'join', values: parsed.values }, { say: SAY });
		}
		redirect(303, localizeHref(`/lab/${lab.joinCode}`));
	},

	post: async (event) => {
		const { db, lab } = context(event);
		const formData = await event.request.formData();
		const member = memberOf(event, db, lab.id);
		const schema = postIdeaSchemaFor({ kinds: lab.kinds, promptIds: lab.prompts.map((p) => p.id) });
		const parsed = parseForm(schema, formData);
		if (!member)
			return fail(400, {
				action: 'post',
				values: parsed.values,
				errors: notJoined()
			});
		if (!parsed.ok)
			return fail(400, {
				action: 'post',
				values: parsed.values,
				errors: fieldErrors(parsed.errors)
			});
		try {
			participation.postIdea(
				db,
				lab.id,
				{ kind: 'participant', labParticipantId: member.id },
				parsed.data
			);
		} catch (e) {
			const answer = refused(e, { action: 'post', values: parsed.values }, { say: SAY });
			// Posting too fast is a 429, with how long to wait.
			if (isRefusal(e, 'rate')) {
				event.setHeaders({ 'Retry-After': String(e.params.seconds) });
				return fail(429, answer.data);
			}
			return answer;
		}
		redirect(303, localizeHref(`/lab/${lab.joinCode}?posted=1`));
	},

	addDot: (event) => dotAction(event, 'add'),
	removeDot: (event) => dotAction(event, 'remove')
};

async function dotAction(event: RequestEvent, op: 'add' | 'remove') {
	const { db, lab } = context(event);
	const parsed = parseForm(dotSchema, await event.request.formData());
	const member = memberOf(event, db, lab.id);
	if (!member)
		return fail(400, {
			action: 'dot',
			values: parsed.values,
			errors: notJoined()
		});
	if (!parsed.ok)
		return fail(400, { action: 'dot', values: parsed.values, errors: fieldErrors(parsed.errors) });
	const { item } = parsed.data;
	try {
		if (op === 'add') participation.addDot(db, lab.id, member.id, item);
		else participation.takeBackDot(db, lab.id, member.id, item);
	} catch (e) {
		return refused(e, { action: 'dot', values: parsed.values }, { say: SAY });
	}
	// Back to the same item, so a phone without JavaScript does not lose its place in the list.
	redirect(303, `${localizeHref(`/lab/${lab.joinCode}`)}#item-${item.type}-${item.id}`);
}
