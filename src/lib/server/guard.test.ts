import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNCILLOR_WRITE_ROUTES, councillorRefused } from './guard';

const ROUTES = 'src/routes';

/** Written out here, not read from the guard, so that widening the guard's list fails a test. */
const COUNCILLOR_MAY_POST = [
	'/(staff)/staff/engagements/[id]/decision/scrutiny',
	'/(staff)/staff/sign-out'
];

/** Every file below `dir`. */
function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const path = join(dir, f);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

/**
 * The route id of every staff page with form actions and every staff endpoint that takes a
 * change (POST, PUT, PATCH, DELETE): everything a councillor could send a change to.
 */
function staffRoutesThatChange(): string[] {
	return files(join(ROUTES, '(staff)'))
		.filter((f) => {
			const source = readFileSync(f, 'utf8');
			if (f.endsWith('+page.server.ts')) return /export const actions/.test(source);
			if (f.endsWith('+server.ts'))
				return /export (const|async function|function) (POST|PUT|PATCH|DELETE)\b/.test(source);
			return false;
		})
		.map((f) => '/' + relative(ROUTES, f).split('/').slice(0, -1).join('/'));
}

describe('what a councillor may change', () => {
	const routes = staffRoutesThatChange();

	it('finds the staff routes that take changes', () => {
		expect(routes.length).toBeGreaterThan(30);
		expect(COUNCILLOR_WRITE_ROUTES).toEqual(COUNCILLOR_MAY_POST);
		for (const allowed of COUNCILLOR_MAY_POST) expect(routes).toContain(allowed);
	});

	it.each(routes)('%s', (route) => {
		const allowed = COUNCILLOR_MAY_POST.includes(route);
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
			expect(councillorRefused('councillor', route, method)).toBe(!allowed);
	});

	it('lets a councillor read any staff page', () => {
		for (const method of ['GET', 'HEAD'])
			expect(councillorRefused('councillor', '/(staff)/staff/votes/[id]', method)).toBe(false);
	});

	it('refuses a councillor a change to a route it does not know', () => {
		expect(councillorRefused('councillor', null, 'POST')).toBe(true);
	});

	it.each(['admin', 'commissioner', 'facilitator'] as const)(
		'leaves %s to the routes’ own checks',
		(role) => {
			expect(councillorRefused(role, '/(staff)/staff/votes/[id]', 'POST')).toBe(false);
		}
	);
});
