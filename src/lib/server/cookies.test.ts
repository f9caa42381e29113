import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cookieText } from '../i18n/notice-text';
import { COOKIES } from './cookies';

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const path = join(dir, f);
		if (statSync(path).isDirectory()) return path.endsWith('paraglide') ? [] : sources(path);
		return /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') ? [path] : [];
	});
}

describe('the cookie page', () => {
	it('lists every cookie the code sets', () => {
		const listed = new Set(COOKIES.map((c) => c.name));
		const code = sources('src').map((f) => readFileSync(f, 'utf8'));
		// Cookie names are constants (`X_COOKIE = 'cc_x'`); each set call names one.
		const constants = new Map(
			code.flatMap((text) =>
				[...text.matchAll(/export const (\w+_COOKIE) = '([^']+)'/g)].map((m) => [m[1], m[2]])
			)
		);
		const setNames = code.flatMap((text) =>
			[...text.matchAll(/cookies\.set\(\s*(?:\w+\.)?(\w+)/g)].map((m) => m[1])
		);
		expect(setNames.length).toBeGreaterThan(0);
		for (const name of setNames) {
			expect(constants.has(name), `${name} is a named cookie constant`).toBe(true);
			expect(listed, `${constants.get(name)} is on the cookie page`).toContain(constants.get(name));
		}
	});

	it('says how long each lasts, from the values the code uses', () => {
		const byName = Object.fromEntries(COOKIES.map((c) => [c.name, c.life]));
		expect(byName.cc_participant).toEqual({ unit: 'days', count: 90 });
		expect(byName.cc_room).toEqual({ unit: 'hours', count: 12 });
		expect(byName.PARAGLIDE_LOCALE).toEqual({ unit: 'days', count: 400 });
		expect(byName.cc_session).toEqual({ unit: 'session', idleHours: 2, mostHours: 12 });
	});
});

describe('the cookie page', () => {
	it('says what every cookie is for, in words', () => {
		for (const { purpose } of COOKIES)
			expect(cookieText.lookup(purpose), purpose).not.toBe(purpose);
	});
});
