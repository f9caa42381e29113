import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkbox, formValues, manyOf, optionalText, parseForm, slug, text } from './parse';

function form(entries: [string, string][]): FormData {
	const fd = new FormData();
	for (const [k, v] of entries) fd.append(k, v);
	return fd;
}

describe('formValues', () => {
	it('keeps single fields as strings and repeated fields as arrays', () => {
		expect(
			formValues(
				form([
					['a', '1'],
					['b', 'x'],
					['b', 'y']
				])
			)
		).toEqual({ a: '1', b: ['x', 'y'] });
	});

	it('ignores a field named __proto__, however often it is sent', () => {
		const values = formValues(
			form([
				['__proto__', 'a'],
				['__proto__', 'b'],
				['name', 'Ann']
			])
		);
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
		expect(values).toEqual({ name: 'Ann' });
		expect(Object.keys(values)).toEqual(['name']);
	});

	it('reads fields named like inherited properties as plain fields', () => {
		expect(
			formValues(
				form([
					['constructor', '2'],
					['toString', '3'],
					['toString', '4']
				])
			)
		).toEqual({ constructor: '2', toString: ['3', '4'] });
	});
});

describe('parseForm', () => {
	const schema = z.object({
		name: text('a name', 1, 10),
		note: optionalText('the note', 5),
		tags: manyOf(z.enum(['a', 'b'])),
		agree: checkbox,
		id: slug('the id')
	});

	it('parses good input', () => {
		const result = parseForm(
			schema,
			form([
				['name', '  Ann '],
				['note', ''],
				['tags', 'a'],
				['agree', 'on'],
				['id', 'Adult-Care']
			])
		);
		expect(result).toMatchObject({
			ok: true,
			data: { name: 'Ann', note: undefined, tags: ['a'], agree: true, id: 'adult-care' }
		});
	});

	it.each([
		{ field: 'name', value: '', message: 'Enter a name' },
		{ field: 'name', value: 'x'.repeat(11), message: 'A name must be 10 characters or fewer' },
		{ field: 'note', value: 'toolong', message: 'The note must be 5 characters or fewer' },
		{ field: 'tags', value: 'c', message: expect.any(String) },
		{ field: 'id', value: 'not ok!', message: expect.stringContaining('lower-case letters') }
	])('reports $field=$value beside the field', ({ field, value, message }) => {
		const entries: [string, string][] = [
			['name', 'Ann'],
			['id', 'ok']
		];
		const fd = form(entries.filter(([k]) => k !== field));
		fd.append(field, value);
		const result = parseForm(schema, fd);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			const key = Object.keys(result.errors)[0];
			expect(key.split('.')[0]).toBe(field);
			expect(result.errors[key]).toEqual(message);
			expect(result.values[field]).toBe(value);
		}
	});
});
