import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../scripts/count';
import { expectAccessible, signIn } from './support';

test('a commissioner reads the engagement report and downloads the priorities and open data', async ({
	page
}) => {
	await signIn(page, 'commissioner');
	await page.getByRole('link', { name: 'Day services for adults: redesign for 2027' }).click();
	await page.getByRole('link', { name: 'Read the engagement report' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Day services for adults: redesign for 2027'
	);
	for (const heading of [
		'Ranked priorities',
		'What residents value, and how satisfied they are',
		'What the co-production lab proposed',
		'How the community budget vote ranked the proposals',
		'What the charter commits each party to, and how it is going',
		'Method notes and sample sizes'
	])
		await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
	const firstPriority = page
		.getByRole('table', { name: 'Ranked priorities' })
		.getByRole('row')
		.nth(1);
	await expect(firstPriority).toContainText('Protect: do not make this saving');
	await expectAccessible(page);

	const base = page.url();
	const xlsx = await page.request.get(`${base}/priorities.xlsx`);
	expect(xlsx.status()).toBe(200);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
	expect(wb.worksheets.map((w) => w.name)).toContain('Priorities');
	expect(String(wb.getWorksheet('Priorities')!.getRow(2).getCell(2).value)).toBe(
		'Protect: do not make this saving'
	);

	const zip = await page.request.get(`${base}/open-data.zip`);
	expect(zip.headers()['content-type']).toBe('application/zip');
	const files = unzipSync(new Uint8Array(await zip.body()));
	// Anyone can recount the published vote.pb with the command line and get the digest the
	// README promises, which is the one on the public results page.
	const cli = await runCli(['vote.pb', '--json'], () => strFromU8(files['vote.pb']));
	expect(cli.code).toBe(0);
	const recount = JSON.parse(cli.stdout) as { digest: string };
	expect(strFromU8(files['README.md'])).toContain(recount.digest);
	const report = page.url();
	await page.getByRole('link', { name: 'public results page' }).click();
	await expect(page.locator('.digest code')).toHaveText(recount.digest);
	await page.goto(report);

	// Every export is in the audit log, which admins read.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await signIn(page, 'admin');
	await page.goto('/staff/audit?action=report.export');
	await expect(page.getByRole('cell', { name: 'report.export.xlsx' }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: 'report.export.open-data' }).first()).toBeVisible();
});
