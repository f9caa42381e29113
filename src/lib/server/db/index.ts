import * as config from '../config';
import { openDatabase, type DB } from './open';

export type { DB } from './open';
export { read, write } from './open';

let instance: DB | undefined;

/**
 * The app's database, opened on first use (not at import, so that `vite build` can analyse the
 * server without creating a database file). `DATABASE_URL` overrides the default file.
 */
export function getDb(): DB {
	instance ??= openDatabase(config.databaseUrl());
	return instance;
}
