import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

/** Every messages/**\/en.json with the cy.json beside it. */
function catalogues(dir = 'messages'): { en: string; cy: string }[] {
	const here = readdirSync(dir).includes('en.json')
		? [{ en: join(dir, 'en.json'), cy: join(dir, 'cy.json') }]
		: [];
	const below = readdirSync(dir)
		.filter((f) => statSync(join(dir, f)).isDirectory())
		.flatMap((f) => catalogues(join(dir, f)));
	return [...here, ...below];
}

function keys(file: string): Record<string, string> {
	const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
	delete json.$schema;
	return json;
}

describe('translations', () => {
	it.each(catalogues())('$cy has every message $en has, none blank', ({ en, cy }) => {
		const english = keys(en);
		const welsh = keys(cy);
		expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
		for (const [key, text] of Object.entries(welsh)) expect(text.trim(), key).not.toBe('');
	});

	it('compiled, so a page asking for Welsh gets Welsh (an offline compile can fail silently)', () => {
		expect(m.home_title({}, { locale: 'en' })).toBe('Have your say on local services');
		expect(m.home_title({}, { locale: 'cy' })).toBe('Dweud eich dweud am wasanaethau lleol');
	});
});
