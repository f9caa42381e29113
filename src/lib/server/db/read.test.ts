import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, read, write } from './open';
import { setting } from './schema';

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two connections to one WAL file, as the server and the export worker have. */
function twoConnections() {
	const dir = mkdtempSync(join(tmpdir(), 'read-test-'));
	dirs.push(dir);
	const a = openDatabase(join(dir, 'db.sqlite'));
	const b = openDatabase(join(dir, 'db.sqlite'));
	// Fail at once rather than wait five seconds when the lock is taken.
	b.$client.pragma('busy_timeout = 0');
	return { a, b };
}

describe('read transactions', () => {
	it('leave writers free: another connection writes while a long read is open', () => {
		const { a, b } = twoConnections();
		const seen = read(a, (tx) => {
			const before = tx.select().from(setting).all().length;
			write(b, (w) => w.insert(setting).values({ key: 'k', value: 'v' }).run());
			// One snapshot: the read does not see what was committed after it began.
			return [before, tx.select().from(setting).all().length];
		});
		expect(seen[0]).toBe(seen[1]);
		expect(a.select().from(setting).all().length).toBe(seen[0] + 1);
	});

	it('unlike a write transaction, which makes the other writer wait', () => {
		const { a, b } = twoConnections();
		expect(() =>
			write(a, () => write(b, (w) => w.insert(setting).values({ key: 'k', value: 'v' }).run()))
		).toThrow(/busy|locked/i);
	});
});
