import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';

/** The demo's open libraries vote and survey: their proposals have pictures and easy read. */
const VOTE = 2;
const SURVEY = 2;
/** A4 in PostScript points, and how far Chromium's rounding may stray from it. */
const A4 = { width: 595.28, height: 841.89 };
const SLACK = 2;

/** Whether poppler-utils' pdftotext is installed: without it the text checks are skipped. */
const hasPdftotext = (() => {
	try {
		execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code !== 'ENOENT';
	}
})();

interface Printed {
	file: string;
	/** Each page's size in points, from the PDF's page boxes. */
	pages: { width: number; height: number }[];
	/** The text, whitespace collapsed; null without pdftotext. */
	text: string | null;
}

/** Prints the page as the browser would (its own @page size) and reads the PDF back. */
async function printed(page: Page, testInfo: TestInfo, name: string): Promise<Printed> {
	const file = testInfo.outputPath(`${name}.pdf`);
	const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4', printBackground: true });
	writeFileSync(file, pdf);
	const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
	const text = hasPdftotext
		? execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
		: null;
	await testInfo.attach(name, { path: file, contentType: 'application/pdf' });
	return {
		file,
		pages: boxes.map((m) => ({ width: Number(m[1]), height: Number(m[2]) })),
		text
	};
}

function expectA4(pdf: Printed): void {
	expect(pdf.pages.length).toBeGreaterThan(0);
	for (const p of pdf.pages) {
		expect(Math.abs(p.width - A4.width)).toBeLessThan(SLACK);
		expect(Math.abs(p.height - A4.height)).toBeLessThan(SLACK);
	}
}

/** Checks the PDF's text, or says that it could not (pdftotext missing). */
function expectText(pdf: Printed, present: (string | RegExp)[], absent: string[] = []): void {
	if (pdf.text === null) {
		test.info().annotations.push({
			type: 'skipped',
			description: 'pdftotext is not installed (apt-get install poppler-utils): text not checked'
		});
		return;
	}
	for (const t of present)
		if (typeof t === 'string') expect(pdf.text).toContain(t);
		else expect(pdf.text).toMatch(t);
	for (const t of absent) expect(pdf.text).not.toContain(t);
}

