/**
 * A newcomer on an old Node: `npm install` must stop at once and say how to get Node 22.17+.
 * npm prints the package's whole `engines` field when it refuses, so the advice lives there.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const hint: string = pkg.engines['how-to-get-node'];

/** A Node older than 22 on this machine with its npm, if there is one (a system Node, say). */
function oldNode(): { dir: string; major: number } | undefined {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
	for (const dir of dirs) {
		const node = join(dir, 'node');
		if (!existsSync(node) || !existsSync(join(dir, 'npm'))) continue;
		const v = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
		const major = Number(v.stdout?.split('.')[0]);
		if (major > 0 && major < 22) return { dir, major };
	}
	return undefined;
}

describe('setting up on an old Node', () => {
	it('asks for Node 22.17 or later, and says how to get it where npm refuses', () => {
		expect(pkg.engines.node).toBe('>=22.17');
		expect(hint).toMatch(/22\.17/);
		expect(hint).toContain('https://nodejs.org');
		expect(hint).toContain('nvm install');
		// engine-strict makes npm stop at once (printing the hint) rather than install and fail later.
		expect(readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
		expect(Number(readFileSync('.nvmrc', 'utf8').trim())).toBeGreaterThanOrEqual(22);
	});

	it('says the same in the README set-up section', () => {
		const readme = readFileSync('README.md', 'utf8');
		const setup = readme.slice(readme.indexOf('## The two commands'), readme.indexOf('### Demo'));
		expect(setup).toContain('EBADENGINE');
		expect(setup).toContain('https://nodejs.org/en/download');
		expect(setup).toContain('nvm install && nvm use');
		expect(setup).toContain('npm install node@24');
	});

	const old = oldNode();
	it.runIf(old)('stops `npm install` on this machine’s old Node with the advice', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cc-old-node-'));
		try {
			for (const f of ['package.json', 'package-lock.json', '.npmrc'])
				copyFileSync(f, join(dir, f));
			const run = spawnSync(join(old!.dir, 'npm'), ['install', '--dry-run', '--offline'], {
				cwd: dir,
				encoding: 'utf8',
				env: { PATH: `${old!.dir}${delimiter}/usr/bin${delimiter}/bin`, HOME: tmpdir() },
				timeout: 60_000
			});
			expect(run.status).not.toBe(0);
			const said = `${run.stdout}${run.stderr}`;
			expect(said).toContain('EBADENGINE');
			expect(said).toContain(hint);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
