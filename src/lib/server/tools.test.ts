import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLS } from './tools';

const ROUTES = join(import.meta.dirname, '../../routes');

/** Each route folder with a page or an endpoint, as a pattern for the paths it serves. */
function routePatterns(folder = ROUTES): { route: string; pattern: RegExp }[] {
	const entries = readdirSync(folder, { withFileTypes: true });
	const here = entries.some((e) => e.name === '+page.svelte' || e.name === '+server.ts')
		? [relative(ROUTES, folder).split(sep)]
		: [];
	return [
		...here.map((segments) => ({
			route: '/' + segments.join('/'),
			pattern: new RegExp(
				'^/' +
					segments
						.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
						.map((s) => s.replace(/\[\.\.\.\w+\]/, '.+').replace(/\[\w+\]/g, '[^/]+'))
						.join('/') +
					'$'
			)
		})),
		...entries.filter((e) => e.isDirectory()).flatMap((e) => routePatterns(join(folder, e.name)))
	];
}

// As SvelteKit chooses, a route with fewer parameters before one with more.
const routes = routePatterns().sort(
	(a, b) => a.route.split('[').length - b.route.split('[').length
);

/** The route folder that serves `href`, if any. */
const routeOf = (href: string) => routes.find((r) => r.pattern.test(href.split('?')[0]))?.route;

describe('the tools', () => {
	it('are the four, in the order of the pipeline, each named once', () => {
		expect(TOOLS.map((t) => t.kind)).toEqual(['survey', 'lab', 'vote', 'charter']);
		expect(new Set(TOOLS.map((t) => t.title)).size).toBe(TOOLS.length);
	});

	it.each(TOOLS.flatMap((t) => t.exports.map((e) => [t.kind, e.label, e.href(7)])))(
		"serve the %s's export '%s' at %s",
		(_, __, href) => {
			expect(routeOf(href)).toBeDefined();
		}
	);

	it.each(TOOLS.map((t) => [t.kind, t.newHref(3)]))('start a %s at %s', (_, href) => {
		expect(routeOf(href)).toMatch(/\/new$/);
	});

	it.each(TOOLS.map((t) => [t.kind, t]))('refuse an empty %s settings form', (_, tool) => {
		expect(tool.settings.safeParse({}).success).toBe(false);
	});

	it('find no route for an address no route serves', () => {
		expect(routeOf('/staff/surveys/7/export.pdf')).toBeUndefined();
	});
});
