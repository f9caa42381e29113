/**
 * zod schemas for every form and endpoint of the lab. Form values arrive as strings
 * (`Object.fromEntries(formData)`): numbers are coerced, checkboxes are "on" or absent, and
 * an empty optional field means "not given". Messages are written for the person filling in
 * the form.
 */
import { z } from 'zod';
import { formatMoney } from '../i18n/format';
import { COUNTDOWN_MINUTES_MAX, COUNTDOWN_MINUTES_MIN } from './countdown';
import type { ModerationEvent } from './events';
import {
	CONTRIBUTION_MAX,
	IDEA_KINDS,
	IDEA_TEXT_MAX,
	IDEA_TEXT_MIN,
	PARTICIPANT_ROLES,
	type IdeaKind
} from './ideas';
import { isJoinCode, normaliseJoinCode } from './join-code';
import { PHASES } from './phases';
import { PROPOSAL_DESCRIPTION_MAX, PROPOSAL_TITLE_MAX } from './proposal-draft';

export const LAB_TITLE_MAX = 120;
export const PROMPTS_MAX = 5;
export const PROMPT_MAX = 200;
export const DISPLAY_NAME_MAX = 40;
export const THEME_NAME_MAX = 80;
export const HIDE_REASON_MIN = 3;
export const HIDE_REASON_MAX = 200;
/** £100 million: far above any one proposal, low enough that pence stay exact integers. */
export const AMOUNT_POUNDS_MAX = 100_000_000;

const ID_MAX = 64;

/** An empty or blank form field counts as not given. */
function blankToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function id(what: string) {
	return z
		.string({ error: `Choose ${what}.` })
		.trim()
		.min(1, `Choose ${what}.`)
		.max(ID_MAX, `That ${what} is not valid.`);
}

/** Optional text: trimmed, blank becomes null. */
function optionalText(max: number, tooLong: string) {
	return z
		.preprocess(blankToUndefined, z.string().trim().max(max, tooLong).optional())
		.transform((v) => v ?? null);
}

/** A whole number from a form field, with a default when left empty. */
function wholeNumber(min: number, max: number, fallback: number, what: string) {
	const message = `${what} must be a whole number from ${min} to ${max}.`;
	return z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ error: message })
			.int(message)
			.min(min, message)
			.max(max, message)
			.default(fallback)
	);
}

const checkbox = z.stringbool({ error: 'Tick the box or leave it empty.' }).default(false);

const kind = z.enum(IDEA_KINDS, { error: 'Choose what kind of idea this is.' });

/** A role, or null when the participant chose not to say (`''`, `none` or absent). */
const optionalRole = z
	.preprocess(
		(v) => (v === 'none' ? undefined : blankToUndefined(v)),
		z.enum(PARTICIPANT_ROLES, { error: 'Choose one of the roles listed.' }).optional()
	)
	.transform((v) => v ?? null);

const itemType = z.enum(['idea', 'theme'], { error: 'Choose an idea or a theme.' });

/** `targetType` + `targetId` fields, given back as an `item` reference. */
const itemFields = { targetType: itemType, targetId: id('an idea or theme') };
function toItem<T extends { targetType: 'idea' | 'theme'; targetId: string }>(v: T) {
	const { targetType, targetId, ...rest } = v;
	return { ...rest, item: { type: targetType, id: targetId } };
}

/** Prompts from a textarea (one per line) or from repeated fields (`formData.getAll`). */
const prompts = z.preprocess(
	(v) =>
		(typeof v === 'string' ? v.split(/\r?\n/) : Array.isArray(v) ? v : [])
			.map((p) => (typeof p === 'string' ? p.trim() : p))
			.filter((p) => p !== ''),
	z
		.array(
			z
				.string()
				.min(3, 'Each prompt needs at least 3 characters.')
				.max(PROMPT_MAX, `Keep each prompt to ${PROMPT_MAX} characters.`)
		)
		.min(1, 'Add at least one prompt, such as "How could we design costs out of day centres?"')
		.max(PROMPTS_MAX, `A lab can have up to ${PROMPTS_MAX} prompts.`)
);

