/**
 * What a printed paper form is asked for in its address (`?lang=cy&large=1&copies=50&first=101`):
 * the language, large type, and a run of numbered copies. Read with zod like any form, so a
 * number out of range comes back as a message beside its field and the page prints the default.
 */
import { z } from 'zod';
import { fieldErrors, type FieldErrors } from './parse';

/** The most numbered copies one print makes: a few hundred forms is already a long print run. */
export const MAX_COPIES = 500;
export const MAX_FIRST = 999_999;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function whole(label: string, max: number) {
	const error = `Enter ${label} as a whole number from 1 to ${max.toLocaleString('en-GB')}`;
	return z.preprocess(
		blank,
		z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error }).optional()
	);
}

export const PrintSchema = z.object({
	lang: z.enum(['en', 'cy']).catch('en'),
	large: z.preprocess((v) => v === '1', z.boolean()),
	copies: whole('how many numbered copies', MAX_COPIES),
	first: whole('the first number', MAX_FIRST)
});

export interface PrintOptions {
	lang: 'en' | 'cy';
	large: boolean;
	/** Numbered copies from `first`, or null for one form without a number. */
	run: { first: number; copies: number } | null;
}

/** The print options in an address; refused numbers give the default run and their messages. */
export function printOptions(params: URLSearchParams): {
	options: PrintOptions;
	values: Record<string, string>;
	errors: FieldErrors | null;
} {
	const values = Object.fromEntries(
		['lang', 'large', 'copies', 'first'].map((k) => [k, (params.get(k) ?? '').slice(0, 20)])
	);
	const parsed = PrintSchema.safeParse(values);
	if (!parsed.success) {
		const fallback = PrintSchema.parse({ ...values, copies: '', first: '' });
		return {
			options: { lang: fallback.lang, large: fallback.large, run: null },
			values,
			errors: fieldErrors(parsed.error)
		};
	}
	const d = parsed.data;
	return {
		options: {
			lang: d.lang,
			large: d.large,
			run: d.copies ? { first: d.first ?? 1, copies: d.copies } : null
		},
		values,
		errors: null
	};
}

/** A form's number as printed and keyed: P0001 for a paper ballot (the keying page's example). */
export function formNumber(prefix: string, n: number): string {
	return `${prefix}${String(n).padStart(4, '0')}`;
}

/** The numbers of a print run: one unnumbered form (numbered when it comes back) without a run. */
export function printRun(run: PrintOptions['run'], prefix: string): (string | null)[] {
	if (!run) return [null];
	return Array.from({ length: run.copies }, (_, i) => formNumber(prefix, run.first + i));
}
