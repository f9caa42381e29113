import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';

const PHONE = { width: 320, height: 640 };
const CHARTER = '/charter/harbourside-day-opportunities';
const OPEN_VOTE = 'Libraries: your priorities for 2027';
const OPEN_VOTE_CY = 'Llyfrgelloedd: eich blaenoriaethau ar gyfer 2027';

/** Nothing on the page makes it scroll sideways on a 320-pixel phone (WCAG 1.4.10). */
async function expectFits(page: Page): Promise<void> {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect.soft(width, `${new URL(page.url()).pathname} is ${width}px wide`).toBeLessThanOrEqual(320);
}

/** Another resident's phone, with JavaScript on or off as the project runs. */
async function residentPage(browser: Browser): Promise<Page> {
	const use = test.info().project.use;
	const context = await browser.newContext({
		viewport: use.viewport ?? PHONE,
		javaScriptEnabled: use.javaScriptEnabled !== false
	});
	return context.newPage();
}

/** A staff member at a desk, whichever project runs the resident side. */
async function staffPage(browser: Browser): Promise<Page> {
	const page = await (
		await browser.newContext({ viewport: { width: 1280, height: 800 } })
	).newPage();
	await signIn(page, 'facilitator');
	return page;
}

/** One code for the libraries engagement (2), for a household or a person, off its letter. */
async function makeCode(staff: Page, unit: 'Household' | 'Person' = 'Household'): Promise<string> {
	await open(staff, '/staff/engagements/2/codes');
	await staff.getByLabel('Label').fill(`Welsh test ${Date.now()}`);
	await staff.getByLabel('One code for each').selectOption({ label: unit });
	await staff.getByLabel('How many codes').fill('1');
	await staff.getByRole('button', { name: 'Make codes and print letters' }).click();
	return (await staff.locator('.letter .code').first().textContent())!.trim();
}

async function enterCode(page: Page, code: string, welsh = false): Promise<void> {
	await open(page, welsh ? '/cy/code' : '/code');
	await page.getByLabel(welsh ? 'Eich cod' : 'Your code').fill(code);
	await page.getByRole('button', { name: welsh ? 'Parhau' : 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		welsh ? "Mae eich cod yn barod i'w ddefnyddio" : 'Your code is ready to use'
	);
}

/** Votes on the open demo vote from its front page: one mark, then straight through. */
async function castBallot(page: Page, mark: Record<string, string>): Promise<void> {
	await page.getByRole('link', { name: 'Start', exact: true }).click();
	for (const [title, choice] of Object.entries(mark))
		await page
			.getByRole('group', { name: `What do you think of “${title}”?` })
			.getByLabel(choice, { exact: true })
			.check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Send my ballot' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your ballot has been sent');
}

