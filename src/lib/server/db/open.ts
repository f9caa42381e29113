import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as config from '../config';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the committed migrations live; the app and the scripts run from the project root. */
export const MIGRATIONS_FOLDER = config.migrationsFolder();

/**
 * Opens (creating if needed) the SQLite database, sets the pragmas every connection needs and
 * applies the committed migrations. `:memory:` gives a private database for tests.
 */
export function openDatabase(path: string): DB {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	// WAL lets readers (results pages, exports) run while a ballot is written. :memory: cannot.
	if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	// Checkpoint every 10,000 WAL pages (~40 MB) rather than SQLite's 1,000: a ballot dirties
	// about ten pages, so the default copied pages back (and synced the file) every hundred or so
	// ballots, inside a ballot's commit; now a page written many times is copied back once.
	sqlite.pragma('wal_autocheckpoint = 10000');
	sqlite.pragma('foreign_keys = ON');
	// Concurrent writers (a second process, a backup) wait instead of failing at once.
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
	return db;
}

/**
 * Runs `fn` in an IMMEDIATE transaction: the write lock is taken up front, so two requests that
 * read-then-write (spending a code, casting a ballot) serialise instead of both reading the old
 * state. `fn` must be synchronous: better-sqlite3 cannot roll back an awaited callback.
 */
export function write<T>(db: DB, fn: (tx: DB) => T): T {
	// A write inside another one is part of it: its hooks wait for the outer commit.
	const outer = commitHooks.get(db);
	const hooks = outer ?? [];
	const before = hooks.length;
	let result: T;
	try {
		result = db.transaction(
			(tx) => {
				commitHooks.set(tx, hooks);
				return fn(tx as unknown as DB);
			},
			{ behavior: 'immediate' }
		);
	} catch (e) {
		// Rolled back: what it would have announced did not happen.
		hooks.length = before;
		throw e;
	}
	if (!outer) for (const hook of hooks.splice(0)) runHook(hook);
	return result;
}

// The hooks of each write transaction still running, by its handle: gone with the handle.
const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `hook` once `tx`'s write has committed (at once outside a transaction), and never if it
 * rolls back: for telling live screens about a change (a ballot in a room round) that the
 * function making it cannot see committed, as its caller holds the transaction.
 */
export function afterCommit(tx: DB, hook: () => void): void {
	const hooks = commitHooks.get(tx);
	if (hooks) hooks.push(hook);
	else runHook(hook);
}

function runHook(hook: () => void): void {
	try {
		hook();
	} catch (e) {
		// The change is committed: a failed notice must not turn it into an error.
		console.error('a hook after a commit failed', e);
	}
}

/**
 * Runs `fn` in a read transaction: every read sees one snapshot, and in WAL mode it holds no
 * lock that writers wait on. `fn` must be synchronous and must not write.
 */
export function read<T>(db: DB, fn: (tx: DB) => T): T {
	return db.transaction((tx) => fn(tx as unknown as DB), { behavior: 'deferred' });
}
