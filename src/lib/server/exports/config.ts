import { env } from '$env/dynamic/private';
import { dirname, join, resolve } from 'node:path';
import type { JobsConfig } from './jobs';

/** The app's export jobs: files in `exports/` beside the database file. */
export function jobsConfig(): JobsConfig {
	const databaseUrl = resolve(env.DATABASE_URL || 'data/co-commission.db');
	return { dir: join(dirname(databaseUrl), 'exports'), databaseUrl };
}
