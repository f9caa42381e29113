// Seeds the Harbourside demo council into an empty DATABASE_URL (the app also does this on start).
import * as config from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/open';
import { seedIfEmpty } from '../src/lib/server/seed';

const path = config.databaseUrl();
const db = openDatabase(path);
const seeded = await seedIfEmpty(db, { log: true });
if (!seeded) console.log(`${path} already has staff accounts: nothing seeded.`);
db.$client.close();
