import { dirname, join, resolve } from 'node:path';
import * as config from '../config';
import type { JobsConfig } from './jobs';

/** The app's export jobs: files in `exports/` beside the database file. */
export function jobsConfig(): JobsConfig {
	const databaseUrl = resolve(config.databaseUrl());
	return { dir: join(dirname(databaseUrl), 'exports'), databaseUrl };
}
