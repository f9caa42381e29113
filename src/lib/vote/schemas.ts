/**
 * What the staff forms of a vote may send: the vote's details and schedule, a proposal, a room
 * round, a kiosk, a paper ballot's serial number. Messages are plain English for staff.
 */
import { z } from 'zod';
import { manyOf, optionalText, text } from '../forms/parse';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

const localDateTime = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z
		.string()
		.regex(LOCAL, { error: 'Enter a date and time, for example 30/06/2027 17:00' })
		.optional()
);

export const VoteFormSchema = z
	.object({
		title: text('a title', 3, 160),
		titleCy: optionalText('the Welsh title', 160),
		description: optionalText('the description', 2000),
		descriptionCy: optionalText('the Welsh description', 2000),
		opensAt: localDateTime,
		closesAt: localDateTime,
		eligibility: z.enum(['codes', 'open', 'both'], { error: 'Choose who can vote' })
	})
	.refine((v) => !v.opensAt || !v.closesAt || v.opensAt < v.closesAt, {
		error: 'The closing time must be after the opening time',
		path: ['closesAt']
	});

export const NewVoteSchema = z.object({
	engagementId: z.coerce
		.number({ error: 'Choose an engagement' })
		.int({ error: 'Choose an engagement' })
		.min(1, { error: 'Choose an engagement' }),
	title: text('a title', 3, 160)
});

/** An easy-read summary is a few short sentences. */
export const EASY_READ_MAX = 800;

export const ProposalFormSchema = z.object({
	title: text('a title', 3, 160),
	titleCy: optionalText('the Welsh title', 160),
	description: text('a plain-English description', 10, 2000),
	descriptionCy: optionalText('the Welsh description', 2000),
	easyRead: optionalText('the easy-read summary', EASY_READ_MAX),
	easyReadCy: optionalText('the Welsh easy-read summary', EASY_READ_MAX),
	kind: z.enum(['saving', 'development'], { error: 'Choose whether it saves or costs money' }),
	amount: z.preprocess(
		(v) => (typeof v === 'string' ? v.replace(/[£,\s]/g, '') : v),
		z.coerce
			.number({ error: 'Enter the amount in pounds' })
			.min(1, { error: 'Enter the amount in pounds, at least £1' })
			.max(1_000_000_000, { error: 'The amount must be £1,000,000,000 or less' })
			.refine((n) => Number.isInteger(Math.round(n * 100 * 1000) / 1000), {
				error: 'Enter the amount in pounds and pence, like 125000 or 99.50'
			})
	),
	serviceId: z.string({ error: 'Choose a service' }).min(1, { error: 'Choose a service' }).max(40),
	affects: manyOf(z.string().max(40), 50),
	imageAlt: optionalText('the picture description', 300)
});

export const RoundFormSchema = z.object({
	title: text('a name for the round', 3, 120)
});

const PIN = /^\d{4,8}$/;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * A kiosk, optionally for checked users of one of the vote's services: then staff choose a PIN
 * that they enter on the device for each checked user (kiosks.ts).
 */
export const KioskFormSchema = z
	.object({
		label: text('a name for the device', 2, 80),
		usersServiceId: z.preprocess(
			blank,
			z.string().max(40, { error: 'Choose one of this vote’s services' }).optional()
		),
		pin: z.preprocess(blank, z.string().trim().max(20).optional())
	})
	.superRefine((k, ctx) => {
		if (k.usersServiceId && !(k.pin && PIN.test(k.pin)))
			ctx.addIssue({
				code: 'custom',
				path: ['pin'],
				message: 'Choose a PIN of 4 to 8 digits: staff enter it on the device for each checked user'
			});
		if (!k.usersServiceId && k.pin)
			ctx.addIssue({
				code: 'custom',
				path: ['pin'],
				message:
					'A PIN is only for a kiosk for checked users: choose the service, or leave the PIN blank'
			});
	});

/** The PIN staff enter on a kiosk to confirm a checked user. Errors are message keys. */
export const KioskPinSchema = z.object({
	pin: z
		.string({ error: 'err_vote_kiosk_pin_required' })
		.trim()
		.min(1, { error: 'err_vote_kiosk_pin_required' })
		.max(20, { error: 'err_vote_kiosk_pin_wrong' })
});

export const PaperSerialSchema = z.object({
	serial: z
		.string({ error: 'Enter the number printed on the paper ballot' })
		.trim()
		.toUpperCase()
		.min(1, { error: 'Enter the number printed on the paper ballot' })
		.max(20, { error: 'The ballot number must be 20 characters or fewer' })
		.regex(/^[A-Z0-9-]+$/, {
			error: 'The ballot number can only use letters, numbers and hyphens'
		}),
	code: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.string().max(64).optional()
	),
	spoilt: z.preprocess((v) => v === 'yes', z.boolean()),
	/** "Checked user of": a service of the vote (paper.ts checks which), or blank for none. */
	checked: z.preprocess(
		blank,
		z.string().max(40, { error: 'Choose one of this vote’s services, or None' }).optional()
	)
});

/**
 * A ballot entered with the voter present (assisted voting): who helped, whether staff checked
 * who the voter is, the code they brought, a checked user, and that the choices were read back.
 */
export const AssistedFormSchema = z.object({
	helper: z.enum(['staff', 'supporter'], { error: 'Choose who is helping the voter' }),
	identity: z.preprocess((v) => v === 'yes', z.boolean()),
	code: z.preprocess(blank, z.string().max(64).optional()),
	checked: z.preprocess(
		blank,
		z.string().max(40, { error: 'Choose one of this vote’s services, or None' }).optional()
	),
	confirmed: z.literal('yes', {
		error: 'Read the choices back to the voter, then tick to say they agree with them'
	})
});
