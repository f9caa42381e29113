import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContent, type CharterContent } from './charter';
import { demoCharterContent } from './demo';
import { canonicalJson, contentHash } from './hash';

/** Rebuilds every object with its keys in reverse order: same data, different key order. */
function reverseKeys<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reverseKeys) as T;
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reverseKeys(v)])
		) as T;
	return value;
}

/** Paths to every string in the content, e.g. ['outcomes', 0, 'target']. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
	if (typeof value === 'string') return [path];
	if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
	if (value !== null && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
	return [];
}

function setAt(root: unknown, path: (string | number)[], text: string): void {
	let node = root as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path.at(-1)!] = text;
}

describe('canonicalJson', () => {
	it.each([
		{
			name: 'sorts keys at every depth',
			value: { b: 1, a: [2, { d: null, c: 'x' }] },
			json: '{"a":[2,{"c":"x","d":null}],"b":1}'
		},
		{ name: 'drops undefined members', value: { a: undefined, b: true }, json: '{"b":true}' },
		{ name: 'keeps array order', value: ['z', 'a'], json: '["z","a"]' },
		{
			name: 'escapes strings as JSON does',
			value: { 'é"': 'line\nbreak' },
			json: '{"é\\"":"line\\nbreak"}'
		}
	])('$name', ({ value, json }) => {
		expect(canonicalJson(value)).toBe(json);
	});

	it('refuses a number JSON cannot hold', () => {
		expect(() => canonicalJson({ a: Number.NaN })).toThrow('non-finite');
	});
});

describe('contentHash', () => {
	it.each([
		{ name: 'the empty charter', content: emptyContent() },
		{ name: 'the demo charter', content: demoCharterContent() }
	])('is the SHA-256 of the prefixed canonical text for $name', ({ content }) => {
		// node:crypto is an independent SHA-256 implementation from @oslojs/crypto.
		const expected = createHash('sha256')
			.update(`co-commission/charter-content/v1\n${canonicalJson(content as never)}`, 'utf8')
			.digest('hex');
		expect(contentHash(content)).toBe(expected);
		expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('survives a trip through JSON, as when stored in the database', () => {
		const content = demoCharterContent();
		const stored: CharterContent = JSON.parse(JSON.stringify(content));
		expect(contentHash(stored)).toBe(contentHash(content));
	});

	it('does not depend on key order', () => {
		const content = demoCharterContent();
		expect(contentHash(reverseKeys(content))).toBe(contentHash(content));
	});

	it('changes when any single piece of text changes', () => {
		const base = demoCharterContent();
		const baseHash = contentHash(base);
		const paths = stringPaths(base);
		fc.assert(
			fc.property(fc.nat(paths.length - 1), fc.string({ maxLength: 20 }), (i, text) => {
				const content = demoCharterContent();
				const original = paths[i].reduce<unknown>(
					(node, key) => (node as Record<string | number, unknown>)[key],
					content
				);
				fc.pre(original !== text);
				setAt(content, paths[i], text);
				expect(contentHash(content)).not.toBe(baseHash);
			})
		);
	});

	it('changes when two outcomes swap places: order is part of the text', () => {
		const content = demoCharterContent();
		content.outcomes.reverse();
		expect(contentHash(content)).not.toBe(contentHash(demoCharterContent()));
	});
});
