// Seeds the Harbourside demo council into an empty DATABASE_URL (the app also does this on start).
import { openDatabase } from '../src/lib/server/db/open';
import { seedIfEmpty } from '../src/lib/server/seed';

const path = process.env.DATABASE_URL ?? 'data/co-commission.db';
const db = openDatabase(path);
const seeded = await seedIfEmpty(db, { log: true });
if (!seeded) console.log(`${path} already has staff accounts: nothing seeded.`);
db.$client.close();
