import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';

const ENGAGEMENT = 'Day services for adults: redesign for 2027';
const RECORD = '/staff/engagements/1/decision';
const PUBLIC = '/you-said-we-did/1';

/** No sideways scrolling: everything fits the window. */
async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** A page in a new context: a phone 320px wide unless said otherwise, JavaScript on or off. */
async function newPage(
	browser: Browser,
	info: TestInfo,
	options: { width?: number; javaScriptEnabled?: boolean } = {}
) {
	const width = options.width ?? 320;
	const context = await browser.newContext({
		baseURL: info.project.use.baseURL,
		viewport: { width, height: width < 500 ? 640 : 900 },
		isMobile: width < 500,
		hasTouch: width < 500,
		javaScriptEnabled: options.javaScriptEnabled ?? true
	});
	return context.newPage();
}

/** Today and a later day in the council's time zone, as a date input takes them. */
function councilDay(offsetDays = 0): string {
	const d = new Date(Date.now() + offsetDays * 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

/** Prints the page to PDF, keeps it (and its first page as a picture) with the test, and reads its text. */
async function printed(page: Page, info: TestInfo, name: string): Promise<string> {
	const file = info.outputPath(`${name}.pdf`);
	writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
	await info.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
	execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, info.outputPath(name)]);
	for (const png of readdirSync(info.outputPath('')).filter(
		(f) => f.startsWith(name) && f.endsWith('.png')
	))
		await info.attach(png, { path: info.outputPath(png), contentType: 'image/png' });
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
	expect(pages).toBeGreaterThan(1);
	return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

/**
 * Fills the assessment form: a mitigation and an owner for each impact (but no mitigation for
 * `unmitigated`), the judgement, its reasons and the sign-off.
 */
async function fillAssessment(page: Page, impacts: string[], unmitigated?: string) {
	const field = (name: string) => page.locator(`[id="field-${name}"]`);
	for (const key of impacts) {
		await field(`mitigation-${key}`).fill(key === unmitigated ? '' : `Mitigation for ${key}`);
		await field(`owner-${key}`).fill('Director of Adult Social Care');
	}
	await page.getByLabel('Continue despite adverse impacts, with the justification below').check();
	await page
		.getByLabel('Reasons for the judgement')
		.fill('The savings are needed; each impact is mitigated.');
	await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
	await page.getByLabel('Role', { exact: true }).fill('Equality and Diversity Lead');
	await page.getByLabel('Date', { exact: true }).fill(councilDay());
}

test.describe('you said, we did', () => {
	test('the demo’s decision is on a public page in English and Welsh @resident', async ({
		page
	}) => {
		await open(page, '/');
		await page.getByRole('link', { name: `You said, we did: ${ENGAGEMENT}` }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGAGEMENT);
		for (const heading of [
			'What we asked',
			'What you said',
			'Services you protected',
			'What councillors decided',
			'What changes, and when',
			'The charter that holds everyone to it'
		])
			await expect(page.getByRole('heading', { name: heading })).toBeVisible();
		// Closed activities with their dates and results, not only what is open now.
		await expect(page.getByText('Open from 3 October 2026 to 30 October 2026')).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Results: Day services budget 2027' })
		).toBeVisible();
		const centres = page.getByRole('listitem').filter({ hasText: 'Close two day centres' });
		await expect(centres).toContainText('Protected by:');
		await expect(centres.getByRole('listitem')).toHaveText([
			'People who use the service',
			'Disabled residents'
		]);
		await expect(page.getByText(/Minute reference: CAB\/2026\//)).toBeVisible();
		await expect(
			page.getByRole('link', { name: 'Read the charter: Harbourside Day Opportunities Charter' })
		).toBeVisible();
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);

		await open(page, `/cy${PUBLIC}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(
			page.getByRole('heading', { name: 'Beth benderfynodd y cynghorwyr' })
		).toBeVisible();
		const canolfannau = page.getByRole('listitem').filter({ hasText: 'Cau dwy ganolfan ddydd' });
		await expect(canolfannau).toContainText("Wedi'i warchod gan:");
		await expect(canolfannau.getByRole('listitem')).toHaveText([
			"Pobl sy'n defnyddio'r gwasanaeth",
			'Preswylwyr anabl'
		]);
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);
	});

	test('an engagement that does not exist is a plain 404 @resident', async ({ page }) => {
		const response = await page.goto('/you-said-we-did/999');
		expect(response?.status()).toBe(404);
	});
});

test.describe('councillors', () => {
	test('read, but cannot post to any staff action except scrutiny', async ({ page, baseURL }) => {
		await signIn(page, 'councillor');
		await page.getByRole('link', { name: ENGAGEMENT }).click();
		await expect(page.getByRole('button', { name: 'Save stage' })).toHaveCount(0);
		await page.getByRole('link', { name: 'The decision record' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Decision record' })).toBeVisible();
		await expect(page.getByRole('button', { name: /Start a new version|Publish/ })).toHaveCount(0);

		const posts: [string, Record<string, string>][] = [
			['/staff/engagements/1?/stage', { stage: 'review' }],
			['/staff/engagements/new', { title: 'Councillor engagement', serviceId: 'libraries' }],
			[`${RECORD}?/start`, { from: 'data' }],
			[`${RECORD}?/publish`, {}],
			[`${RECORD}?/callIn`, { to: 'calledIn', note: 'Cllr' }],
			[`${RECORD}/members?/decision`, { status: 'pending' }],
			[`${RECORD}/options?/add`, { title: 'Sneaky option', kind: 'alternative', amount: '' }],
			[`${RECORD}/eqia`, { intent: 'save' }],
			['/staff/votes/1/results?/recount', {}],
			['/staff/engagements/1/report?/openData', {}],
			['/staff/charters/1/comments?/answer', { commentId: 'k1', response: 'acknowledged' }]
		];
		for (const [url, form] of posts) {
			const response = await page.request.post(url, { form, headers: { origin: baseURL! } });
			expect(response.status(), url).toBe(403);
		}
		// Scrutiny takes their post, but answering is for officers.
		const answer = await page.request.post(`${RECORD}/scrutiny?/answer`, {
			form: { itemId: '1', 'answer-1': 'I answer my own question' },
			headers: { origin: baseURL! }
		});
		expect(answer.status()).toBe(403);
	});
});

test.describe('a decision record from draft to publication', () => {
	test('a commissioner drafts from the closed vote and completes the assessment, a councillor scrutinises, members decide, it is published and printed, residents read it', async ({
		page,
		browser
	}, info) => {
		test.setTimeout(300_000);
		const question = `Councillor question ${Date.now()}: how will day centre users hear about the change?`;

		// The commissioner starts version 2 afresh from the demo's closed vote.
		await signIn(page, 'commissioner');
		await page.getByRole('link', { name: ENGAGEMENT }).click();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'The decision record' }).click();
		await expect(page.getByText(/Version 1, published/)).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel(/Afresh from the data/).check();
		await page.getByRole('button', { name: 'Start a new version' }).click();
		await expect(page.getByText('The draft, which will replace version 1')).toBeVisible();
		await expect(
			page.getByRole('link', { name: /Record the decision members took/ })
		).toBeVisible();

		// Options: the vote's proposals with their decisions, plus one staff add.
		await page.getByRole('link', { name: 'Options considered' }).first().click();
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Close two day centres' })
		).toContainText('The count: Protected');
		await page
			.getByLabel('Option', { exact: true })
			.fill('Reduce day centre opening to four days instead of closing two');
		await page.getByLabel('Saving', { exact: true }).check();
		await page.getByLabel('Amount in pounds (optional)').fill('150000');
		await page.getByRole('button', { name: 'Add the option' }).click();
		await expect(
			page.getByRole('button', { name: /Remove “Reduce day centre opening/ })
		).toBeVisible();
		await expectAccessible(page);

		// The summary writes itself from the data, and can be edited.
		await open(page, `${RECORD}/summary`);
		const views = page.getByLabel('What they said', { exact: true });
		await expect(views).toHaveValue(/Residents protected 1 saving/);
		await views.fill(
			`${await views.inputValue()}\n\nCarers told the lab they want a say in the new venues.`
		);
		await page.getByRole('button', { name: 'Save the summary' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Decision record' })).toBeVisible();
		await open(page, `${RECORD}/summary`);
		await expect(page.getByLabel('What they said', { exact: true })).toHaveValue(
			/Carers told the lab/
		);
		await expectAccessible(page);

		// The recommendation, with the money against the target.
		await open(page, `${RECORD}/recommendation`);
		await page.getByLabel(/Pay day-service providers per session attended/).check();
		await page
			.getByLabel('Recommendation', { exact: true })
			.fill(
				'Make the savings residents supported, keep both day centres open and pay providers per session.'
			);
		await page.getByRole('button', { name: 'Save the recommendation' }).click();
		await expect(page.getByText('Savings recommended')).toBeVisible();
		await expect(
			page.getByRole('definition').filter({ hasText: '£600,000' }).first()
		).toBeVisible();
		await expectAccessible(page);

		// The equality impact assessment: override order first, plain tables.
		await open(page, `${RECORD}/eqia`);
		await expect(page.locator('.proposal').first()).toHaveText(
			'Run community transport three days a week instead of five'
		);
		const centres = page.getByRole('table', {
			name: 'Groups affected by Close two day centres for adults with learning disabilities'
		});
		await expect(
			centres.getByRole('row', { name: /People who use the service/ }).first()
		).toContainText('Protects it');
		await expectAccessible(page);
		await page
			.getByRole('link', {
				name: 'Mark adverse impacts of “Close two day centres for adults with learning disabilities”'
			})
			.click();
		await expectAccessible(page);
		await page.getByLabel(/Unpaid carers/).check();
		await page.getByRole('button', { name: 'Save the impacts' }).click();
		await expect(
			page.getByRole('heading', { level: 2, name: 'Mitigations and sign-off' })
		).toBeVisible();

		const field = (name: string) => page.locator(`[id="field-${name}"]`);
		const impacts = [
			'10-older',
			'5-users',
			'5-disabled',
			'5-users+disabled',
			'5-carers',
			'9-older'
		];
		await fillAssessment(page, impacts, '9-older');
		await page.getByRole('button', { name: 'Save and sign off' }).click();
		// Refused, with the message beside the field that is missing, and nothing written.
		await expect(page.getByRole('alert')).toContainText(
			'Write how the adverse impact of “End the golf course subsidy”'
		);
		await expect(field('mitigation-9-older-error')).toContainText(
			'is mitigated before signing off'
		);
		await expect(field('mitigation-10-older')).toHaveValue('Mitigation for 10-older');
		await open(page, `${RECORD}/eqia`);
		await expect(field('mitigation-10-older')).toHaveValue('');
		await fillAssessment(page, impacts);
		// Wait for the sign-off to be answered: going to the record at once could cancel the post
		// (there is no alert to wait for, as the page comes back as it was).
		const signedOff = page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().includes('/decision/eqia')
		);
		await page.getByRole('button', { name: 'Save and sign off' }).click();
		expect((await signedOff).status()).toBeLessThan(400);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await open(page, RECORD);
		await expect(
			page.getByRole('link', { name: /Sign off the equality impact assessment/ })
		).toHaveCount(0);
		await expect(page.getByText('Priya Shah, Equality and Diversity Lead')).toBeVisible();

		// The assessment exports as a spreadsheet.
		const csv = await page.request.get(`${RECORD}/eqia.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain('"Mitigation for 5-carers","Director of Adult Social Care"');

		// A councillor, on a phone, reads the draft and asks a question.
		const councillor = await newPage(browser, info);
		await signIn(councillor, 'councillor');
		await expectNoSidewaysScroll(councillor);
		await councillor.getByRole('link', { name: ENGAGEMENT }).click();
		await expectNoSidewaysScroll(councillor);
		await councillor.getByRole('link', { name: 'The decision record' }).click();
		await expect(councillor.getByText('The draft, which will replace version 1')).toBeVisible();
		await expectNoSidewaysScroll(councillor);
		await expectAccessible(councillor);
		for (const part of ['options', 'summary', 'recommendation', 'eqia', 'members', 'pack']) {
			await open(councillor, `${RECORD}/${part}`);
			await expectNoSidewaysScroll(councillor);
		}
		await open(councillor, `${RECORD}/scrutiny`);
		await councillor.getByLabel('Your question or comment').fill(question);
		await councillor.getByRole('button', { name: 'Send to officers' }).click();
		await expect(councillor.getByRole('listitem').filter({ hasText: question })).toContainText(
			'Waiting for an answer'
		);
		await expectNoSidewaysScroll(councillor);
		await expectAccessible(councillor);

		// The record cannot be published while the question waits; the commissioner answers it.
		await open(page, RECORD);
		await expect(
			page.getByRole('link', { name: /Answer every scrutiny question first/ })
		).toBeVisible();
		await open(page, `${RECORD}/scrutiny`);
		const item = page.getByRole('listitem').filter({ hasText: question });
		await item
			.getByLabel('Answer', { exact: true })
			.fill('A letter and a call from their key worker.');
		await item.getByRole('button', { name: 'Save the answer' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: question })).toContainText(
			'Answered'
		);
		await expectAccessible(page);
		await councillor.reload();
		await expect(councillor.getByText('A letter and a call from their key worker.')).toBeVisible();

		// The members' decision: a date before the vote closed and an empty minute are refused.
		await open(page, `${RECORD}/members`);
		await page.getByLabel('Decided', { exact: true }).check();
		await page.getByLabel('Meeting', { exact: true }).fill('Cabinet');
		await page.getByLabel('Date of the decision').fill('2026-10-29');
		await page.getByLabel('Minute reference').fill('CAB/2026/131');
		await page.getByLabel('Yes, as recommended').check();
		await page.getByLabel('Call-in period ends').fill(councilDay(7));
		await page.getByRole('button', { name: 'Save the decision' }).click();
		await expect(field('date-error')).toContainText(
			'The decision date cannot be before the vote closed on 30 October 2026'
		);
		await expectAccessible(page);
		await page.getByLabel('Date of the decision').fill(councilDay());
		await page.getByLabel('Minute reference').fill('');
		await page.getByRole('button', { name: 'Save the decision' }).click();
		await expect(field('minuteRef-error')).toContainText('Enter the minute reference');
		await page.getByLabel('Minute reference').fill('CAB/2026/131');
		await page
			.getByLabel('What members decided, in plain words')
			.fill('Cabinet kept both day centres open and will pay providers per session.');
		await page
			.getByLabel('What members decided, in Welsh')
			.fill(
				'Cadwodd y Cabinet y ddwy ganolfan ddydd ar agor a bydd yn talu darparwyr am bob sesiwn.'
			);
		await page.getByRole('button', { name: 'Save the decision' }).click();
		await expect(page.getByRole('alert')).toHaveCount(0);
		await page
			.getByLabel('What changes', { exact: true })
			.fill('Day centres open four days a week');
		await page
			.getByLabel('What changes, in Welsh')
			.fill('Canolfannau dydd ar agor pedwar diwrnod yr wythnos');
		await page.getByLabel('When').fill('2027-04-01');
		await page.getByRole('button', { name: 'Add the change' }).click();
		await expect(page.getByText('Day centres open four days a week')).toBeVisible();
		await expectAccessible(page);

		// Published: version 2 replaces version 1, which is kept.
		await open(page, RECORD);
		await page.getByRole('button', { name: 'Publish the record' }).click();
		await expect(page.getByText('Version 2 is published.')).toBeVisible();
		const versions = page.getByRole('table', { name: 'Versions' });
		await expect(versions.getByRole('row', { name: /Version 1/ })).toContainText('Superseded');
		await expect(versions.getByRole('row', { name: /Version 2/ })).toContainText(
			'Published: in force'
		);
		await expectAccessible(page);

		// The scrutiny pack and the engagement report, printed and read as PDF pages.
		await open(page, `${RECORD}/pack`);
		await expectAccessible(page);
		const pack = await printed(page, info, 'scrutiny-pack');
		for (const words of [
			'Scrutiny pack',
			'Decision record, version 2',
			'Equality impact assessment',
			'Mitigation for 5-carers',
			'CAB/2026/131',
			'A letter and a call from their key worker.'
		])
			expect(pack.toLowerCase()).toContain(words.toLowerCase());
		expect(pack).not.toContain('Sign out');
		await open(page, '/staff/engagements/1/report');
		const report = await printed(page, info, 'engagement-report');
		expect(report).toContain('Ranked priorities');
		expect(report).not.toContain('Sign out');

		// Residents see it without JavaScript on a 320px phone, in English and Welsh.
		const resident = await newPage(browser, info, { javaScriptEnabled: false });
		await resident.goto(PUBLIC);
		await expect(resident.getByText('Minute reference: CAB/2026/131')).toBeVisible();
		await expect(resident.getByText(/It replaces version 1/)).toBeVisible();
		await expect(
			resident.getByText('Cabinet kept both day centres open and will pay providers per session.')
		).toBeVisible();
		await expect(resident.getByText(/Day centres open four days a week/)).toBeVisible();
		await expectNoSidewaysScroll(resident);
		await resident.goto(`/cy${PUBLIC}`);
		await expect(
			resident.getByText(/Cadwodd y Cabinet y ddwy ganolfan ddydd ar agor a bydd/)
		).toBeVisible();
		await expect(resident.getByText(/Canolfannau dydd ar agor pedwar diwrnod/)).toBeVisible();
		await expect(resident.getByText(/Mae'n disodli fersiwn 1/)).toBeVisible();
		await expectNoSidewaysScroll(resident);

		// A resident who took part with a code finds it from the code page.
		await open(page, '/staff/engagements/1/codes');
		await page.getByLabel('Label').fill(`Decision record ${Date.now()}`);
		await page.getByLabel('How many codes').fill('1');
		await page.getByRole('button', { name: 'Make codes and print letters' }).click();
		const code = (await page.locator('.letter .code').first().textContent())!.trim();
		await resident.goto('/code');
		await resident.getByLabel('Your code').fill(code);
		await resident.getByRole('button', { name: 'Continue' }).click();
		await resident
			.getByRole('link', { name: 'See what residents said and what the council decided' })
			.click();
		await expect(resident.getByText('Minute reference: CAB/2026/131')).toBeVisible();

		// Scrutiny calls the decision in: a new version records it, and residents are told.
		await open(page, RECORD);
		await page.getByLabel('Scrutiny called the decision in').check();
		await page.getByLabel('Note').fill('Cllr Rees and two others: the transport decision.');
		await page.getByRole('button', { name: 'Record it as a new version' }).click();
		await expect(
			page.getByRole('table', { name: 'Versions' }).getByRole('row', { name: /Version 3/ })
		).toContainText('Called in by scrutiny: Cllr Rees and two others');
		await expectAccessible(page);
		await resident.goto(PUBLIC);
		await expect(
			resident.getByText(/have called the decision in to look at it again/)
		).toBeVisible();
		await expect(resident.getByText(/It replaces version 2/)).toBeVisible();

		// Every change is in the audit log.
		await page.getByRole('button', { name: 'Sign out' }).click();
		await signIn(page, 'admin');
		await open(page, '/staff/audit?entityType=decision');
		for (const action of [
			'decision.draft',
			'decision.eqia.signOff',
			'decision.scrutiny.question',
			'decision.publish',
			'decision.callIn'
		])
			await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
	});

	test('a record for an engagement with no closed vote drafts from what exists', async ({
		page
	}) => {
		await signIn(page, 'commissioner');
		await open(page, '/staff/engagements/2/decision');
		await page.getByRole('button', { name: 'Draft the decision record' }).click();
		await expect(page.getByRole('definition').filter({ hasText: 'The draft' })).toBeVisible();
		await expect(
			page.getByText('No community budget vote has closed for this engagement')
		).toBeVisible();
		await open(page, '/staff/engagements/2/decision/eqia');
		await expect(
			page.getByText('There is no closed vote, so there are no figures by group.')
		).toBeVisible();
		await expectAccessible(page);
	});
});