/**
 * The Welsh of the prompts: a textarea, one line for each English prompt in the same order; a
 * blank line leaves that prompt without Welsh. Ends up as one entry per line ('' for none).
 */
function promptsCyFor(promptCount: number) {
	return z
		.string()
		.optional()
		.superRefine((v, ctx) => {
			const lines = welshLines(v);
			const tooLong = lines.findIndex((l) => l.length > PROMPT_MAX);
			if (tooLong >= 0)
				ctx.addIssue({
					code: 'custom',
					message: `Keep each Welsh prompt to ${PROMPT_MAX} characters (line ${tooLong + 1} is ${lines[tooLong].length}).`
				});
			else if (lines.length > promptCount)
				ctx.addIssue({
					code: 'custom',
					message: 'Give the Welsh prompts line for line with the English ones, no more.'
				});
		});
}

/** The Welsh lines as typed: trimmed, trailing blank lines dropped. */
export function welshLines(v: string | undefined): string[] {
	const lines = (v ?? '').split(/\r?\n/).map((l) => l.trim());
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

const titleCy = optionalText(LAB_TITLE_MAX, `Keep the Welsh title to ${LAB_TITLE_MAX} characters.`);

/** The Welsh wording of a running lab, for a lab with `promptCount` prompts. */
export function labWelshSchema(promptCount: number) {
	return z
		.object({ titleCy, promptsCy: promptsCyFor(promptCount) })
		.transform((v) => ({ titleCy: v.titleCy, promptsCy: welshLines(v.promptsCy) }));
}

/** Create a lab. Idea kinds are three checkboxes; the output lists the kinds ticked. */
export const createLabSchema = z
	.object({
		title: z
			.string({ error: 'Give the lab a title.' })
			.trim()
			.min(3, 'Give the lab a title of at least 3 characters.')
			.max(LAB_TITLE_MAX, `Keep the title to ${LAB_TITLE_MAX} characters.`),
		titleCy,
		serviceId: id('a service'),
		prompts,
		promptsCy: promptsCyFor(PROMPTS_MAX),
		savesMoney: checkbox,
		improvesOutcomes: checkbox,
		communityCanDo: checkbox,
		dotsPerParticipant: wholeNumber(1, 20, 5, 'Dots for each person'),
		maxDotsPerIdea: wholeNumber(1, 5, 2, 'Most dots on one idea'),
		rolesEnabled: checkbox
	})
	.transform(({ savesMoney, improvesOutcomes, communityCanDo, promptsCy, ...rest }) => {
		const ticked = { savesMoney, improvesOutcomes, communityCanDo };
		return {
			...rest,
			promptsCy: welshLines(promptsCy),
			kinds: IDEA_KINDS.filter((k) => ticked[k])
		};
	})
	.refine((v) => v.promptsCy.length <= v.prompts.length, {
		error: 'Give the Welsh prompts line for line with the English ones, no more.',
		path: ['promptsCy']
	})
	.refine((v) => v.kinds.length > 0, {
		error: 'Tick at least one kind of idea.',
		path: ['savesMoney']
	})
	.refine((v) => v.maxDotsPerIdea <= v.dotsPerParticipant, {
		error: 'The most dots on one idea cannot be more than the dots each person has.',
		path: ['maxDotsPerIdea']
	});

/** Join a lab with its code. */
export const joinSchema = z.object({
	code: z
		.string({ error: 'Enter the code shown on the screen.' })
		.transform(normaliseJoinCode)
		.refine(
			isJoinCode,
			'That code does not look right. It is 6 letters and numbers, as on the screen.'
		),
	displayName: optionalText(DISPLAY_NAME_MAX, `Keep your name to ${DISPLAY_NAME_MAX} characters.`),
	role: optionalRole
});

const ideaFields = {
	text: z
		.string({ error: 'Write your idea.' })
		.trim()
		.min(IDEA_TEXT_MIN, `Write at least ${IDEA_TEXT_MIN} characters.`)
		.max(IDEA_TEXT_MAX, `Keep your idea to ${IDEA_TEXT_MAX} characters.`),
	kind,
	contribution: optionalText(CONTRIBUTION_MAX, `Keep this to ${CONTRIBUTION_MAX} characters.`),
	promptId: id('a question')
};

/** Post an idea (any kind; use `postIdeaSchemaFor` to allow only the lab's kinds and prompts). */
export const postIdeaSchema = z.object(ideaFields);

/** Post an idea to a lab that allows only some kinds and has the given prompts. */
export function postIdeaSchemaFor(lab: {
	kinds: readonly IdeaKind[];
	promptIds: readonly string[];
}) {
	return postIdeaSchema
		.refine((v) => lab.kinds.includes(v.kind), {
			error: 'This session is not collecting that kind of idea.',
			path: ['kind']
		})
		.refine((v) => lab.promptIds.includes(v.promptId), {
			error: 'Choose one of the questions on the screen.',
			path: ['promptId']
		});
}

export const hideSchema = z.object({
	ideaId: id('an idea'),
	reason: z
		.string({ error: 'Say why the idea is being hidden.' })
		.trim()
		.min(HIDE_REASON_MIN, 'Say why the idea is being hidden, in a few words.')
		.max(HIDE_REASON_MAX, `Keep the reason to ${HIDE_REASON_MAX} characters.`)
});

export const unhideSchema = z.object({ ideaId: id('an idea') });

export const mergeSchema = z
	.object({ sourceId: id('the duplicate idea'), targetId: id('the idea to merge it into') })
	.refine((v) => v.sourceId !== v.targetId, {
		error: 'Choose two different ideas.',
		path: ['targetId']
	});

const themeName = z
	.string({ error: 'Give the theme a name.' })
	.trim()
	.min(1, 'Give the theme a name.')
	.max(THEME_NAME_MAX, `Keep the theme name to ${THEME_NAME_MAX} characters.`);

export const createThemeSchema = z.object({ name: themeName });
export const renameThemeSchema = z.object({ themeId: id('a theme'), name: themeName });
export const moveToThemeSchema = z.object({ ideaId: id('an idea'), themeId: id('a theme') });
export const removeFromThemeSchema = z.object({ ideaId: id('an idea') });

/** Undo a named change, or (no id) the last one. */
export const undoSchema = z.object({
	eventId: z
		.preprocess(
			blankToUndefined,
			z.string().trim().max(ID_MAX, 'That change is not valid.').optional()
		)
		.transform((v) => v ?? null)
});

/** Place or take back a dot; the output has `item: { type, id }`. */
export const dotSchema = z.object(itemFields).transform(toItem);

/**
 * Add a paper participant: someone without a phone whose dots the facilitator places. The name
 * is required, since it is how the facilitator finds them again.
 */
export const paperParticipantSchema = z.object({
	displayName: z
		.string({ error: 'Give a name the facilitator will recognise, such as “Mary, table 3”.' })
		.trim()
		.min(1, 'Give a name the facilitator will recognise, such as “Mary, table 3”.')
		.max(DISPLAY_NAME_MAX, `Keep the name to ${DISPLAY_NAME_MAX} characters.`),
	role: optionalRole
});

/**
 * Place or take back a dot for a paper participant: `memberId` is their lab membership and
 * `item` one choice from a list, `idea:<id>` or `theme:<id>`. The output has `item: { type, id }`.
 */
export const paperDotSchema = z.object({
	memberId: z.coerce
		.number({ error: 'Choose who the dot is for.' })
		.int('Choose who the dot is for.')
		.positive('Choose who the dot is for.')
		.max(Number.MAX_SAFE_INTEGER, 'Choose who the dot is for.'),
	item: z
		.string({ error: 'Choose an idea or theme.' })
		.max(ID_MAX + 6, 'Choose an idea or theme.')
		.regex(/^(idea|theme):[^:\s]+$/, 'Choose an idea or theme.')
		.transform((v) => {
			const [type, itemId] = v.split(':') as ['idea' | 'theme', string];
			return { type, id: itemId };
		})
});

/** Add to or take off the shortlist; the output has `item`. */
export const shortlistSchema = z.object(itemFields).transform(toItem);

export const phaseSchema = z.object({
	phase: z.enum(PHASES, { error: 'Choose a phase.' })
});

export const countdownSchema = z.object({
	minutes: wholeNumber(COUNTDOWN_MINUTES_MIN, COUNTDOWN_MINUTES_MAX, 5, 'The countdown')
});

/**
 * An amount in pounds as typed ("1,250", "£1250.50", "30") to integer pence. Whole pounds or
 * pounds and pence; the arithmetic is done on the digits, never in floating point.
 */
const amountPence = z
	.union([z.string(), z.number()], { error: 'Enter an amount in pounds, such as 1250 or 1250.50.' })
	.transform((v, ctx) => {
		const text = String(v).replace(/[£,\s]/g, '');
		const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
		if (!match) {
			ctx.issues.push({
				code: 'custom',
				message: 'Enter an amount in pounds, such as 1250 or 1250.50.',
				input: v
			});
			return z.NEVER;
		}
		return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	})
	.pipe(
		z
			.number()
			.max(
				AMOUNT_POUNDS_MAX * 100,
				`The amount can be at most ${formatMoney(AMOUNT_POUNDS_MAX * 100, 'en')}.`
			)
	);

/**
 * Turn a shortlisted idea or theme into a draft proposal. `amount` is in pounds on the form
 * and integer pence in the output (`amountPence`); 0 is allowed for "not estimated yet".
 */
export const proposalSchema = z
	.object({
		...itemFields,
		title: z
			.string({ error: 'Give the proposal a title.' })
			.trim()
			.min(3, 'Give the proposal a title of at least 3 characters.')
			.max(PROPOSAL_TITLE_MAX, `Keep the title to ${PROPOSAL_TITLE_MAX} characters.`),
		description: z
			.string({ error: 'Describe the proposal.' })
			.trim()
			.min(1, 'Describe the proposal.')
			.max(
				PROPOSAL_DESCRIPTION_MAX,
				`Keep the description to ${PROPOSAL_DESCRIPTION_MAX} characters.`
			),
		kind: z.enum(['saving', 'development'], {
			error: 'Choose whether this saves money or develops the service.'
		}),
		amount: amountPence,
		serviceId: id('a service')
	})
	.transform(({ amount, ...rest }) => toItem({ ...rest, amountPence: amount }));

const storedItem = z.object({ type: itemType, id: z.string().min(1).max(ID_MAX) });
const storedId = z.string().min(1).max(ID_MAX);

/**
 * A moderation event as stored (for reading rows back: the payload column is JSON). The
 * server builds new events from the form schemas above, not from this.
 */
export const moderationEventSchema = z.intersection(
	z.object({ id: storedId, at: z.number().int(), by: z.string().max(ID_MAX).nullish() }),
	z.discriminatedUnion('type', [
		z.object({
			type: z.literal('hide'),
			ideaId: storedId,
			reason: z.string().max(HIDE_REASON_MAX)
		}),
		z.object({ type: z.literal('unhide'), ideaId: storedId }),
		z.object({ type: z.literal('merge'), sourceId: storedId, targetId: storedId }),
		z.object({
			type: z.literal('createTheme'),
			themeId: storedId,
			name: z.string().max(THEME_NAME_MAX)
		}),
		z.object({
			type: z.literal('renameTheme'),
			themeId: storedId,
			name: z.string().max(THEME_NAME_MAX)
		}),
		z.object({ type: z.literal('moveToTheme'), ideaId: storedId, themeId: storedId }),
		z.object({ type: z.literal('removeFromTheme'), ideaId: storedId }),
		z.object({ type: z.literal('shortlist'), item: storedItem }),
		z.object({ type: z.literal('unshortlist'), item: storedItem }),
		z.object({ type: z.literal('undo'), eventId: storedId })
	])
);

// Fails type-checking if the stored-event schema and the event types drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _inStep: Same<z.infer<typeof moderationEventSchema>, ModerationEvent> = true;