async function noSidewaysScroll(page: Page): Promise<void> {
	const [scroll, client] = await page.evaluate(() => [
		document.documentElement.scrollWidth,
		document.documentElement.clientWidth
	]);
	expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

test.describe('printed paper forms', () => {
	test('the paper ballot prints on A4 pages, in English, in Welsh and in large type', async ({
		page
	}, testInfo) => {
		await signIn(page, 'commissioner');
		await open(page, `/staff/votes/${VOTE}/paper/print`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Print paper ballots' })
		).toBeVisible();
		await expectAccessible(page);
		const en = await printed(page, testInfo, 'paper-ballot-en');
		expectA4(en);
		expect(en.pages.length).toBeGreaterThan(1);
		expectText(
			en,
			[
				'Harbourside Borough Council',
				'Libraries: your priorities for 2027',
				'Ballot number',
				'For office use',
				'Your code, if you have a letter with one',
				// Every proposal with its three boxes, numbered as it is keyed.
				'1. Self-service opening at quiet times',
				'5. Community rooms to book',
				/Want Don.t want No view/,
				// The use question once, the questions about the voter, the rules, the return.
				'Do you or your household use Libraries?',
				'Where do you live?',
				'How the votes are counted',
				'Sending it back',
				'Thank you for taking part.'
			],
			// What staff see above the forms is never printed.
			['Print paper ballots', 'Numbered copies']
		);

		await open(page, `/staff/votes/${VOTE}/paper/print?lang=cy&large=1`);
		await expectAccessible(page);
		const cy = await printed(page, testInfo, 'paper-ballot-cy-large');
		expectA4(cy);
		// The same form in 18 point type takes more pages.
		expect(cy.pages.length).toBeGreaterThan(en.pages.length);
		expectText(cy, [
			'Llyfrgelloedd: eich blaenoriaethau ar gyfer 2027',
			'Rhif y papur pleidleisio',
			'Eisiau Ddim eisiau Dim barn',
			"Sut mae'r pleidleisiau'n cael eu cyfrif",
			'Ei hanfon yn ôl'
		]);

		// A numbered print run: one form per number, each starting a new page.
		await open(page, `/staff/votes/${VOTE}/paper/print?copies=2&first=7`);
		const run = await printed(page, testInfo, 'paper-ballot-run');
		expect(run.pages.length).toBe(2 * en.pages.length);
		expectText(run, ['P0007', 'P0008'], ['P0009']);

		// A run out of range is refused beside its field, and one unnumbered form shows.
		await open(page, `/staff/votes/${VOTE}/paper/print?copies=501`);
		await expect(
			page.getByText('Enter how many numbered copies as a whole number from 1 to 500')
		).toBeVisible();
		await expect(page.locator('article.paper-form')).toHaveCount(1);
		await expectAccessible(page);
	});

	test('the paper survey prints on A4 pages, in English and in large Welsh type', async ({
		page
	}, testInfo) => {
		await signIn(page, 'commissioner');
		await open(page, `/staff/surveys/${SURVEY}`);
		await page.getByRole('link', { name: 'Print paper surveys' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Print paper surveys' })
		).toBeVisible();
		await expectAccessible(page);
		const en = await printed(page, testInfo, 'paper-survey-en');
		expectA4(en);
		expectText(
			en,
			[
				'PAPER SURVEY',
				'Form number',
				// The demo survey takes codes, so its form asks for one.
				'Your code, if you have a letter with one',
				/1\. How important is .*Libraries/,
				'Tick one box.',
				'Tick all that apply.',
				'Write your answer in the box.',
				'Sending it back'
			],
			['Print paper surveys']
		);

		await open(page, `/staff/surveys/${SURVEY}/print?lang=cy&large=1&copies=1&first=42`);
		await expectAccessible(page);
		const cy = await printed(page, testInfo, 'paper-survey-cy-large');
		expectA4(cy);
		expect(cy.pages.length).toBeGreaterThan(en.pages.length);
		expectText(cy, ['AROLWG PAPUR', 'Rhif y ffurflen', 'S0042', 'Ticiwch un blwch.']);
	});

	test('the assisted voting page passes axe', async ({ page }) => {
		await signIn(page, 'commissioner');
		await open(page, `/staff/votes/${VOTE}/assisted`);
		await expect(
			page.getByRole('heading', { name: 'Enter a ballot with the voter' })
		).toBeVisible();
		await expectAccessible(page);
	});
});

test.describe('the easy-read ballot', () => {
	test('prints on A4 pages, each idea with its picture beside its words', async ({
		page
	}, testInfo) => {
		await open(page, `/vote/${VOTE}/easy/ballot`);
		await expect(page.getByRole('heading', { level: 1, name: 'Your choices' })).toBeVisible();
		const first = page.locator('#proposal-11');
		const picture = first.getByRole('img', {
			name: 'A drawing of a library door with a card reader beside it'
		});
		await expect(picture).toBeVisible();
		expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
		const words = first.getByText('On weekday mornings, no staff work in the library.');
		const [p, w] = [await picture.boundingBox(), await words.boundingBox()];
		// Beside: the picture on the left, level with the words.
		expect(p!.x + p!.width).toBeLessThanOrEqual(w!.x);
		expect(p!.y).toBeLessThan(w!.y + w!.height);
		const pdf = await printed(page, testInfo, 'easy-read-ballot');
		expectA4(pdf);
		expectText(pdf, [
			'Your choices',
			'Idea 1: Self-service opening at quiet times',
			'This saves £60,000.',
			'You open the door with your library card.',
			'Your choice for idea 1'
		]);
	});

	test('votes in easy read, then every page passes axe', async ({ page }) => {
		await open(page, `/vote/${VOTE}`);
		await page.getByRole('link', { name: 'Easy read version of this vote' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Libraries: your priorities for 2027'
		);
		await expect(page.getByText('These rules will not change.')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Start' }).click();
		// axe looks at the page that is there: wait for the choices before checking them, not
		// the start page's button while it is still being pressed.
		await expect(page.getByRole('heading', { level: 1, name: 'Your choices' })).toBeVisible();
		await expectAccessible(page);
		await page
			.getByRole('group', { name: 'Your choice for idea 2' })
			.getByLabel("Don't want")
			.check();
		await page
			.getByRole('group', { name: 'Your choice for idea 4' })
			.getByLabel('Want', { exact: true })
			.check();
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Check your vote' })).toBeVisible();
		await expect(page.getByText('Idea 2: Stop the mobile library')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Send my vote' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Thank you. We have your vote.' })
		).toBeVisible();
		await expectAccessible(page);
	});

	test('a Welsh speaker votes in easy read at 320 px without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 320, height: 640 },
			isMobile: true
		});
		const page = await context.newPage();
		await page.goto(`/cy/vote/${VOTE}`);
		await page.getByRole('link', { name: "Fersiwn Hawdd ei Ddeall o'r bleidlais hon" }).click();
		await expect(page).toHaveURL(new RegExp(`/cy/vote/${VOTE}/easy$`));
		// The rules in words, from the server too (not their message keys).
		await expect(page.getByText('Fydd y rheolau hyn ddim yn newid.')).toBeVisible();
		await expect(page.getByText(/easy_rule_/)).toHaveCount(0);
		await noSidewaysScroll(page);
		await page.getByRole('link', { name: 'Dechrau' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Eich dewisiadau' })).toBeVisible();
		await noSidewaysScroll(page);
		// The picture stays beside its words even on a small phone.
		const first = page.locator('#proposal-11');
		const [p, w] = [
			await first.getByRole('img').boundingBox(),
			await first.locator('.beside > div').boundingBox()
		];
		expect(p!.x + p!.width).toBeLessThanOrEqual(w!.x);

		// Four Wants where three are allowed: refused beside the limits, in Welsh; nothing saved.
		for (const n of [1, 2, 3, 4])
			await page
				.getByRole('group', { name: `Eich dewis ar gyfer syniad ${n}` })
				.getByLabel('Eisiau', { exact: true })
				.check();
		await page.getByRole('button', { name: 'Nesaf' }).click();
		const limits = page.locator('#field-wants');
		await expect(limits.locator('.error-message')).toHaveText(
			'Rydych chi wedi dewis Eisiau 4 gwaith. Dim ond 3 gwaith y gallwch chi ddewis Eisiau. Newidiwch rai i Dim barn.'
		);
		await expect(
			page.getByRole('link', { name: /Rydych chi wedi dewis Eisiau 4/ })
		).toHaveAttribute('href', '#field-wants');
		await noSidewaysScroll(page);
		await page.goto(`/cy/vote/${VOTE}/easy/check`);
		await expect(
			page.getByText('Dydych chi ddim wedi gwneud unrhyw ddewisiadau eto.')
		).toBeVisible();
		await page.goBack();

		await page.goto(`/cy/vote/${VOTE}/easy/ballot`);
		for (const [n, mark] of [
			[1, 'Eisiau'],
			[2, 'Ddim eisiau'],
			[5, 'Eisiau']
		] as const)
			await page
				.getByRole('group', { name: `Eich dewis ar gyfer syniad ${n}` })
				.getByLabel(mark, { exact: true })
				.check();
		await page
			.getByRole('group', { name: /Ydych chi neu eich teulu yn defnyddio/ })
			.getByLabel('Ie')
			.check();
		await page.getByRole('button', { name: 'Nesaf' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Amdanoch chi' })).toBeVisible();
		await noSidewaysScroll(page);
		await page.getByRole('button', { name: 'Nesaf' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Gwiriwch eich pleidlais' })
		).toBeVisible();
		await noSidewaysScroll(page);
		const summary = page.locator('dl.summary');
		await expect(summary).toContainText('Eisiau');
		await expect(summary).toContainText('Ddim eisiau');
		await page.getByRole('button', { name: 'Anfon fy mhleidlais' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Diolch. Mae eich pleidlais gyda ni.' })
		).toBeVisible();
		await noSidewaysScroll(page);
		// Stored as any ballot is: its receipt opens the full ballot's receipt page too.
		const receipt = new URL(page.url()).searchParams.get('ref');
		expect(receipt).toBeTruthy();
		await page.goto(`/cy/vote/${VOTE}/done?ref=${receipt}`);
		await expect(page.locator('.receipt')).toBeVisible();
		await page.goto(`/cy/vote/${VOTE}/easy`);
		await expect(page.getByText('Rydych chi wedi pleidleisio yn barod.')).toBeVisible();
		await context.close();
	});
});
