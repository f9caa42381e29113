// npm test: every check and test, then one line CI reads: "N passed, N failed".
// Type check and lint count as one test each; vitest and Playwright write JSON reports that
// are counted here (a missing report counts as a failure, so a crashed runner is never green).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

function run(label, command, args, env = {}) {
	console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

let passed = 0;
let failed = 0;
const failures = [];
function step(label, ok) {
	if (ok) passed++;
	else {
		failed++;
		failures.push(label);
	}
}

step('paraglide compile', run('messages', 'npm', ['run', 'paraglide']));
step('svelte-check', run('type check', 'npm', ['run', 'check']));
step('lint', run('lint', 'npm', ['run', 'lint']));

run('unit and server tests', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	'--outputFile.json=reports/vitest.json'
]);
if (existsSync('reports/vitest.json')) {
	const r = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests + (r.success || r.numFailedTests > 0 ? 0 : 1);
	if (r.numFailedTests > 0 || !r.success) failures.push('vitest');
} else step('vitest report', false);

const built = run('build', 'npm', ['run', 'build']);
step('build', built);
if (built) {
	run('browser journeys', 'npx', ['playwright', 'test'], {
		E2E_PREBUILT: '1',
		PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json'
	});
	if (existsSync('reports/e2e.json')) {
		const r = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
		passed += r.stats.expected + r.stats.flaky;
		failed += r.stats.unexpected;
		if (r.stats.unexpected > 0) failures.push('playwright');
		if ((r.errors ?? []).length > 0) {
			failed += r.errors.length;
			failures.push('playwright errors');
		}
	} else step('playwright report', false);
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
