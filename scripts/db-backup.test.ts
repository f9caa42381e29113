import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db/open';
import { service } from '../src/lib/server/db/schema';

const dir = mkdtempSync(join(tmpdir(), 'backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function backup(source: string, target: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', target], {
		env: { ...process.env, DATABASE_URL: source },
		encoding: 'utf8'
	});
}

describe('npm run db:backup', () => {
	it('copies a live WAL database, checks the copy, and the copy holds the data', () => {
		const source = join(dir, 'live.db');
		const db = openDatabase(source);
		db.insert(service).values({ id: 'museums', name: 'Museums' }).run();
		// The app still has it open, in WAL mode: the copy must still be consistent.
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		const target = join(dir, 'copy.db');
		const run = backup(source, target);
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('integrity_check: ok');
		const copy = new Database(target, { readonly: true });
		expect(copy.prepare('select name from service').pluck().get()).toBe('Museums');
		copy.close();
		db.$client.close();
	});

	it('refuses to overwrite an existing file', () => {
		const source = join(dir, 'live2.db');
		openDatabase(source).$client.close();
		const target = join(dir, 'exists.db');
		expect(backup(source, target).status).toBe(0);
		const again = backup(source, target);
		expect(again.status).toBe(2);
		expect(again.stderr).toContain('already exists');
		expect(existsSync(target)).toBe(true);
	});
});
