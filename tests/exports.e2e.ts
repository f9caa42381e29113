import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { runCli } from '../scripts/count';
import { expectAccessible, open, signIn } from './support';

test('a commissioner starts the open-data export, watches it and downloads the ZIP @nojs', async ({
	page
}) => {
	await signIn(page, 'commissioner');
	await open(page, '/staff/engagements/1/report');
	await page.getByRole('button', { name: 'Open data (ZIP)' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Open data (ZIP)' })).toBeVisible();
	expect(page.url()).toMatch(/\/staff\/exports\/[a-z0-9]+$/);
	// With JavaScript the page asks every second; without, it refreshes itself every 3 seconds.
	await expect(page.getByRole('status')).toHaveText('Your file is ready.', { timeout: 30_000 });
	await expectAccessible(page);

	const link = page.getByRole('link', { name: /^Download open-data-engagement-1\.zip/ });
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('open-data-engagement-1.zip');
	const zip = new Uint8Array(readFileSync(await download.path()));
	const files = unzipSync(zip);
	expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.md', 'vote.pb']));
	// The same bytes as the direct download, whose contents the report journey checks in full.
	const direct = await page.request.get('/staff/engagements/1/report/open-data.zip');
	expect(new Uint8Array(await direct.body())).toEqual(zip);

	// A facilitator may fetch it too: the same roles as the direct download.
	const jobUrl = page.url();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await signIn(page, 'facilitator');
	await open(page, jobUrl);
	await expect(page.getByRole('status')).toHaveText('Your file is ready.');
	expect((await page.request.get(`${jobUrl}/download`)).status()).toBe(200);
	expect((await page.request.get('/staff/exports/no-such-job/download')).status()).toBe(404);
});

test('a commissioner exports the closed vote as Pabulib and recounts it to the official digest @nojs', async ({
	page
}) => {
	await signIn(page, 'commissioner');
	await open(page, '/staff/votes/1/results');
	await expect(page.getByRole('heading', { level: 1, name: 'Official results' })).toBeVisible();
	const official = (await page.locator('code.digest').first().textContent())!.trim();
	await page.getByRole('button', { name: /^Pabulib \.pb/ }).click();
	await page.waitForURL(/\/staff\/exports\/[a-z0-9]+$/);
	await expect(page.getByRole('status')).toHaveText('Your file is ready.', { timeout: 30_000 });
	await expectAccessible(page);
	const link = page.getByRole('link', { name: /^Download .*\.pb/ });
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const text = readFileSync(await download.path(), 'utf8');
	const recount = await runCli(['vote.pb', '--json'], () => text);
	expect(recount.code).toBe(0);
	expect(JSON.parse(recount.stdout).digest).toBe(official);
});
