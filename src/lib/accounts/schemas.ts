import { z } from 'zod';
import { checkbox, text } from '../forms/parse';

export const ROLES = ['admin', 'commissioner', 'facilitator', 'councillor'] as const;

const email = z
	.string({ error: 'Enter your email address' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'Enter your email address' })
	.max(254, { error: 'Email address must be 254 characters or fewer' })
	.pipe(z.email({ error: 'Enter an email address in the right format, like name@example.org' }));

/** 12 to 128 characters: long enough for a passphrase, any characters, paste allowed. */
export const password = z
	.string({ error: 'Enter a password' })
	.min(12, { error: 'Password must be at least 12 characters' })
	.max(128, { error: 'Password must be 128 characters or fewer' });

export const SignInSchema = z.object({
	email,
	// Sign-in does not enforce the minimum: an old short password should still get a clear
	// "wrong email or password", not a hint about its length.
	password: z
		.string({ error: 'Enter your password' })
		.min(1, { error: 'Enter your password' })
		.max(128, { error: 'Password must be 128 characters or fewer' })
});

export const CreateAccountSchema = z.object({
	email,
	name: text('a name', 1, 120),
	role: z.enum(ROLES, { error: 'Choose a role' }),
	password
});

export const UpdateAccountSchema = z.object({
	role: z.enum(ROLES, { error: 'Choose a role' }),
	disabled: checkbox
});

export const ChangePasswordSchema = z
	.object({ password, confirm: z.string().max(128) })
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		error: 'The two passwords do not match'
	});
