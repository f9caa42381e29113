// npm run db:backup -- <file>
// An online, consistent copy of the live database (SQLite's backup API: writers keep going),
// then an integrity check of the copy. Exit 0 only when the copy checks out.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import * as config from '../src/lib/server/config';

const target = process.argv[2];
if (!target) {
	console.error('Usage: npm run db:backup -- <file>');
	process.exit(2);
}
if (existsSync(target)) {
	console.error(`${target} already exists: choose a new file name.`);
	process.exit(2);
}
const source = config.databaseUrl();
if (!existsSync(source)) {
	console.error(`No database at ${source}.`);
	process.exit(2);
}
const live = new Database(source, { readonly: true, fileMustExist: true });
await live.backup(target);
live.close();

const copy = new Database(target, { readonly: true });
const result = copy.pragma('integrity_check', { simple: true });
copy.close();
if (result !== 'ok') {
	console.error(`The backup at ${target} failed its integrity check: ${String(result)}`);
	process.exit(1);
}
console.log(`Backed up ${source} to ${target}; integrity_check: ok`);
