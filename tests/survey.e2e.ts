import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support';

/** The open demo survey (Libraries as community hubs) and the closed, published one (day services). */
const DEMO_OPEN = 2;
const DEMO_CLOSED = 1;

/** Continues to the next page (and waits for it: with JavaScript the form posts in the background). */
async function continueOn(page: Page): Promise<void> {
	const here = page.url();
	await page.getByRole('button', { name: /^(Continue|Parhau)$/ }).click();
	await page.waitForURL((url) => url.href !== here);
}

/** Continues where an answer is missing or wrong: the page stays, with an error summary. */
async function continueExpectingError(page: Page, message: string): Promise<void> {
	await page.getByRole('button', { name: /^(Continue|Parhau)$/ }).click();
	await expect(page.getByRole('alert')).toContainText(message);
}

/** A new survey on the libraries engagement, with two custom questions, opened; returns its id. */
async function buildSurvey(page: Page, title: string, access: RegExp): Promise<number> {
	await page.getByRole('link', { name: 'Libraries as community hubs' }).first().click();
	await page
		.locator('.card', { hasText: 'Community survey' })
		.getByRole('link', { name: 'Start a new one' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New survey');
	// The engagement's own service is chosen already.
	await expect(page.getByRole('checkbox', { name: 'Libraries' })).toBeChecked();
	await page.getByRole('button', { name: 'Save the survey' }).click();
	await expect(page.getByRole('alert')).toContainText('Give the survey a title.');
	await expectAccessible(page);

	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Title in Welsh (optional)').fill(`${title} (Cymraeg)`);
	await page.getByLabel('Introduction', { exact: true }).fill('Tell us about libraries and parks.');
	await page.getByRole('checkbox', { name: 'Parks and open spaces' }).check();
	await page.getByRole('radio', { name: access }).check();
	await page.getByRole('button', { name: 'Save the survey' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const id = Number(/\/staff\/surveys\/(\d+)/.exec(page.url())?.[1]);
	expect(id).toBeGreaterThan(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Add a question' }).click();
	await page.getByRole('button', { name: 'Add the question' }).click();
	await expect(page.getByRole('alert')).toContainText('Write the question in English.');
	await expectAccessible(page);
	await page.getByRole('radio', { name: /^Single choice/ }).check();
	await page
		.getByLabel('Question', { exact: true })
		.fill('Have you been to a library event this year?');
	await page
		.getByLabel('Question in Welsh (optional)')
		.fill('Ydych chi wedi bod i ddigwyddiad llyfrgell eleni?');
	await page.getByLabel('Options, one a line').fill('Yes\nNo');
	await page.getByLabel('Options in Welsh, line for line (optional)').fill('Ydw\nNac ydw');
	await page.getByLabel('People must answer this question').check();
	await page.getByRole('button', { name: 'Add the question' }).click();
	await expect(page.getByRole('cell', { name: /Have you been to a library event/ })).toBeVisible();

	await page.getByRole('link', { name: 'Add a question' }).click();
	await page.getByRole('radio', { name: /^Short text/ }).check();
	await page.getByLabel('Question', { exact: true }).fill('Which event was it?');
	await page
		.getByLabel('Show this question')
		.selectOption({ label: 'Q1: Have you been to a library event this year? → Yes' });
	await page.getByRole('button', { name: 'Add the question' }).click();
	await expect(page.getByRole('cell', { name: /Only if “Have you been/ })).toBeVisible();

	await page.getByRole('link', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Libraries' })).toBeVisible();
	await expect(page.getByText('Which event was it?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Preview in Welsh' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Llyfrgelloedd' })).toBeVisible();
	await expect(page.getByText('Ydych chi wedi bod i ddigwyddiad llyfrgell eleni?')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Back to the survey' }).click();

	await page.getByRole('button', { name: 'Open the survey' }).click();
	await expect(page.locator('main .tag').first()).toHaveText('Open');
	return id;
}

async function newResident(browser: Browser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	return context.newPage();
}

test.describe('survey: build, answer, read the maps', () => {
	test('a commissioner builds a survey; two residents answer it, one without JavaScript; staff read the maps', async ({
		page,
		browser
	}) => {
		test.setTimeout(120_000);
		await signIn(page, 'commissioner');
		const title = `Libraries and parks ${Date.now()}`;
		const id = await buildSurvey(page, title, /^Anyone with the link/);

		// Resident A, with JavaScript.
		const a = await newResident(browser);
		await a.goto(`/survey/${id}`);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(a);
		await a.getByRole('button', { name: 'Start now' }).click();
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('Libraries');
		await expect(a.getByText('Page 1 of')).toBeVisible();
		await expectAccessible(a);
		await a.getByRole('radio', { name: '5 – Essential' }).check();
		await a.getByRole('radio', { name: '2 – Fairly dissatisfied' }).check();
		await a.getByRole('checkbox', { name: 'Volunteer' }).check();
		await a.getByRole('checkbox', { name: 'Nothing at the moment' }).check();
		await a.getByRole('radio', { name: 'Yes, a lot' }).check();
		// "Nothing" cannot go with another answer: the error is beside the question and in the summary.
		await continueExpectingError(a, 'cannot go with the others');
		await expect(a.locator('.field.has-error legend')).toContainText(
			'What do you or your household already do'
		);
		await expect(a.getByRole('radio', { name: '5 – Essential' })).toBeChecked();
		await expectAccessible(a);
		await a.getByRole('checkbox', { name: 'Nothing at the moment' }).uncheck();
		await a.getByLabel('Tell us what you do (optional)').fill('I read to children on Saturdays');
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('Parks and open spaces');
		await a.getByRole('radio', { name: '4 – Very important' }).check();
		await a.getByRole('radio', { name: '4 – Fairly satisfied' }).check();
		await a.getByRole('radio', { name: 'No', exact: true }).check();
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('More questions');
		await continueExpectingError(a, 'Answer this question');
		await a.getByRole('radio', { name: 'Yes' }).check();
		await continueOn(a);
		await a.getByLabel('Which event was it?').fill('The book club');
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('About you');
		await expectAccessible(a);
		await a
			.getByRole('group', { name: 'Which area do you live in?' })
			.getByRole('radio', { name: 'Harbour' })
			.check();
		await a.getByRole('radio', { name: '35 to 49' }).check();
		await a
			.getByRole('group', { name: 'Are you in this group: Unpaid carers?' })
			.getByRole('radio', { name: 'Yes' })
			.check();
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText('Sensitive questions (optional)');
		await expect(a.getByText('never link them to you')).toBeVisible();
		await expectAccessible(a);
		await a
			.getByRole('group', { name: 'Are you in this group: Disabled residents?' })
			.getByRole('radio', { name: 'Prefer not to say' })
			.check();
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending them'
		);
		await expect(a.getByText('I read to children on Saturdays')).toBeVisible();
		await expect(a.getByText('The book club')).toBeVisible();
		await expectAccessible(a);
		// Changing an answer returns to the check page.
		await a.getByRole('link', { name: 'Change Which event was it?' }).click();
		await a.getByLabel('Which event was it?').fill('The craft club');
		await continueOn(a);
		await expect(a.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending them'
		);
		await expect(a.getByText('The craft club')).toBeVisible();
		await a.getByRole('button', { name: 'Send my answers' }).click();
		await expect(a.getByRole('heading', { level: 1 })).toHaveText(
			'Thank you: your answers have been sent'
		);
		await expectAccessible(a);
		await a.goto(`/survey/${id}`);
		await expect(a.getByText('You have already sent your answers')).toBeVisible();

		// Resident B, without JavaScript, saves part-way and comes back.
		const b = await newResident(browser, false);
		await b.goto(`/survey/${id}`);
		await b.getByRole('button', { name: 'Start now' }).click();
		await b.getByRole('radio', { name: '3 – Fairly important' }).check();
		await b.getByRole('radio', { name: '4 – Fairly satisfied' }).check();
		await b.getByRole('checkbox', { name: 'Nothing at the moment' }).check();
		await b.getByRole('radio', { name: 'Yes, a little' }).check();
		await b.getByRole('button', { name: 'Save and come back later' }).click();
		await expect(b.getByRole('heading', { level: 1 })).toHaveText('Your answers are saved');
		await b.goto(`/survey/${id}`);
		await expect(b.getByText('Your answers so far are saved')).toBeVisible();
		await b.getByRole('button', { name: 'Carry on where you left off' }).click();
		await expect(b.getByRole('heading', { level: 1 })).toHaveText('Parks and open spaces');
		await b.getByRole('link', { name: 'Back' }).click();
		await expect(b.getByRole('radio', { name: '3 – Fairly important' })).toBeChecked();
		await continueOn(b);
		await continueOn(b);
		await b.getByRole('radio', { name: 'No' }).check();
		await continueOn(b);
		// "Which event" is only asked after "Yes", so the next page is About you.
		await expect(b.getByRole('heading', { level: 1 })).toHaveText('About you');
		await b
			.getByRole('group', { name: 'Which area do you live in?' })
			.getByRole('radio', { name: 'Old Town' })
			.check();
		await continueOn(b);
		await continueOn(b);
		await expect(b.getByText('Which event was it?')).toHaveCount(0);
		await b.getByRole('button', { name: 'Send my answers' }).click();
		await expect(b.getByRole('heading', { level: 1 })).toHaveText(
			'Thank you: your answers have been sent'
		);

		// Staff read the maps.
		await page.goto(`/staff/surveys/${id}`);
		await expect(page.getByText('2 responses')).toBeVisible();
		await page.getByRole('link', { name: 'Results' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results: ${title}`);
		const libraries = page.getByRole('row', { name: /^Libraries/ }).first();
		await expect(libraries).toContainText('4.00');
		await expect(libraries).toContainText('Fix first');
		await expect(page.getByRole('img', { name: /Priority map/ })).toBeVisible();
		await expect(
			page.getByRole('table', { name: /per service/ }).getByRole('row', { name: /^Libraries/ })
		).toContainText('100%');
		await expectAccessible(page);

		// The services are fixed now; the export of responses has both rows, nothing special.
		await page.goto(`/staff/surveys/${id}`);
		await page.getByText('Edit the survey').click();
		await expect(page.getByText('its services are fixed')).toBeVisible();
		const csv = await page.request.get(`/staff/surveys/${id}/export.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toContain('Libraries: importance (1-5)');
		expect(lines[0]).not.toContain('Disabled residents');
		expect(lines.join('\n')).toContain('I read to children on Saturdays');

		// Published, every figure rests on fewer than 10 answers, so none is shown.
		await page.getByRole('button', { name: 'Publish results' }).click();
		await page.goto(`/survey/${id}/results`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Results: ${title}`);
		await expect(page.getByRole('cell', { name: 'fewer than 10 answers' }).first()).toBeVisible();
		await expect(page.getByRole('img', { name: /Priority map/ })).toHaveCount(0);
		await expectAccessible(page);
	});

	test('a survey by code needs a letter code, and each code answers once', async ({
		page,
		browser
	}) => {
		test.setTimeout(90_000);
		await signIn(page, 'commissioner');
		const title = `Code only ${Date.now()}`;
		const id = await buildSurvey(page, title, /^Only with a participation code/);
		await page.goto('/staff/engagements/2/codes');
		await page.getByLabel('Label').fill('Survey test letters');
		await page.getByLabel('How many codes').fill('1');
		await page.getByRole('button', { name: 'Make codes and print letters' }).click();
		const code = (await page.locator('.letter .code').first().textContent())!.trim();

		const resident = await newResident(browser);
		await resident.goto(`/survey/${id}`);
		await expect(resident.getByText('You need the code from your letter')).toBeVisible();
		await expectAccessible(resident);
		await resident.getByRole('link', { name: 'Enter your code' }).click();
		await resident.getByLabel('Your code').fill(code);
		await resident.getByRole('button', { name: 'Continue' }).click();
		await resident.getByRole('link', { name: title }).click();
		await resident.getByRole('button', { name: 'Start now' }).click();
		await expect(resident.getByText('Page 1 of')).toBeVisible();
		for (let i = 0; i < 2; i++) await continueOn(resident);
		await resident.getByRole('radio', { name: 'No' }).check();
		for (let i = 0; i < 3; i++) await continueOn(resident);
		await resident.getByRole('button', { name: 'Send my answers' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
			'Thank you: your answers have been sent'
		);

		// The same code on another device cannot answer again.
		const other = await newResident(browser);
		await other.goto('/code');
		// Typed before the page has started would be reset as it starts.
		await other.waitForLoadState('networkidle');
		await other.getByLabel('Your code').fill(code);
		await other.getByRole('button', { name: 'Continue' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Your code is ready to use');
		await other.goto(`/survey/${id}`);
		await expect(other.getByText('already been used to answer this survey')).toBeVisible();
		await expect(other.getByRole('button', { name: 'Start now' })).toHaveCount(0);
	});

	test('staff see the demo survey in full, with weighting and exports; facilitators cannot export', async ({
		page
	}) => {
		await signIn(page, 'commissioner');
		await page.goto(`/staff/surveys/${DEMO_CLOSED}/results`);
		await expect(page.getByText('420 responses')).toBeVisible();
		await expect(page.getByRole('row', { name: /^Adult day services/ }).first()).toContainText(
			'Fix first'
		);
		await expect(page.getByText(/Adult day services matters to people/)).toBeVisible();
		await expect(
			page.getByText(/^Adult day services: keenest to do more are Unpaid carers/)
		).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('radio', { name: 'By area', exact: true }).check();
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/weighting=area/);
		await expect(page.getByText(/Weighted \(by area\), capped at\s+5/)).toBeVisible();
		await expect(page.getByRole('table', { name: 'Weights by cell' })).toBeVisible();

		const xlsx = await page.request.get(`/staff/surveys/${DEMO_CLOSED}/export.xlsx?weighting=area`);
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
		const json = await (await page.request.get(`/staff/surveys/${DEMO_CLOSED}/export.json`)).json();
		expect(json.analysis.published).toBe(true);
		expect(json.analysis.respondents).toBe(420);
		const plain = await (await page.request.get(`/staff/surveys/${DEMO_CLOSED}/export.csv`)).text();
		expect(plain.split('\r\n')[0]).not.toContain('Disabled residents');
		const special = await (
			await page.request.get(`/staff/surveys/${DEMO_CLOSED}/export.csv?special=include`)
		).text();
		expect(special.split('\r\n')[0]).toContain('Are you in this group: Disabled residents?');

		await page.getByRole('button', { name: 'Sign out' }).click();
		await signIn(page, 'facilitator');
		await page.goto(`/staff/surveys/${DEMO_CLOSED}/results`);
		await expect(page.getByRole('heading', { level: 2, name: 'Exports' })).toHaveCount(0);
		expect((await page.request.get(`/staff/surveys/${DEMO_CLOSED}/export.csv`)).status()).toBe(403);
	});
});

test.describe('survey: residents', () => {
	test('a resident answers the open demo survey in Welsh, on any screen, with or without JavaScript @resident', async ({
		page
	}) => {
		await page.goto(`/cy/survey/${DEMO_OPEN}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Llyfrgelloedd fel canolfannau cymunedol: dweud eich dweud'
		);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Dechrau nawr' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Llyfrgelloedd');
		await expect(page.getByText(/Pa mor bwysig yw'r gwasanaeth hwn/)).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('radio', { name: '4 – Pwysig iawn' }).check();
		for (let i = 0; i < 4; i++) await continueOn(page);
		// The required question, answered in Welsh after an error in Welsh.
		await continueExpectingError(page, 'Atebwch y cwestiwn hwn');
		await expectAccessible(page);
		await page.getByRole('radio', { name: 'Nac ydw' }).check();
		await continueOn(page);
		// "Which library" is hidden after "No"; the next question on that page is still asked.
		await expect(page.getByText('Pa lyfrgell ydych chi’n ei defnyddio fwyaf?')).toHaveCount(0);
		await expect(
			page.getByLabel('Beth fyddai’n gwneud i chi ddefnyddio llyfrgell yn amlach?')
		).toBeVisible();
		await continueOn(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amdanoch chi');
		await expect(
			page.getByRole('radio', { name: 'Gwell gennyf beidio â dweud' }).first()
		).toBeVisible();
		await continueOn(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Cwestiynau sensitif (dewisol)'
		);
		await continueOn(page);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Gwiriwch eich atebion cyn eu hanfon'
		);
		await expect(page.getByText('4 – Pwysig iawn')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Anfon fy atebion' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			"Diolch: mae eich atebion wedi'u hanfon"
		);
		await expectAccessible(page);
	});

	test('the published demo results show what to fix first and who would help @resident', async ({
		page
	}) => {
		await page.goto(`/survey/${DEMO_CLOSED}`);
		await expect(page.getByText('This survey has closed')).toBeVisible();
		await page.getByRole('link', { name: 'Read the results' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Results: Day services and the community: what matters to you'
		);
		await expect(page.getByText(/Adult day services matters to people/)).toBeVisible();
		await expect(page.getByText(/^Adult day services: keenest are Unpaid carers/)).toBeVisible();
		await expect(page.getByRole('img', { name: /Priority map/ })).toBeVisible();
		await expect(page.getByRole('row', { name: /^Adult day services/ }).first()).toContainText(
			'Fix first'
		);
		await expectAccessible(page);
		await page.goto(`/cy/survey/${DEMO_CLOSED}/results`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Canlyniadau: Gwasanaethau dydd a’r gymuned: beth sy’n bwysig i chi'
		);
		await expect(
			page.getByRole('row', { name: /^Gwasanaethau dydd i oedolion/ }).first()
		).toContainText('Trwsio gyntaf');
		await expectAccessible(page);
	});
});