test.describe('Welsh on every resident page', () => {
	test('every resident page fits a 320-pixel phone in Welsh @resident', async ({
		page,
		browser
	}) => {
		test.setTimeout(240_000);
		await page.setViewportSize(PHONE);
		const visit = async (url: string) => {
			await open(page, url);
			await expectFits(page);
		};

		for (const url of [
			'/cy',
			'/cy/code',
			'/cy/privacy',
			'/cy/accessibility',
			'/cy/cookies',
			'/cy/lab',
			'/cy/lab/CARE49',
			'/cy/vote/room',
			'/cy/survey/1',
			'/cy/survey/1/results',
			'/cy/vote/1',
			'/cy/vote/1/results',
			`/cy${CHARTER}`,
			`/cy${CHARTER}/comments`,
			`/cy${CHARTER}/history`,
			`/cy${CHARTER}/versions/1`,
			'/cy/no-such-page'
		])
			await visit(url);

		// Every activity's privacy notice.
		await open(page, '/cy/privacy');
		const notices = await page
			.locator('main a[href*="/privacy/"]')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		expect(notices.length).toBeGreaterThanOrEqual(6);
		for (const href of notices) await visit(href);

		// A code from a letter, accepted.
		const staff = await staffPage(browser);
		const code = await makeCode(staff);
		await staff.context().close();
		await enterCode(page, code, true);
		await expectFits(page);

		// The open survey, page by page, saved part-way and finished.
		await visit('/cy/survey/2');
		await page.getByRole('button', { name: 'Dechrau nawr' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Llyfrgelloedd');
		await expectFits(page);
		await page.getByRole('button', { name: 'Cadw a dod yn ôl yn nes ymlaen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			"Mae eich atebion wedi'u cadw"
		);
		await expectFits(page);
		await visit('/cy/survey/2');
		await page.getByRole('button', { name: "Parhau o'r man lle gwnaethoch chi adael" }).click();
		for (let step = 0; step < 20; step++) {
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page);
			if (await page.getByRole('button', { name: 'Anfon fy atebion' }).count()) break;
			const here = page.url();
			await page.getByRole('button', { name: 'Parhau', exact: true }).click();
			const summary = page.getByRole('alert');
			await expect.poll(async () => page.url() !== here || (await summary.count()) > 0).toBe(true);
			if (page.url() === here) {
				// The one required question: answered once its error is shown.
				await expectFits(page);
				await page.getByRole('radio', { name: 'Nac ydw' }).first().check();
				await page.getByRole('button', { name: 'Parhau', exact: true }).click();
				await page.waitForURL((u) => u.href !== here);
			}
		}
		await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			"Diolch: mae eich atebion wedi'u hanfon"
		);
		await expectFits(page);

		// The open vote: ballot, about you, check, sent, and back to change it.
		await open(page, '/cy');
		await page.getByRole('link', { name: OPEN_VOTE_CY }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(OPEN_VOTE_CY);
		const voteUrl = page.url();
		await expectFits(page);
		await page.getByRole('link', { name: 'Dechrau', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eich papur pleidleisio');
		await expectFits(page);
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amdanoch chi');
		await expectFits(page);
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.getByRole('button', { name: 'Anfon fy mhapur pleidleisio' })).toBeVisible();
		await expectFits(page);
		await page.getByRole('button', { name: 'Anfon fy mhapur pleidleisio' }).click();
		await expect(page.locator('.receipt')).toBeVisible();
		await expectFits(page);
		await visit(voteUrl);
		await expect(
			page.getByRole('heading', {
				name: "Mae papur pleidleisio wedi'i anfon gyda chod eich aelwyd"
			})
		).toBeVisible();

		// The ideas session on a phone, before and after joining.
		await visit('/cy/lab/HARP47');
		await page.getByRole('button', { name: 'Ymuno' }).click();
		await expect(page.getByText("Rydych wedi ymuno â'r sesiwn hon.")).toBeVisible();
		await expectFits(page);
	});

	test('council text shows in Welsh on Welsh pages, and English left over is marked as English @resident', async ({
		page
	}) => {
		await open(page, '/cy');
		// The demo has Welsh for what residents read: titles come in Welsh, unmarked.
		await expect(page.getByRole('link', { name: OPEN_VOTE_CY })).not.toHaveAttribute('lang');
		await page
			.getByRole('link', { name: 'Llyfrgelloedd fel canolfannau cymunedol: syniadau' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Llyfrgelloedd fel canolfannau cymunedol: syniadau'
		);
		await expect(
			page.getByText("Beth allai'r gymuned ei redeg yn ein llyfrgelloedd?")
		).toBeVisible();
		await open(page, `/cy${CHARTER}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Siarter Cyfleoedd Dydd Harbourside'
		);
		await expect(page.getByRole('heading', { name: 'Byw yn annibynnol' })).toBeVisible();
		// Review notes are written in English only: marked so.
		await expect(
			page.getByText('Both quarterly payments so far were made on time.')
		).toHaveAttribute('lang', 'en');
		await expectAccessible(page);
		// Dates in the page's language.
		await open(page, '/cy');
		await expect(page.locator('main')).toContainText(
			/Yn cau \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) 20\d\d am \d\d:\d\d/
		);
	});
});

test.describe('finding things', () => {
	test('the home page shows when open things close, and the results of what has closed @resident', async ({
		page
	}) => {
		await open(page, '/');
		const vote = page.locator('.card', { has: page.getByRole('link', { name: OPEN_VOTE }) });
		await expect(vote).toContainText(/Closes \d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d/);
		await expect(page.getByRole('heading', { name: 'Finished: what happened' })).toBeVisible();
		await expectAccessible(page);
		await page
			.getByRole('link', { name: /^See the vote results\s*: Day services budget 2027$/ })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Results: Day services budget 2027'
		);
		await open(page, '/');
		await page.getByRole('link', { name: /^Read the survey results/ }).click();
		await expect(page).toHaveURL(/\/survey\/1\/results$/);
		await open(page, '/');
		await page.getByRole('link', { name: /^See the ideas and the shortlist/ }).click();
		await expect(page).toHaveURL(/\/lab\/CARE49$/);

		await open(page, '/cy');
		await expect(
			page.getByRole('heading', { name: 'Wedi gorffen: beth ddigwyddodd' })
		).toBeVisible();
		await expect(
			page.getByRole('link', {
				name: /^Gweld canlyniadau'r bleidlais\s*: Cyllideb gwasanaethau dydd 2027$/
			})
		).toBeVisible();
		await expectAccessible(page);
	});

	test('a household code leads to everything it opens; used again, it says a ballot exists and never shows its marks @resident', async ({
		page,
		browser
	}) => {
		const staff = await staffPage(browser);
		const code = await makeCode(staff);
		await staff.context().close();

		await enterCode(page, code);
		// What the code opens, then what needs no code.
		await expect(page.getByRole('heading', { name: 'You can use your code for' })).toBeVisible();
		const [withCode, openToAll] = [
			page.locator('ul.cards').nth(0),
			page.locator('ul.cards').nth(1)
		];
		await expect(withCode.getByRole('link', { name: OPEN_VOTE })).toBeVisible();
		await expect(
			withCode.getByRole('link', { name: 'Libraries as community hubs: have your say' })
		).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Also open to everyone, no code needed' })
		).toBeVisible();
		await expect(
			openToAll.getByRole('link', { name: 'Libraries as community hubs: ideas' })
		).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: OPEN_VOTE }).click();
		await castBallot(page, { 'Stop the mobile library': 'Want' });

		// Someone else in the household, on another phone, with the same code.
		const other = await residentPage(browser);
		await enterCode(other, code);
		await expect(other.getByText(/A ballot was sent with your code on \d/)).toBeVisible();
		await other.getByRole('link', { name: OPEN_VOTE }).click();
		await expect(
			other.getByRole('heading', { name: "A ballot has been sent with your household's code" })
		).toBeVisible();
		await expect(
			other.getByText(/We do not show the marks on the ballot already sent/)
		).toBeVisible();
		await expect(other.getByRole('button', { name: 'Show my marks to change them' })).toHaveCount(
			0
		);
		await expectAccessible(other);
		await other.getByRole('link', { name: 'Start a new ballot' }).click();
		await expect(
			other
				.getByRole('group', { name: 'What do you think of “Stop the mobile library”?' })
				.getByLabel('No view')
		).toBeChecked();
		await other.context().close();
	});

	test('a code for one person shows its earlier marks only after the holder asks @resident', async ({
		page,
		browser
	}) => {
		const staff = await staffPage(browser);
		const code = await makeCode(staff, 'Person');
		await staff.context().close();
		await enterCode(page, code);
		await page.getByRole('link', { name: OPEN_VOTE }).click();
		await castBallot(page, { 'Self-service opening at quiet times': 'Want' });

		const later = await residentPage(browser);
		await enterCode(later, code);
		await later.getByRole('link', { name: OPEN_VOTE }).click();
		await expect(later.getByRole('heading', { name: 'You have voted' })).toBeVisible();
		// Not on the ballot page until asked.
		await later.getByRole('link', { name: 'Or start again with a blank ballot' }).click();
		await expect(
			later
				.getByRole('group', { name: 'What do you think of “Self-service opening at quiet times”?' })
				.getByLabel('No view')
		).toBeChecked();
		await later.getByRole('link', { name: 'Back' }).click();
		await later.getByRole('button', { name: 'Show my marks to change them' }).click();
		await expect(
			later
				.getByRole('group', { name: 'What do you think of “Self-service opening at quiet times”?' })
				.getByLabel('Want', { exact: true })
		).toBeChecked();
		await later.context().close();
	});
});

test.describe('privacy, accessibility and cookies', () => {
	test('every footer links them, in English and Welsh, and each says what the law asks @resident', async ({
		page
	}) => {
		await open(page, '/');
		const footer = page.getByRole('navigation', { name: 'About this website' });
		await expect(footer.getByRole('link', { name: 'Privacy' })).toHaveAttribute('href', '/privacy');
		await footer.getByRole('link', { name: 'Accessibility statement' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
		for (const heading of [
			'Compliance status',
			'Non-accessible content',
			'Reporting accessibility problems with this website',
			'Enforcement procedure',
			'Preparation of this accessibility statement'
		])
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
		await expect(
			page.getByText(
				/partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA/
			)
		).toBeVisible();
		await expect(
			page.getByText(/projector screen of an ideas session needs JavaScript/)
		).toBeVisible();
		await expect(page.getByText(/“Move to theme”/)).toBeVisible();
		await expect(page.getByText(/This statement was prepared on 7 December 2026/)).toBeVisible();
		await expectAccessible(page);

		await footer.getByRole('link', { name: 'Cookies' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookies');
		for (const name of [
			'cc_participant',
			'PARAGLIDE_LOCALE',
			'cc_room',
			'cc_kiosk',
			'cc_session',
			'cc_device'
		])
			await expect(page.getByRole('heading', { name })).toBeVisible();
		await expect(page.locator('li', { hasText: 'cc_participant' })).toContainText('90 days');
		await expectAccessible(page);

		// On an activity, the footer leads to that activity's own notice.
		await open(page, '/vote/1');
		await footer.getByRole('link', { name: 'Privacy' }).click();
		await expect(page).toHaveURL(/\/privacy\/vote\/1$/);
		await expect(
			page.getByText(/Harbourside Borough Council is the data controller/)
		).toBeVisible();
		await expect(page.getByText(/^Public task \(UK GDPR Article 6\(1\)\(e\)\)/)).toBeVisible();
		await expect(
			page.getByText(/substantial public interest \(UK GDPR Article 9\(2\)\(g\)\)/)
		).toBeVisible();
		await expect(page.getByText(/deleted once the result of the vote is recorded/)).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'dataprotection@harbourside.example' })
		).toBeVisible();
		await expect(page.getByText(/ico\.org\.uk/)).toBeVisible();
		await expectAccessible(page);
		await open(page, '/privacy/survey/1');
		await expect(page.getByText(/deleted on a date set by the commissioner/)).toBeVisible();

		await open(page, '/cy/vote/1');
		const cyFooter = page.getByRole('navigation', { name: 'Am y wefan hon' });
		await cyFooter.getByRole('link', { name: 'Preifatrwydd' }).click();
		await expect(page).toHaveURL(/\/cy\/privacy\/vote\/1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hysbysiad preifatrwydd');
		await expect(page.getByText(/cyn gynted ag y cofnodir canlyniad y bleidlais/)).toBeVisible();
		await expectAccessible(page);
		await cyFooter.getByRole('link', { name: 'Datganiad hygyrchedd' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datganiad hygyrchedd');
		await expect(page.getByText(/Paratowyd y datganiad hwn ar 7 Rhagfyr 2026/)).toBeVisible();
		await expectAccessible(page);
		await cyFooter.getByRole('link', { name: 'Cwcis' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cwcis');
		await expectAccessible(page);

		await open(page, '/staff/sign-in');
		await expect(footer.getByRole('link', { name: 'Accessibility statement' })).toBeVisible();
	});
});

test.describe('staff: Welsh for what residents read', () => {
	test('a lab, a charter and an engagement take Welsh; Welsh over the limit is refused beside the field and nothing is saved', async ({
		page
	}) => {
		await signIn(page, 'commissioner');
		// The demo's open survey and vote have Welsh for all their own text. (Other journeys add
		// catalogue names without Welsh, which these pages rightly list, so only their own.)
		for (const url of ['/staff/surveys/2', '/staff/votes/2']) {
			await open(page, url);
			await expect(
				page.locator('.welsh-gaps li', { hasText: /^(Survey|Question|Vote|Proposal)/ })
			).toHaveCount(0);
		}
		// A lab without Welsh: the console lists what is missing.
		const title = `Welsh lab ${Date.now()}`;
		await open(page, '/staff/labs/new?engagement=2');
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Libraries' });
		await page
			.getByLabel('Prompts', { exact: true })
			.fill('What would you run?\nWhen would you come?');
		await page.getByRole('button', { name: 'Create the lab' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const code = (await page.locator('.join-box .code').textContent())!.trim();
		const gaps = page.locator('.welsh-gaps');
		await expect(gaps.getByRole('heading')).toHaveText('Welsh missing (3)');
		await expect(gaps.getByRole('link', { name: 'Prompt 2' })).toBeVisible();
		await expectAccessible(page);

		const titleCy = page.getByLabel('Title in Welsh (optional)');
		await titleCy.evaluate((el) => el.removeAttribute('maxlength'));
		await titleCy.fill('Ll'.repeat(61));
		await page.getByRole('button', { name: 'Save the Welsh' }).click();
		await expect(page.locator('#field-titleCy-error')).toContainText(
			'Keep the Welsh title to 120 characters'
		);
		await expect(page.getByRole('alert')).toContainText('Keep the Welsh title to 120 characters');
		await expectAccessible(page);
		const phone = await page.context().newPage();
		await phone.goto(`/cy/lab/${code}`);
		await expect(phone.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(phone.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');

		await page.getByLabel('Title in Welsh (optional)').fill('Labordy Cymraeg');
		await page.getByLabel('Prompts in Welsh (optional)').fill('Beth fyddech chi’n ei redeg?');
		await page.getByRole('button', { name: 'Save the Welsh' }).click();
		await expect(gaps.getByRole('heading')).toHaveText('Welsh missing (1)');
		await phone.goto(`/cy/lab/${code}`);
		await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Labordy Cymraeg');
		await expect(phone.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang');
		await expect(phone.getByText('When would you come?')).toHaveAttribute('lang', 'en');
		await phone.close();

		// A new charter: its Welsh, field by field, with the same refusal.
		await open(page, '/staff/charters/new?engagement=2');
		await page.getByLabel('Title').fill(`Libraries charter ${Date.now()}`);
		await page.getByRole('button', { name: 'Start the charter' }).click();
		await expect(page.locator('.welsh-gaps').getByRole('heading')).toHaveText('Welsh missing (2)');
		await page.locator('.welsh-gaps').getByRole('link', { name: 'Title' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welsh');
		const charterTitleCy = page.getByLabel('Title in Welsh');
		await charterTitleCy.evaluate((el) => el.removeAttribute('maxlength'));
		await charterTitleCy.fill('S'.repeat(161));
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.locator('#field-title-error')).toContainText(
			'Title in Welsh must be 160 characters or fewer'
		);
		await expectAccessible(page);
		await page.getByLabel('Title in Welsh').fill('Siarter y llyfrgelloedd');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.locator('.welsh-gaps').getByRole('heading')).toHaveText('Welsh missing (1)');
		await expect(page.getByText('1 of 2 parts in Welsh')).toBeVisible();

		// The engagement's Welsh title goes on the Welsh half of every code letter.
		await open(page, '/staff/engagements/2');
		await page.getByText('Edit the engagement').click();
		const engagementCy = page.getByLabel('Title in Welsh (optional)');
		await engagementCy.evaluate((el) => el.removeAttribute('maxlength'));
		await engagementCy.fill('a'.repeat(161));
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.locator('#field-titleCy-error')).toContainText(
			'The Welsh title must be 160 characters or fewer'
		);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Libraries as community hubs');
		await open(page, '/staff/engagements/2/codes');
		await page.getByLabel('Label').fill('Bilingual letters');
		await page.getByLabel('How many codes').fill('1');
		await page.getByRole('button', { name: 'Make codes and print letters' }).click();
		const welshHalf = page.locator('.letter [lang="cy"]').first();
		await expect(welshHalf).toContainText(
			'Dweud eich dweud: Llyfrgelloedd fel canolfannau cymunedol'
		);
		await expect(welshHalf).toContainText('/cy/code');
		await expect(page.locator('.letter [lang="en"]').first()).toContainText(
			'Have your say: Libraries as community hubs'
		);
	});
});
