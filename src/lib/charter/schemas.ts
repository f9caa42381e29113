import { z } from 'zod';
import { checkbox, manyOf, optionalText, text } from '$lib/forms/parse';
import {
	COMMITMENT_DATE_KINDS,
	COMMITMENT_KINDS,
	PARTY_KINDS,
	type CharterContent
} from './charter';
import { RAG_STATUSES, REVIEW_TARGET_KINDS } from './review';

/**
 * The forms of the charter tool. Staff may save a part-filled draft, so fields that
 * `completeness` checks before signing (baseline, owner, measure, date...) may be left blank
 * here; blanks come out as '' to drop straight into the charter's content.
 */

/** Optional text that comes out as '' when left blank, to match the content's blank fields. */
function blankable(label: string, max: number) {
	return optionalText(label, max).transform((v) => v ?? '');
}

/** An id chosen from a list the page offered (a select or a hidden field). */
function chosenId(message: string) {
	return z.string({ error: message }).trim().min(1, { error: message }).max(64, { error: message });
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDateOrBlank = blankable('the date', 10).refine((v) => v === '' || isIsoDate(v), {
	error: 'Enter a real date, like 2026-03-31'
});

const email = blankable('the email address', 254).refine(
	(v) => v === '' || z.email().safeParse(v).success,
	{ error: 'Enter an email address in the right format, like name@example.org, or leave it blank' }
);

export const CharterBasicsSchema = z.object({
	title: text('a title', 3, 160),
	service: text('the service the charter covers', 2, 200),
	summary: blankable('the summary', 2000)
});

export const CharterLinksSchema = z.object({
	surveyIds: manyOf(chosenId('Choose a survey'), 50),
	labIds: manyOf(chosenId('Choose a lab'), 50),
	voteIds: manyOf(chosenId('Choose a budget vote'), 50)
});

export const OutcomeSchema = z.object({
	title: text('the outcome', 2, 160),
	indicator: blankable('the indicator', 300),
	baseline: blankable('the baseline', 300),
	target: blankable('the target', 300)
});

export const PartySchema = z.object({
	kind: z.enum(PARTY_KINDS, {
		error: 'Choose whether this party is the commissioner, a provider or a community representative'
	}),
	organisation: text('the organisation', 2, 160),
	contactName: blankable('the contact name', 120),
	contactEmail: email,
	role: blankable('the role', 300),
	signatoryName: blankable("the signatory's name", 120),
	signatoryRole: blankable("the signatory's role", 120)
});

export const GovernanceSchema = z.object({
	forum: blankable('the board or forum', 1000),
	membership: blankable('the membership', 1000),
	meetingFrequency: blankable('how often it meets', 300),
	decides: blankable('what it decides', 1000),
	disputes: blankable('how disputes are settled', 1000),
	concerns: blankable('how residents raise concerns', 1000)
});

export const CommitmentSchema = z.object({
	partyId: chosenId('Choose the party making this commitment'),
	what: text('what is committed', 3, 500),
	kind: z.enum(COMMITMENT_KINDS, { error: 'Choose what kind of contribution this is' }),
	owner: blankable('the owner', 160),
	measure: blankable('the measure', 500),
	date: isoDateOrBlank,
	dateKind: z.enum(COMMITMENT_DATE_KINDS, {
		error: 'Choose whether the date is a due date or a review date'
	})
});

export const StandardSchema = z.object({
	text: text('the service standard', 3, 300)
});

/** A resident's comment during consultation: anyone with the link, name optional. */
export const CommentSchema = z.object({
	text: text('your comment', 3, 2000),
	name: blankable('your name', 80)
});

export const AnswerSchema = z
	.object({
		response: z.enum(['answered', 'acknowledged'], {
			error: 'Choose whether you are answering or acknowledging the comment'
		}),
		answer: blankable('the answer', 2000)
	})
	.refine((v) => v.response === 'acknowledged' || v.answer !== '', {
		path: ['answer'],
		error: 'Write the answer, or choose to acknowledge the comment instead'
	});

export const SignatureSchema = z.object({
	name: text('your name', 2, 120),
	role: text('your role', 2, 120),
	confirm: checkbox.refine((v) => v, {
		error:
			'Tick the box to confirm you have read the charter and are signing it for your organisation'
	}),
	// The page sends back the hash of the text it showed, binding the signature to that text.
	versionHash: z
		.string({ error: 'Reload the page and try again' })
		.regex(/^[0-9a-f]{64}$/, { error: 'Reload the page and try again' })
});

export const WithdrawSigningSchema = z.object({
	reason: text('a reason', 3, 1000)
});

export const ReviewEntrySchema = z.object({
	targetKind: z.enum(REVIEW_TARGET_KINDS, { error: 'Choose a commitment or an outcome' }),
	targetId: chosenId('Choose the commitment or outcome you are reviewing'),
	status: z.enum(RAG_STATUSES, { error: 'Choose green, amber or red' }),
	note: text('a note', 1, 1000)
});

const contentText = (max: number) => z.string().max(max);
const contentId = z.string().min(1).max(64);

/**
 * A whole charter text, as stored (JSON) or imported: the server checks it on the way in
 * rather than trusting a database column or a file.
 */
export const CharterContentSchema = z.object({
	title: contentText(160),
	service: contentText(200),
	summary: contentText(2000),
	outcomes: z
		.array(
			z.object({
				id: contentId,
				title: contentText(160),
				indicator: contentText(300),
				baseline: contentText(300),
				target: contentText(300)
			})
		)
		.max(100),
	parties: z
		.array(
			z.object({
				id: contentId,
				kind: z.enum(PARTY_KINDS),
				organisation: contentText(160),
				contactName: contentText(120),
				contactEmail: contentText(254),
				role: contentText(300),
				signatoryName: contentText(120),
				signatoryRole: contentText(120)
			})
		)
		.max(100),
	governance: z.object({
		forum: contentText(1000),
		membership: contentText(1000),
		meetingFrequency: contentText(300),
		decides: contentText(1000),
		disputes: contentText(1000),
		concerns: contentText(1000)
	}),
	commitments: z
		.array(
			z.object({
				id: contentId,
				partyId: contentId,
				what: contentText(500),
				kind: z.enum(COMMITMENT_KINDS),
				owner: contentText(160),
				measure: contentText(500),
				date: z.string().refine((v) => v === '' || isIsoDate(v)),
				dateKind: z.enum(COMMITMENT_DATE_KINDS)
			})
		)
		.max(500),
	standards: z.array(z.object({ id: contentId, text: contentText(300) })).max(100),
	links: z.object({
		surveyIds: z.array(contentId).max(50),
		labIds: z.array(contentId).max(50),
		voteIds: z.array(contentId).max(50)
	}),
	cy: z
		.record(z.string().max(200), contentText(2000))
		.refine((cy) => Object.keys(cy).length <= 5000)
		.optional()
}) satisfies z.ZodType<CharterContent>;

/** Starting a charter: the engagement it belongs to (its service comes with it) and a title. */
export const NewCharterSchema = z.object({
	engagementId: z.coerce
		.number({ error: 'Choose an engagement' })
		.int({ error: 'Choose an engagement' })
		.positive({ error: 'Choose an engagement' }),
	title: text('a title', 3, 160)
});
