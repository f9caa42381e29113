/**
 * Arrows only point down (house style), inside the server too: no module of src/lib/server
 * imports, however indirectly, a module that imports it. A circle is how a shared contract ends
 * up importing the tools that implement it; this test names any circle it finds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SERVER = import.meta.dirname;
const LIB = resolve(SERVER, '..');

type Graph = Map<string, string[]>;

function tsFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/**
 * The server file an import names, or null when it names something outside src/lib/server (a
 * package, the floor beneath, which may not import the server back).
 */
function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else if (specifier.startsWith('$lib/')) base = join(LIB, specifier.slice('$lib/'.length));
	else return null;
	if (!base.startsWith(SERVER + '/')) return null;
	const candidates = [`${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts'), base];
	const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
	if (!found) throw new Error(`${relative(LIB, from)} imports '${specifier}', which is no file`);
	return found;
}

/**
 * Each .ts file under src/lib/server and the server files it imports: `import … from`,
 * `import type`, `export … from`, bare `import '…'` and dynamic `import('…')`, read with
 * TypeScript's own scanner so that comments and strings that look like imports are not.
 */
function importGraph(): Graph {
	const graph: Graph = new Map();
	for (const file of tsFiles(SERVER)) {
		const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
		const targets = importedFiles
			.map((f) => resolveImport(file, f.fileName))
			.filter((t): t is string => t !== null);
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** The shortest way from `start` back to itself through `members`, the files in import order. */
function shortestCircle(graph: Graph, members: Set<string>, start: string): string[] {
	const cameFrom = new Map<string, string>();
	const queue = [start];
	while (queue.length > 0) {
		const v = queue.shift()!;
		for (const w of graph.get(v) ?? []) {
			if (!members.has(w)) continue;
			if (w === start) {
				const path = [start];
				for (let u = v; u !== start; u = cameFrom.get(u)!) path.splice(1, 0, u);
				return [...path, start];
			}
			if (!cameFrom.has(w)) {
				cameFrom.set(w, v);
				queue.push(w);
			}
		}
	}
	throw new Error(`no circle through ${start}`);
}

/**
 * The circles in the graph: in each knot of files that reach each other (Tarjan's strongly
 * connected components), the shortest circle through each of its files, each circle once, as
 * the files in import order from the first by name, that one repeated at the end.
 */
function findCycles(graph: Graph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const knots: string[][] = [];
	let next = 0;

	function connect(v: string) {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!index.has(w)) {
				connect(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) !== index.get(v)) return;
		const knot: string[] = [];
		let w: string;
		do {
			w = stack.pop()!;
			onStack.delete(w);
			knot.push(w);
		} while (w !== v);
		if (knot.length > 1 || graph.get(v)?.includes(v)) knots.push(knot);
	}

	for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);

	const circles = new Map<string, string[]>();
	for (const knot of knots) {
		const members = new Set(knot);
		for (const file of knot) {
			const files = shortestCircle(graph, members, file).slice(0, -1);
			const first = files.indexOf([...files].sort()[0]);
			const circle = [...files.slice(first), ...files.slice(0, first), files[first]];
			circles.set(circle.join('\n'), circle);
		}
	}
	return [...circles.keys()].sort().map((key) => circles.get(key)!);
}

describe('the import graph of src/lib/server', () => {
	const graph = importGraph();

	it('is read from every module, with the imports it has', () => {
		const edges = (file: string) => graph.get(join(SERVER, file))?.map((t) => relative(SERVER, t));
		expect(graph.size).toBeGreaterThan(100);
		// Type-only imports count: a contract importing its tools' types is a circle too.
		expect(edges('activities.ts')).toEqual(['db/open.ts', 'tool.ts', 'tools.ts']);
		// Dynamic imports too; packages are not part of the graph.
		expect(edges('exports/worker.ts')).toEqual(
			expect.arrayContaining(['db/open.ts', 'exports/run.ts'])
		);
		// `$lib/server/…` names the same files as a relative path.
		expect(resolveImport(join(SERVER, 'any.ts'), '$lib/server/db/open')).toBe(
			join(SERVER, 'db/open.ts')
		);
		expect(resolveImport(join(SERVER, 'any.ts'), '$lib/budget/count')).toBeNull();
	});

	it('has no circle', () => {
		const named = findCycles(graph).map((c) => c.map((f) => relative(SERVER, f)).join(' → '));
		expect(named, `import circles in src/lib/server:\n${named.join('\n')}`).toEqual([]);
	});
});

describe('finding circles', () => {
	const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

	it.each([
		['none in a chain', { a: ['b'], b: ['c'], c: [] }, []],
		['two files importing each other', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
		['a longer way round', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c', 'a']]],
		['a file importing itself', { a: ['a'] }, [['a', 'a']]],
		[
			'one in each knot',
			{ a: ['b'], b: ['a'], c: ['d'], d: ['c', 'a'] },
			[
				['a', 'b', 'a'],
				['c', 'd', 'c']
			]
		],
		[
			'one through every file of a knot, each once',
			{ a: ['b'], b: ['a', 'c'], c: ['b'] },
			[
				['a', 'b', 'a'],
				['b', 'c', 'b']
			]
		],
		[
			'a circle once, whichever file it is found from',
			{ a: ['b'], b: ['c'], c: ['a'] },
			[['a', 'b', 'c', 'a']]
		]
	])('finds %s', (_, edges, expected) => {
		expect(findCycles(g(edges))).toEqual(expected);
	});
});
