import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { runCli } from '../scripts/count';
import { expectAccessible, open, signIn } from './support';

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
		'Summary',
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
	// The charts: the priority map is an image with a name; the bars sit in tables of figures.
	await expect(
		page.getByRole('img', { name: 'Priority map: importance against satisfaction' })
	).toBeVisible();
	// One bar a proposal, drawn beside its figures.
	const bars = page.getByRole('table', { name: /^Wants against don't-wants/ });
	await expect(bars.locator('tbody tr')).toHaveCount(10);
	await expect(bars.locator('tbody svg rect.for')).toHaveCount(10);
	await expect(
		page.getByRole('table', {
			name: /^Close two day centres .*: protected by Verified service users/
		})
	).toContainText('Protects it');
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

/** Runs one of poppler-utils' commands (README: the printed-report journey needs them). */
function poppler(command: 'pdftotext' | 'pdftoppm', args: string[]): string {
	try {
		return execFileSync(command, args, { encoding: 'utf8' });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			throw new Error(`${command} is missing: apt-get install poppler-utils`, { cause: e });
		throw e;
	}
}

/** The text of one page of a PDF, whitespace collapsed. */
function pdfPageText(file: string, page: number): string {
	return poppler('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).replace(
		/\s+/g,
		' '
	);
}

test('the printed report opens with its one-page summary, not a title page', async ({
	page
}, testInfo) => {
	await signIn(page, 'commissioner');
	await open(page, '/staff/engagements/1/report');
	const pdf = testInfo.outputPath('report.pdf');
	writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
	// A picture of the first page, to look at beside the test's results.
	poppler('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', '-singlefile', pdf, pdf]);
	await testInfo.attach('report page 1', { path: `${pdf}.png`, contentType: 'image/png' });

	const first = pdfPageText(pdf, 1);
	for (const text of [
		'Day services for adults: redesign for 2027',
		'Summary',
		// The decision in a sentence, the shortfall and the override order.
		'The vote accepts 5 savings worth £515,000 against a target of £600,000',
		'£85,000 short of the £600,000 savings target',
		'Members have an override order, weakest protection first',
		// Who was protected, named for people, with how firmly.
		'Close two day centres for adults with learning disabilities (£400,000), protected by',
		"Verified service users: 51 of 60 don't want it",
		'Disabled residents: 84 of 108',
		'it would fall if 14 of them had wanted it instead',
		'Too close to call',
		'Flagged for review',
		'Who took part'
	])
		expect(first).toContain(text);
	// Turnout against the population (other journeys may add an area, so not its exact size).
	expect(first).toMatch(/1,480 ballots from a population of [\d,]+: [\d.]+% turnout\./);
	// The summary has the first page to itself: the rest of the report starts on the second.
	expect(first).not.toContain('Ranked priorities');
	expect(pdfPageText(pdf, 2)).toContain('Ranked priorities');

	// However short the summary (the libraries engagement has no closed vote), the rest of the
	// report starts on the next page.
	await open(page, '/staff/engagements/2/report');
	const short = testInfo.outputPath('report-2.pdf');
	writeFileSync(short, await page.pdf({ preferCSSPageSize: true }));
	const page1 = pdfPageText(short, 1);
	expect(page1).toContain('Summary');
	expect(page1).not.toContain('Ranked priorities');
	expect(pdfPageText(short, 2)).toContain('Ranked priorities');
});

test("a closed vote's printable report sums up protection, the override order and assurance", async ({
	page
}) => {
	await signIn(page, 'commissioner');
	await open(page, '/staff/votes/1/report');
	const summary = page.getByRole('heading', { level: 2, name: 'Summary' }).locator('xpath=..');
	for (const text of [
		'The vote accepts 5 savings worth £515,000',
		'Override order 1: Run community transport three days a week instead of five (£90,000), too close to call for Older people (65 and over).',
		"Verified service users: 51 of 60 don't want it (85%; other voters 18%); 14 would have to change.",
		'End the golf course subsidy: flagged for review.',
		'counting only the assured ballots gives the same decisions'
	])
		await expect(summary).toContainText(text);
	await expect(page.getByText(/at 95% confidence/)).toBeVisible();
	await expectAccessible(page);
});
