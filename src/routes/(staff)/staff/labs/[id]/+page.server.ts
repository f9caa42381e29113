import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { parseForm, type FieldErrors } from '$lib/forms/parse';
import { welshGaps } from '$lib/i18n/welsh';
import { lastRedoable, lastUndoable } from '$lib/lab/board';
import { PARTICIPANT_ROLES } from '$lib/lab/ideas';
import { itemKey } from '$lib/lab/view';
import {
	countdownSchema,
	createThemeSchema,
	hideSchema,
	mergeSchema,
	moveToThemeSchema,
	paperDotSchema,
	paperParticipantSchema,
	phaseSchema,
	labWelshSchema,
	postIdeaSchemaFor,
	renameThemeSchema,
	shortlistSchema,
	undoSchema,
	unhideSchema
} from '$lib/lab/schemas';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import * as board from '$lib/server/lab/board';
import * as fanout from '$lib/server/lab/fanout';
import * as labs from '$lib/server/lab/labs';
import * as moderation from '$lib/server/lab/moderation';
import * as participation from '$lib/server/lab/participation';
import { qrDataUri } from '$lib/server/qr';
import { refused } from '$lib/server/refusal';
import { labWelshFields } from '$lib/lab/welsh';
import { describeEvent } from './describe';
import { labIdOf, loadedLab } from './lab.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const loaded = loadedLab(db, params.id);
	const { lab, board: state, events, members } = loaded;
	const names = new Map(members.map((m) => [m.id, m.name]));
	const undoId = lastUndoable(state);
	const redoId = lastRedoable(state);
	const redoTarget = redoId ? events.find((e) => e.id === redoId) : undefined;
	const joinUrl = `${url.origin}/lab/${lab.joinCode}`;
	// People without phones, and where the facilitator has put their dots so far.
	const paper = members
		.filter((m) => m.paper)
		.map((m) => {
			const mine = participation.dotsOf(loaded, m.labParticipantId);
			return {
				id: m.labParticipantId,
				name: m.name ?? '',
				role: m.role,
				left: mine.left,
				dots: mine.items.map((i) => ({ ...i.item, key: itemKey(i.item), count: i.count }))
			};
		});
	return {
		lab: {
			id: lab.id,
			title: lab.title,
			joinCode: lab.joinCode,
			prompts: lab.prompts,
			kinds: lab.kinds,
			rolesEnabled: lab.rolesEnabled,
			dotsPerParticipant: lab.dotsPerParticipant,
			maxDotsPerIdea: lab.maxDotsPerIdea,
			phase: lab.session.phase,
			paused: lab.session.paused,
			countdownEndsAt: lab.session.countdown === null ? null : Number(lab.session.countdown.endsAt)
		},
		engagement: catalogue.getEngagement(db, lab.engagementId)!,
		welsh: {
			titleCy: lab.titleCy ?? '',
			promptsCy: lab.prompts.map((p) => p.textCy ?? '').join('\n'),
			gaps: welshGaps(labWelshFields(lab))
		},
		view: board.viewOf(loaded),
		ideas: state.ideas.map((i) => ({ ...i, name: names.get(i.participantId) ?? null })),
		themes: state.themes,
		shortlist: state.shortlist.map((s) => `${s.type}:${s.id}`),
		undo: undoId ? { id: undoId, label: describeEvent(undoId, events, state) } : null,
		redo:
			redoTarget?.type === 'undo'
				? { label: describeEvent(redoTarget.eventId, events, state) }
				: null,
		paper,
		joinUrl,
		qr: await qrDataUri(joinUrl),
		screens: fanout.listenerCount(lab.id)
	};
};

/** The console's many small forms show a refusal above the form, whatever field it names. */
const WHOLE_FORM = () => '_';

/**
 * One facilitator action: check the role, parse the form, call one server function, and go
 * back to the console (at `anchor`) or say what was wrong (a refusal it throws, in English).
 * `suffix` keeps the field ids of the many per-idea forms apart (`field-reason-12`).
 */
