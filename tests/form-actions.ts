/**
 * Every form action of the app, read from the source: each `+page.server.ts` under src/routes
 * that exports `actions`, with the names of its actions. Read with the TypeScript parser, so a
 * new action is covered by the tests that walk this list without anyone adding it by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface FormAction {
	/** The route id, as SvelteKit names it: `/(staff)/staff/votes/[id]/room`. */
	routeId: string;
	/** The action's name: `default` or a named action such as `close`. */
	name: string;
}

function pageServerFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? pageServerFiles(join(dir, e.name))
			: e.name === '+page.server.ts'
				? [join(dir, e.name)]
				: []
	);
}

/** The action names of one file's `export const actions = { ... }`, or null if it has none. */
function actionNames(file: string): string[] | null {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	for (const statement of source.statements) {
		if (!ts.isVariableStatement(statement)) continue;
		const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
		if (!exported) continue;
		for (const d of statement.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions') continue;
			let init = d.initializer;
			while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)))
				init = init.expression;
			if (!init || !ts.isObjectLiteralExpression(init))
				throw new Error(`${file}: actions is not an object literal; list its actions by hand`);
			return init.properties.map((p) => {
				if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
					throw new Error(`${file}: an action without a plain name`);
				return p.name.text;
			});
		}
	}
	return null;
}

export function formActions(root = 'src/routes'): FormAction[] {
	const out: FormAction[] = [];
	for (const file of pageServerFiles(root).sort()) {
		const names = actionNames(file);
		if (!names) continue;
		const dir = relative(root, file).split(sep).slice(0, -1).join('/');
		const routeId = dir ? `/${dir}` : '/';
		for (const name of names) out.push({ routeId, name });
	}
	return out;
}

/** The address of a route with its parameters filled in (groups dropped). */
export function routePath(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((s) => s !== '' && !/^\(.*\)$/.test(s))
		.map((s) =>
			s.replace(/\[([^\]]+)\]/g, (_, name: string) => {
				const value = params[name.replace(/=.*$/, '')];
				if (value === undefined) throw new Error(`no value for [${name}] in ${routeId}`);
				return encodeURIComponent(value);
			})
		)
		.join('/');
	return `/${path}`;
}

/** The URL an action posts to: `?/name` for a named action. */
export function actionPath(action: FormAction, params: Record<string, string>): string {
	const path = routePath(action.routeId, params);
	return action.name === 'default' ? path : `${path}?/${action.name}`;
}
