/**
 * The engagement report's exports for a 100,000-ballot vote (`npm run bench -- report`):
 * the report (first count, then from the count cache), the priorities workbook and the
 * open-data ZIP. Target: a 100,000-ballot workbook in under 5 seconds, with flat memory.
 * In-process on a throwaway database file seeded with the demo council. Prints figures; never
 * fails on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/lib/server/db/open';
import { voteResult } from '../src/lib/server/db/schema';
import { openDataZip } from '../src/lib/server/report/open-data';
import { prioritiesWorkbook } from '../src/lib/server/report/priorities-export';
import { engagementReport } from '../src/lib/server/report/report';
import { seedIfEmpty } from '../src/lib/server/seed';
import { makeBigVote } from './big-vote';

const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
const file = join(dir, 'bench.db');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
	globalThis.gc?.();
	const rss0 = process.memoryUsage().rss;
	const t0 = performance.now();
	const value = await fn();
	const ms = performance.now() - t0;
	console.log(
		`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   rss ${mb(process.memoryUsage().rss)} (was ${mb(rss0)})`
	);
	return value;
}

try {
	const seedDb = openDatabase(file);
	await seedIfEmpty(seedDb);
	seedDb.$client.close();
	// Engagement 1's biggest closed vote is the one the report picks.
	makeBigVote(file, 100_000, 1);
	const db = openDatabase(file);
	console.log('Engagement report with a closed vote of 100,000 ballots:');
	await timed('report (first count of the vote)', () => engagementReport(db, 1));
	const report = await timed('report (count served from the cache)', () =>
		engagementReport(db, 1)!
	);
	const xlsx = await timed('priorities workbook (Excel)', () => prioritiesWorkbook(report));
	// The generated vote was closed by hand: record its official count, as closing does, so that
	// the open data includes its 100,000 anonymised ballots.
	const big = report.vote!;
	db.insert(voteResult)
		.values({
			voteId: big.id,
			digest: big.result.digest,
			ballots: big.result.ballots.total,
			countedAt: new Date()
		})
		.run();
	big.officialDigest = big.result.digest;
	const zip = await timed('open-data ZIP (100,000 ballots anonymised, .pb)', () =>
		openDataZip(db, { id: null, email: 'bench' }, report, 'Harbourside Borough Council')
	);
	console.log(
		`  workbook ${Math.round(xlsx.length / 1024)} KB, ZIP ${Math.round(zip.length / 1024)} KB; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`
	);
	console.log('  target: the 100,000-ballot workbook in under 5 s, memory flat');
	db.$client.close();
} finally {
	rmSync(dir, { recursive: true, force: true });
}