async function act<S extends z.ZodType>(
	event: RequestEvent,
	action: string,
	schema: S,
	run: (labId: number, data: z.output<S>, actor: ReturnType<typeof actorOf>) => unknown,
	place: (data: z.output<S>) => { anchor?: string; suffix?: string } = () => ({})
) {
	const user = requireRole(event.locals, 'admin', 'commissioner', 'facilitator');
	const labId = labIdOf(event.params.id!);
	const formData = await event.request.formData();
	const parsed = parseForm(schema, formData);
	const target = String(
		formData.get('ideaId') ?? formData.get('themeId') ?? formData.get('memberId') ?? ''
	);
	if (!parsed.ok) {
		const errors: FieldErrors = Object.fromEntries(
			Object.entries(parsed.errors).map(([k, v]) => [target ? `${k}-${target}` : k, v])
		);
		return fail(400, { action, target, values: parsed.values, errors });
	}
	try {
		run(labId, parsed.data, actorOf(user));
	} catch (e) {
		return refused(e, { action, target, values: parsed.values }, { field: WHOLE_FORM });
	}
	const { anchor } = place(parsed.data);
	redirect(303, `/staff/labs/${labId}${anchor ? `#${anchor}` : ''}`);
}

const moveSchema = z.object({
	ideaId: moveToThemeSchema.shape.ideaId,
	themeId: z.string().trim().max(64).optional()
});

const staffIdeaSchema = z.object({
	role: z
		.preprocess(
			(v) => (v === '' || v === 'none' ? undefined : v),
			z.enum(PARTICIPANT_ROLES, { error: 'Choose one of the roles listed.' }).optional()
		)
		.transform((v) => v ?? null)
});

export const actions: Actions = {
	/** The Welsh title and prompts: the schema needs the lab, to match its prompts line for line. */
	welsh: async (event) => {
		const user = requireRole(event.locals, 'admin', 'commissioner', 'facilitator');
		const lab = loadedLab(getDb(), event.params.id).lab;
		const parsed = parseForm(labWelshSchema(lab.prompts.length), await event.request.formData());
		if (!parsed.ok)
			return fail(400, {
				action: 'welsh',
				target: '',
				values: parsed.values,
				errors: parsed.errors
			});
		try {
			labs.saveWelsh(getDb(), actorOf(user), lab.id, parsed.data);
		} catch (e) {
			return refused(
				e,
				{ action: 'welsh', target: '', values: parsed.values },
				{ field: () => 'promptsCy' }
			);
		}
		redirect(303, `/staff/labs/${lab.id}#welsh`);
	},
	phase: (event) =>
		act(event, 'phase', phaseSchema, (labId, data, actor) =>
			labs.changePhase(getDb(), actor, labId, data.phase)
		),
	pause: (event) =>
		act(event, 'pause', z.object({}), (labId, _data, actor) =>
			labs.pause(getDb(), actor, labId, true)
		),
	resume: (event) =>
		act(event, 'resume', z.object({}), (labId, _data, actor) =>
			labs.pause(getDb(), actor, labId, false)
		),
	countdown: (event) =>
		act(event, 'countdown', countdownSchema, (labId, data, actor) =>
			labs.startCountdown(getDb(), actor, labId, data.minutes)
		),
	stopCountdown: (event) =>
		act(event, 'stopCountdown', z.object({}), (labId, _data, actor) =>
			labs.stopCountdown(getDb(), actor, labId)
		),
	hide: (event) =>
		act(
			event,
			'hide',
			hideSchema,
			(labId, data, actor) => moderation.moderate(getDb(), actor, labId, { type: 'hide', ...data }),
			() => ({ anchor: 'hidden' })
		),
	unhide: (event) =>
		act(
			event,
			'unhide',
			unhideSchema,
			(labId, data, actor) =>
				moderation.moderate(getDb(), actor, labId, { type: 'unhide', ...data }),
			(data) => ({ anchor: `idea-${data.ideaId}` })
		),
	merge: (event) =>
		act(
			event,
			'merge',
			mergeSchema,
			(labId, data, actor) =>
				moderation.moderate(getDb(), actor, labId, { type: 'merge', ...data }),
			(data) => ({ anchor: `idea-${data.targetId}` })
		),
	createTheme: (event) =>
		act(event, 'createTheme', createThemeSchema, (labId, data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'createTheme', name: data.name })
		),
	renameTheme: (event) =>
		act(event, 'renameTheme', renameThemeSchema, (labId, data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'renameTheme', ...data })
		),
	move: (event) =>
		act(
			event,
			'move',
			moveSchema,
			(labId, data, actor) =>
				moderation.moderate(
					getDb(),
					actor,
					labId,
					data.themeId
						? { type: 'moveToTheme', ideaId: data.ideaId, themeId: data.themeId }
						: { type: 'removeFromTheme', ideaId: data.ideaId }
				),
			(data) => ({ anchor: `idea-${data.ideaId}` })
		),
	undo: (event) =>
		act(event, 'undo', undoSchema, (labId, data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'undo', eventId: data.eventId })
		),
	redo: (event) =>
		act(event, 'redo', z.object({}), (labId, _data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'redo' })
		),
	shortlist: (event) =>
		act(event, 'shortlist', shortlistSchema, (labId, data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'shortlist', item: data.item })
		),
	unshortlist: (event) =>
		act(event, 'unshortlist', shortlistSchema, (labId, data, actor) =>
			moderation.moderate(getDb(), actor, labId, { type: 'unshortlist', item: data.item })
		),
	addPaper: (event) =>
		act(
			event,
			'addPaper',
			paperParticipantSchema,
			(labId, data, actor) => participation.addPaperParticipant(getDb(), actor, labId, data),
			() => ({ anchor: 'paper' })
		),
	paperDot: (event) => paperDot(event, 'paperDot'),
	paperDotBack: (event) => paperDot(event, 'paperDotBack'),
	postIdea: async (event) => {
		const db = getDb();
		const lab = board.getLab(db, labIdOf(event.params.id));
		if (!lab) return fail(404, { action: 'postIdea', errors: { _: 'Lab not found' } });
		const schema = postIdeaSchemaFor({ kinds: lab.kinds, promptIds: lab.prompts.map((p) => p.id) });
		return act(
			event,
			'postIdea',
			z.intersection(schema, staffIdeaSchema),
			(labId, data, actor) => {
				const { role, ...idea } = data;
				return participation.postIdea(db, labId, { kind: 'staff', actor, role }, idea);
			},
			() => ({ anchor: 'add-idea' })
		);
	}
};

/** Places (`paperDot`) or takes back (`paperDotBack`) a dot for someone without a phone. */
function paperDot(event: RequestEvent, action: 'paperDot' | 'paperDotBack') {
	const change = action === 'paperDot' ? participation.addDot : participation.takeBackDot;
	return act(
		event,
		action,
		paperDotSchema,
		(labId, data, actor) =>
			change(getDb(), labId, data.memberId, data.item, new Date(), { kind: 'staff', actor }),
		(data) => ({ anchor: `paper-${data.memberId}` })
	);
}
