import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { open } from './support';

/**
 * Residents use old phones on slow connections: every resident page loads at most 60 kB of
 * JavaScript, compressed with gzip as the server sends it (adapter-node precompresses at level
 * 9). Measured as a first visit: every script the page fetches until it is hydrated and the
 * network is quiet.
 */
const BUDGET = 60_000;

const RESIDENT_PAGES = [
	'/',
	'/code',
	'/lab',
	// The lab's phone page: live updates, forms for ideas and dots, in English and Welsh.
	'/lab/HARP47',
	'/cy/lab/HARP47',
	'/survey/2',
	'/survey/1/results',
	'/vote/2',
	// The easy-read ballot's first page, in Welsh too.
	'/vote/2/easy',
	'/cy/vote/2/easy',
	'/vote/room',
	'/vote/1/results',
	'/charter/harbourside-day-opportunities',
	'/charter/harbourside-day-opportunities/comments',
	'/charter/harbourside-day-opportunities/history',
	'/privacy',
	'/privacy/lab/HARP47',
	'/accessibility',
	'/cookies',
	// 'You said, we did' for the demo's day services engagement (its decision record is published).
	'/you-said-we-did/1',
	'/cy/you-said-we-did/1'
];

test.describe('JavaScript on resident pages', () => {
	for (const path of RESIDENT_PAGES) {
		test(`${path} loads at most 60 kB of compressed JavaScript`, async ({ page }) => {
			const sizes = new Map<string, Promise<number>>();
			page.on('response', (response) => {
				const url = response.url();
				if (response.request().resourceType() !== 'script' || sizes.has(url)) return;
				sizes.set(
					url,
					response.body().then((body) => gzipSync(body, { level: 9 }).length)
				);
			});
			await open(page, path);
			// Anything fetched just after hydration counts too (SvelteKit loads its error page).
			await page.waitForLoadState('networkidle');
			const files = await Promise.all(
				[...sizes].map(async ([url, size]) => ({ url: new URL(url).pathname, bytes: await size }))
			);
			const total = files.reduce((sum, f) => sum + f.bytes, 0);
			test
				.info()
				.annotations.push({ type: 'compressed JavaScript', description: `${total} bytes` });
			const largest = files
				.sort((a, b) => b.bytes - a.bytes)
				.slice(0, 5)
				.map((f) => `${f.url} ${f.bytes}`)
				.join(', ');
			expect(files.length, 'scripts loaded').toBeGreaterThan(0);
			expect(total, `${path}: ${total} bytes, the largest ${largest}`).toBeLessThanOrEqual(BUDGET);
		});
	}
});
