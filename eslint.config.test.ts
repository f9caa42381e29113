/**
 * The lint keeps the ground floor pure (house style: src/lib/<tool>/ imports nothing of the
 * framework, the database, the server or Node). Planted imports, linted as if they were files
 * of the count, must fail; the same imports are fine on the floors above.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
	eslint = new ESLint({ cwd: import.meta.dirname });
});

/** The rules that refuse `source` in a file at `filePath` (empty when it is allowed). */
async function refusals(filePath: string, source: string): Promise<string[]> {
	const code = `import * as planted from '${source}';\n\nexport const used = planted;\n`;
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the pure-core lint rule', () => {
	it.each([
		'$lib/server/db',
		'../server/budget/results',
		'../../server/db/schema',
		'@sveltejs/kit',
		'$app/navigation',
		'$env/dynamic/private',
		'svelte',
		'svelte/store',
		'drizzle-orm',
		'drizzle-orm/sqlite-core',
		'better-sqlite3',
		'node:fs',
		'fs',
		'node:crypto',
		'crypto'
	])('refuses %s in src/lib/budget', async (source) => {
		expect(await refusals('src/lib/budget/planted.ts', source)).toEqual(['no-restricted-imports']);
	});

	it.each([
		['src/lib/budget/planted.ts', './types'],
		['src/lib/budget/planted.ts', '../survey/statistics'],
		['src/lib/budget/planted.ts', 'zod'],
		['src/lib/i18n/planted.ts', '$lib/paraglide/messages'],
		['src/lib/server/planted.ts', '$lib/server/db'],
		['src/lib/server/planted.ts', 'node:crypto'],
		['src/routes/planted.ts', '@sveltejs/kit']
	])('lets %s import %s', async (filePath, source) => {
		expect(await refusals(filePath, source)).toEqual([]);
	});

	it.each([
		'src/lib/survey',
		'src/lib/lab',
		'src/lib/charter',
		'src/lib/vote',
		'src/lib/report',
		'src/lib/schedule'
	])('covers %s too', async (folder) => {
		expect(await refusals(`${folder}/planted.ts`, '$lib/server/db')).toEqual([
			'no-restricted-imports'
		]);
	});

	it('lets tests beside the core read fixtures with Node, but not reach the database', async () => {
		expect(await refusals('src/lib/budget/planted.test.ts', 'node:fs')).toEqual([]);
		expect(await refusals('src/lib/budget/planted.test.ts', '$lib/server/db')).toEqual([
			'no-restricted-imports'
		]);
	});

	it('lets no file keep a Node module: the digest hashes with the house SHA-256 too', async () => {
		for (const file of ['src/lib/budget/digest.ts', 'src/lib/hash/sha256.ts'])
			for (const module of ['node:crypto', 'crypto', 'node:fs'])
				expect(await refusals(file, module), `${module} in ${file}`).toEqual([
					'no-restricted-imports'
				]);
	});
});
