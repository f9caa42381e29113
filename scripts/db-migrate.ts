// Applies the committed migrations in drizzle/ to DATABASE_URL (the app also does this on start).
import * as config from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/open';

const path = config.databaseUrl();
openDatabase(path).$client.close();
console.log(`Migrated ${path}`);
