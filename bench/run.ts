/**
 * Runs every benchmark in bench/ (files ending in .bench.ts), one after another, each in its
 * own process so that one's memory does not colour the next one's figures.
 * `npm run bench -- counting` runs only the files whose name contains "counting".
 * Benchmarks print figures; they never fail on timing.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
	.filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
	.sort();

let failed = 0;
for (const file of files) {
	console.log(`\n=== ${file} ===`);
	const run = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], {
		stdio: 'inherit'
	});
	if (run.status !== 0) failed++;
}
if (failed > 0) {
	console.error(`${failed} benchmark file(s) crashed`);
	process.exit(1);
}
