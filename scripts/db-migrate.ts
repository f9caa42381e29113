// Applies the committed migrations in drizzle/ to DATABASE_URL (the app also does this on start).
import { openDatabase } from '../src/lib/server/db/open';

const path = process.env.DATABASE_URL ?? 'data/co-commission.db';
openDatabase(path).$client.close();
console.log(`Migrated ${path}`);
