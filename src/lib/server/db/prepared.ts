import type { DB } from './open';

/**
 * Drizzle builds the SQL text of a query and better-sqlite3 compiles it on every call. On the
 * ballot submission path that was about 40% of the server's time per ballot, so the queries run
 * on every submission are built and compiled once per connection and then only executed.
 *
 * A prepared query belongs to the connection, not to the transaction object: one prepared from
 * the database runs inside whatever transaction that connection has open, so callers may pass
 * either the database or a `write()` transaction.
 */
const cache = new WeakMap<object, Map<string, unknown>>();

/** The better-sqlite3 connection behind a drizzle database or transaction. */
function connectionOf(db: DB): object {
	// Drizzle keeps it on the session that the database and its transactions share.
	const session = (db as unknown as { session?: { client?: object } }).session;
	const client = session?.client ?? db.$client;
	if (!client) throw new Error('prepared: not a better-sqlite3 drizzle database');
	return client;
}

/**
 * The query `build` makes, prepared once per connection under `key` (unique per query: use the
 * module and function name). `build` must use placeholders for everything that varies.
 */
export function prepared<T>(db: DB, key: string, build: (db: DB) => T): T {
	const client = connectionOf(db);
	let queries = cache.get(client);
	if (!queries) {
		queries = new Map();
		cache.set(client, queries);
	}
	let query = queries.get(key) as T | undefined;
	if (query === undefined) {
		query = build(db);
		queries.set(key, query);
	}
	return query;
}
