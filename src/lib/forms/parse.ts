import { z } from 'zod';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type Parsed<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; values: FormValues; errors: FieldErrors };

/**
 * FormData as a plain object: a field sent once is a string, a field sent several times
 * (checkboxes with one name) an array. Files are dropped: uploads are read separately, and so
 * is a field named `__proto__`, which no form has and which would change the object's prototype.
 * A field named like something every object inherits (`constructor`) is a field like any other.
 */
export function formValues(formData: FormData): FormValues {
	const values: FormValues = {};
	for (const [key, value] of formData) {
		if (typeof value !== 'string' || key === '__proto__') continue;
		const seen = Object.hasOwn(values, key) ? values[key] : undefined;
		if (seen === undefined) values[key] = value;
		else values[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return values;
}

/** The first message for each field, keyed by the field's path (`a.b.0`); form-wide ones under `_`. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const key = issue.path.length ? issue.path.join('.') : '_';
		errors[key] ??= issue.message;
	}
	return errors;
}

/**
 * Parses a submitted form with a zod schema. On failure the caller returns
 * `fail(400, { values, errors })`: the page shows each error beside its field and in the
 * error summary, and nothing has been written.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
	const values = formValues(formData);
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	return { ok: false, values, errors: fieldErrors(result.error) };
}

/** A checkbox group: absent, one value or several all become an array. */
export function manyOf<T extends z.ZodType>(item: T, max = 100) {
	return z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(item).max(max)
	);
}

/** A single checkbox: "on" (or any value) when ticked, absent when not. */
export const checkbox = z.preprocess(
	(v) => v !== undefined && v !== '' && v !== 'false',
	z.boolean()
);

/** Text from a form field, trimmed, with a bound and a plain-English message. */
export function text(label: string, min: number, max: number) {
	return z
		.string({ error: `Enter ${label}` })
		.trim()
		.min(1, { error: `Enter ${label}` })
		.min(min, { error: `${cap(label)} must be at least ${min} characters` })
		.max(max, { error: `${cap(label)} must be ${max} characters or fewer` });
}

/** Optional text: blank becomes undefined. */
export function optionalText(label: string, max: number) {
	return z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z
			.string()
			.trim()
			.max(max, { error: `${cap(label)} must be ${max} characters or fewer` })
			.optional()
	);
}

/** A slug id typed by staff: lower-case letters, digits and hyphens. */
export function slug(label: string) {
	return z
		.string({ error: `Enter ${label}` })
		.trim()
		.toLowerCase()
		.min(2, { error: `${cap(label)} must be at least 2 characters` })
		.max(40, { error: `${cap(label)} must be 40 characters or fewer` })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: `${cap(label)} can only use lower-case letters, numbers and single hyphens, like adult-social-care`
		});
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
