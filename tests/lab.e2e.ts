import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	expectAccessible,
	expectNoSidewaysScroll,
	expectWallFits,
	signIn,
	WALL_SIZES
} from './support';

/** The open demo lab on libraries (src/lib/server/lab/seed.ts). */
const OPEN_LAB = 'HARP47';
/** The finished demo lab on day services. */
const FINISHED_LAB = 'CARE49';

const unique = () => Math.random().toString(36).slice(2, 8);

/** Signs in as a commissioner, makes an engagement and a lab on it; returns the lab's code. */
async function newLab(page: Page, title: string): Promise<{ code: string; consoleUrl: string }> {
	await signIn(page, 'commissioner');
	await page.getByRole('link', { name: 'New engagement' }).click();
	await page.getByLabel('Title', { exact: true }).fill(`Transport lab ${unique()}`);
	await page.getByLabel('Service').selectOption({ label: 'Community transport' });
	await page.getByRole('button', { name: 'Create engagement' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Steps' })).toBeVisible();
	// The engagement page lists the lab step and links to a new lab for this engagement.
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Co-production lab' }) })
		.getByRole('link', { name: 'Start a new one' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a new lab');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Create the lab' }).click();
	await expect(page.getByRole('alert')).toContainText('Give the lab a title');
	await expect(page.getByRole('alert')).toContainText('Add at least one prompt');
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Community transport' });
	await page
		.getByLabel('Prompts', { exact: true })
		.fill('How could we get people to day centres for less?');
	await page.getByRole('button', { name: 'Create the lab' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const code = (await page.locator('.join-box .code').textContent())!.trim();
	expect(code).toMatch(/^[ACEFHKMNPRTWXY3479]{6}$/);
	return { code, consoleUrl: page.url() };
}

/**
 * With JavaScript, waits until the page is live (hydrated and streaming), so what the test
 * types is not lost to hydration; without it there is nothing to wait for.
 */
async function ready(page: Page, javaScriptEnabled: boolean) {
	if (javaScriptEnabled)
		await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
}

async function joinFromPhone(
	browser: Browser,
	code: string,
	who: { name?: string; role?: string },
	javaScriptEnabled = true
): Promise<Page> {
	const phone = await (
		await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled })
	).newPage();
	await phone.goto(`/lab/${code.toLowerCase()}`);
	await expect(phone).toHaveURL(new RegExp(`/lab/${code}$`));
	await ready(phone, javaScriptEnabled);
	if (who.name) await phone.getByLabel('Your first name (optional)').fill(who.name);
	if (who.role) await phone.getByRole('radio', { name: who.role }).check();
	await phone.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(phone.getByText(/You have joined this session/)).toBeVisible();
	return phone;
}

async function post(phone: Page, text: string, kind = 'Saves money') {
	await phone.getByLabel('Your idea').fill(text);
	await phone.getByRole('radio', { name: kind }).check();
	await phone.getByRole('button', { name: 'Post idea' }).click();
	await expect(
		phone.getByRole('status').filter({ hasText: 'Your idea is on the board' })
	).toBeVisible();
	await expect(phone.getByLabel('Your idea')).toHaveValue('');
}

/** The facilitator's console card of an idea. */
function card(page: Page, text: string) {
	return page.locator('li.idea', { has: page.locator('p.text', { hasText: text }) });
}

async function phase(page: Page, button: string, current: string) {
	await page.getByRole('button', { name: button }).click();
	await expect(page.locator('.steps [aria-current="step"]')).toHaveText(current);
}

/** Sends one of the console's forms as a browser without JavaScript would, and expects it taken. */
async function consoleForm(
	page: Page,
	consoleUrl: string,
	action: string,
	form: Record<string, string>
) {
	const response = await page.request.post(`${consoleUrl}?/${action}`, {
		form,
		headers: { origin: new URL(consoleUrl).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `${action} ${JSON.stringify(form)}`).toBe(303);
}

/** Twenty ideas of every length, up to the longest allowed, as the facilitator types them in. */
const TWENTY_IDEAS = Array.from(
	{ length: 20 },
	(_, i) =>
		[
			`Idea ${i + 1}: volunteer drivers`,
			`Idea ${i + 1}: a shared minibus with the school, booked through the library desk`,
			`Idea ${i + 1}: ${'people who cannot drive still get to the day centre and back, '.repeat(5)}`
				.slice(0, 280)
				.replace(/\s+\S*$/, '.')
		][i % 3]
);

test.describe('co-production lab', () => {
	test('joining with a code: errors beside the field, in English and Welsh @resident', async ({
		page
	}) => {
		await page.goto('/lab');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('#field-code-error')).toContainText('Enter the code shown');
		await page.getByLabel('Session code').fill('ZZZZZZ');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('#field-code-error')).toContainText('does not look right');
		await page.getByLabel('Session code').fill('ack-39x');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('#field-code-error')).toContainText('could not find a session');
		await expectAccessible(page);
		await page.getByLabel('Session code').fill(OPEN_LAB.toLowerCase());
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(new RegExp(`/lab/${OPEN_LAB}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Libraries as community hubs: ideas'
		);
		await expectAccessible(page);

		await page.getByRole('link', { name: 'Cymraeg' }).click();
		await expect(page).toHaveURL(new RegExp(`/cy/lab/${OPEN_LAB}$`));
		await expect(page.getByRole('heading', { level: 2, name: "Ymuno â'r sesiwn" })).toBeVisible();
		await expect(page.getByText('Nawr: Syniadau')).toBeVisible();
		await expectAccessible(page);

		// Errors come from the server in the reader's language.
		await page.goto('/cy/lab');
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.locator('#field-code-error')).toContainText('Rhowch y cod sydd ar y sgrin');
	});

	test('a phone joins the open demo lab and posts an idea, with or without JavaScript @resident', async ({
		page,
		javaScriptEnabled
	}) => {
		const idea = `A reading garden behind the library ${unique()}`;
		await page.goto(`/lab/${OPEN_LAB}`);
		await ready(page, javaScriptEnabled);
		await page.getByLabel('Your first name (optional)').fill('Nia');
		await page.getByRole('radio', { name: 'I use the service' }).check();
		await page.getByRole('button', { name: 'Join', exact: true }).click();
		await expect(page.getByText('You have joined this session as Nia.')).toBeVisible();
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);

		await page.getByRole('button', { name: 'Post idea' }).click();
		await expect(page.getByRole('alert')).toContainText('Write your idea in 3 to 280 characters');
		await expect(page.locator('#field-text-error')).toBeVisible();
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);
		await page.getByLabel('Your idea').fill(idea);
		await page.getByRole('radio', { name: 'Community can do' }).check();
		await page.getByLabel('What could you contribute? (optional)').fill('Two hours a week');
		await page.getByRole('button', { name: 'Post idea' }).click();
		await expect(page.getByText('Thank you. Your idea is on the board.')).toBeVisible();
		const mine = page.getByRole('listitem').filter({ hasText: idea });
		await expect(mine).toContainText('Nia, I use the service');
		await expect(mine).toContainText('Could contribute: Two hours a week');

		// In Welsh, the board and the form are Welsh too.
		await page.goto(`/cy/lab/${OPEN_LAB}`);
		await expect(page.getByRole('button', { name: "Rhannu'r syniad" })).toBeVisible();
		await expect(page.getByText("Rydych wedi ymuno â'r sesiwn hon fel Nia.")).toBeVisible();
	});

	test('three screens: join, post, group, vote, shortlist and proposals, live on the projector', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		const { code, consoleUrl } = await newLab(page, `Day transport lab ${unique()}`);
		await expectAccessible(page);

		const projector = await (
			await browser.newContext({ viewport: { width: 1600, height: 900 } })
		).newPage();
		await projector.goto(`/lab/${code}/screen`);
		await expect(projector.locator('.code')).toHaveText(code);
		await expect(projector.getByRole('img', { name: /QR code/ })).toBeVisible();
		await expect(projector.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
		await expectAccessible(projector);
		// A marker that a reload would wipe: the projector must update without one.
		await projector.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

		const sue = await joinFromPhone(browser, code, { name: 'Sue', role: 'Carer' });
		const anon = await joinFromPhone(browser, code, { role: 'Staff' });
		await expect(projector.getByTestId('participant-count')).toHaveText('2');
		await expect(sue.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

		const drivers = `Volunteer drivers ${unique()}`;
		const drivers2 = `Volunteers could drive people ${unique()}`;
		const taxis = `Share taxis ${unique()}`;
		const potholes = `Fix the potholes ${unique()}`;
		await post(sue, drivers, 'Community can do');
		await expect(projector.getByText(drivers)).toBeVisible();
		await post(anon, drivers2, 'Community can do');
		await post(anon, taxis);
		await post(sue, potholes, 'Improves outcomes');
		await expect(projector.getByText(potholes)).toBeVisible();
		await expect(projector.getByTestId('idea-count')).toHaveText('4');
		// Sue's phone saw Dan's ideas arrive too.
		await expect(sue.getByText(taxis)).toBeVisible();
		expect(await projector.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(
			42
		);

		// Grouping, from the facilitator's console.
		await page.goto(consoleUrl);
		await expect(card(page, taxis)).toBeVisible();
		await phase(page, 'Move on to grouping', 'grouping');
		await expect(projector.getByText('Now: Grouping')).toBeVisible();
		await page.getByLabel('New theme').fill('Transport');
		await page.getByRole('button', { name: 'Add theme' }).click();
		await expect(page.getByRole('heading', { level: 3, name: /Transport/ })).toBeVisible();

		await card(page, taxis).getByText('Change').click();
		await card(page, taxis).getByLabel('Move to theme').selectOption({ label: 'Transport' });
		await card(page, taxis).getByRole('button', { name: 'Move' }).click();
		await expect(
			page.locator('section.group', { has: page.getByRole('heading', { name: /Transport/ }) })
		).toContainText(taxis);

		await card(page, drivers2).getByText('Change').click();
		await card(page, drivers2).getByLabel('This is the same as').selectOption({ label: drivers });
		await card(page, drivers2).getByRole('button', { name: 'Merge' }).click();
		await expect(card(page, drivers)).toContainText(`Also suggested: ${drivers2}`);

		await card(page, potholes).getByText('Change').click();
		await card(page, potholes).getByRole('button', { name: 'Hide' }).click();
		await expect(page.getByRole('alert')).toContainText('Say why the idea is being hidden');
		await card(page, potholes).getByLabel('Reason for hiding').fill('Off topic: roads team');
		await card(page, potholes).getByRole('button', { name: 'Hide' }).click();
		await expect(page.locator('#hidden')).toContainText('Hidden because: Off topic: roads team');
		await expectAccessible(page);

		// Undo brings the idea back; redo hides it again. Both are new records.
		await page.getByRole('button', { name: 'Undo', exact: true }).click();
		await expect(page.locator('#hidden')).toContainText('None.');
		await page.getByRole('button', { name: 'Redo', exact: true }).click();
		await expect(page.locator('#hidden')).toContainText('Off topic: roads team');

		await expect(projector.getByRole('heading', { level: 3, name: /Transport/ })).toBeVisible();
		await expect(projector.getByText(potholes)).toHaveCount(0);
		await expect(projector.getByTestId('idea-count')).toHaveText('3');

		// Voting from both phones, with the totals live on the projector.
		await phase(page, 'Move on to voting', 'voting');
		await expect(sue.getByText('Dots left: 5 of 5')).toBeVisible();
		await sue.getByRole('button', { name: 'Add a dot to: Transport' }).click();
		await expect(sue.getByText('Dots left: 4 of 5')).toBeVisible();
		await sue.getByRole('button', { name: `Add a dot to: ${drivers}` }).click();
		await sue.getByRole('button', { name: `Add a dot to: ${drivers}` }).click();
		await expect(sue.getByText('Dots left: 2 of 5')).toBeVisible();
		await expect(sue.getByRole('button', { name: `Add a dot to: ${drivers}` })).toBeDisabled();
		await anon.getByRole('button', { name: 'Add a dot to: Transport' }).click();
		await expect(anon.getByText('Dots left: 4 of 5')).toBeVisible();
		await expectAccessible(sue);
		await expect(projector.getByText('Most dots so far')).toBeVisible();
		const transportRow = projector.locator('[data-card]', { hasText: 'Transport' });
		await expect(transportRow.locator('.dots')).toHaveText(/^2/);
		await expect(
			projector.locator('[data-card]', { hasText: drivers }).locator('.dots')
		).toHaveText(/^2/);
		await sue.getByRole('button', { name: 'Take a dot back from: Transport' }).click();
		await expect(transportRow.locator('.dots')).toHaveText(/^1/);

		// Shortlist and proposals.
		await phase(page, 'Move on to shortlist', 'shortlist');
		await expect(sue.getByRole('heading', { level: 2, name: 'Results' })).toBeVisible();
		await page.getByRole('link', { name: /See the ranking/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results and shortlist');
		await expectAccessible(page);
		await page.getByRole('button', { name: `Shortlist “${drivers}”` }).click();
		await expect(page.getByRole('button', { name: `Remove “${drivers}”` })).toBeVisible();
		await page.getByRole('button', { name: 'Shortlist “Transport”' }).click();
		await expect(page.getByRole('button', { name: 'Remove “Transport”' })).toBeVisible();
		await expect(projector.locator('[data-card]', { hasText: drivers })).toContainText(
			'Shortlisted'
		);

		await page.getByLabel('Title of the vote').fill('Community transport budget');
		await page.getByRole('button', { name: 'Create a draft vote' }).click();
		await page.getByRole('link', { name: `Draft a proposal from “${drivers}”` }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Draft a proposal');
		await expect(page.getByLabel('Title')).toHaveValue(drivers);
		await expect(page.getByLabel('Description')).toHaveValue(new RegExp(drivers2));
		await expectAccessible(page);
		await page.getByLabel('Estimated amount in pounds').fill('fifteen');
		await page.getByRole('button', { name: 'Save the draft proposal' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter an amount in pounds');
		await page.getByLabel('Estimated amount in pounds').fill('15,000');
		await page.getByRole('radio', { name: /Development/ }).check();
		await page.getByRole('button', { name: 'Save the draft proposal' }).click();
		await expect(page.getByText('Proposal drafted.')).toBeVisible();
		await expect(page.locator('.card', { hasText: drivers })).toContainText(
			`Drafted “${drivers}” in the vote “Community transport budget”`
		);

		await page.getByRole('link', { name: 'Draft a proposal from “Transport”' }).click();
		await expect(page.getByLabel('Description')).toHaveValue(new RegExp(taxis));
		await page.getByLabel('Estimated amount in pounds').fill('85000');
		await page.getByRole('button', { name: 'Save the draft proposal' }).click();
		await expect(page.locator('.card', { hasText: 'Transport' }).first()).toContainText('Drafted');

		// Exports: the whole board, hidden ideas with their reasons.
		const csv = await page.request.get(consoleUrl + '/export.csv');
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain(potholes);
		expect(text).toContain('Off topic: roads team');
		expect(text).toContain('Dots from carers');
		await page.goto(consoleUrl + '/print');
		await expect(page.getByRole('cell', { name: /Off topic: roads team/ })).toBeVisible();
		await expectAccessible(page);
	});

	test('without JavaScript a phone votes and the projector still shows the board @nojs', async ({
		page,
		browser,
		javaScriptEnabled
	}) => {
		test.setTimeout(120_000);
		const { code, consoleUrl } = await newLab(page, `Quiet room lab ${unique()}`);
		const phone = await joinFromPhone(
			browser,
			code,
			{ role: 'I use the service' },
			javaScriptEnabled
		);
		const idea = `Minibus sharing with the school ${unique()}`;
		await post(phone, idea);

		await page.goto(consoleUrl);
		await page.getByText('Skip to another phase').click();
		await page.getByRole('radio', { name: 'voting' }).check();
		await page.getByRole('button', { name: 'Change phase' }).click();
		await expect(page.locator('.steps [aria-current="step"]')).toHaveText('voting');
		await page.getByLabel('Minutes').fill('3');
		await page.getByRole('button', { name: 'Start a countdown' }).click();
		await expect(page.getByRole('timer')).toBeVisible();

		await phone.reload();
		await phone.getByRole('button', { name: `Add a dot to: ${idea}` }).click();
		await expect(phone.getByText('Dots left: 4 of 5')).toBeVisible();
		await expect(phone.getByText('Yours: 1')).toBeVisible();

		const projector = await (await browser.newContext({ javaScriptEnabled })).newPage();
		await projector.goto(`/lab/${code}/screen`);
		await expect(projector.locator('[data-card]', { hasText: idea })).toContainText('1');
		await expect(projector.getByRole('timer')).toContainText(/[23]:\d\d/);
		if (!javaScriptEnabled) {
			// Without a script the screen offers a reload and refreshes itself now and then.
			await expect(projector.getByRole('link', { name: 'Refresh the board' })).toBeVisible();
		}
		await projector.getByRole('button', { name: 'Larger text' }).click();
		if (!javaScriptEnabled) await expect(projector).toHaveURL(/scale=1\.1/);
		await expect(projector.locator('[data-wall]')).toHaveAttribute('style', /--scale: 1\.1/);
		await expectAccessible(projector);

		await page.getByRole('button', { name: 'Pause phones' }).click();
		await phone.reload();
		await expect(phone.getByText('paused the session')).toBeVisible();
	});

	test('the facilitator places dots for someone without a phone, without JavaScript too @nojs', async ({
		page,
		browser,
		javaScriptEnabled
	}) => {
		test.setTimeout(120_000);
		const { code, consoleUrl } = await newLab(page, `Paper votes lab ${unique()}`);
		const phone = await joinFromPhone(browser, code, { name: 'Sue' }, javaScriptEnabled);
		const idea = `Taxi vouchers ${unique()}`;
		const other = `A shared minibus ${unique()}`;
		await post(phone, idea);
		await post(phone, other);
		const staff = await (await browser.newContext({ javaScriptEnabled })).newPage();
		await signIn(staff, 'facilitator');
		await staff.goto(consoleUrl);
		const paper = staff.locator('#paper');
		await paper.getByRole('button', { name: 'Add person' }).click();
		await expect(staff.getByRole('alert')).toContainText('Give a name the facilitator will');
		await paper.getByLabel('Name').fill('Mary, table 3');
		await paper.getByLabel('Their role').selectOption({ label: 'Carer' });
		await paper.getByRole('button', { name: 'Add person' }).click();
		const mary = paper.locator('li[id^="paper-"]', { hasText: 'Mary, table 3' });
		await expect(mary).toContainText('5 of 5 dots left');
		// Two phones and one paper participant make two people in the room.
		await expect(staff.getByText(/2 people, 2 ideas/)).toBeVisible();

		await staff.getByText('Skip to another phase').click();
		await staff.getByRole('radio', { name: 'voting' }).check();
		await staff.getByRole('button', { name: 'Change phase' }).click();
		await expect(staff.locator('.steps [aria-current="step"]')).toHaveText('voting');
		await expectAccessible(staff);
		const add = mary.getByRole('button', { name: 'Add a dot for Mary, table 3' });
		await mary.getByLabel('Idea or theme').selectOption({ label: idea });
		await add.click();
		await expect(mary).toContainText('4 of 5 dots left');
		await mary.getByLabel('Idea or theme').selectOption({ label: idea });
		await add.click();
		await expect(mary).toContainText('3 of 5 dots left');
		await mary.getByLabel('Idea or theme').selectOption({ label: idea });
		await add.click();
		// At most two dots on one idea, as for everyone.
		await expect(mary).toContainText('At most 2 dots on one idea or theme');
		await expect(mary).toContainText(`2 dots on ${idea}`);
		await mary.getByLabel('Idea or theme').selectOption({ label: other });
		await add.click();
		await expect(mary).toContainText('2 of 5 dots left');
		await mary
			.getByRole('button', { name: `Take one back from “${other}” for Mary, table 3` })
			.click();
		await expect(mary).toContainText('3 of 5 dots left');
		await expect(mary.getByRole('list')).not.toContainText(other);

		// The wall counts Mary's dots like anyone's.
		const projector = await (await browser.newContext({ javaScriptEnabled })).newPage();
		await projector.goto(`/lab/${code}/screen`);
		await expect(projector.locator('[data-card]', { hasText: idea })).toContainText('2');
		await expectAccessible(projector);

		// Every dot placed or taken back from the console is in the audit log.
		const admin = await (await browser.newContext({ javaScriptEnabled })).newPage();
		await signIn(admin, 'admin');
		await admin.goto('/staff/audit');
		for (const action of ['lab.paper.add', 'lab.dot.place', 'lab.dot.remove'])
			await expect(admin.getByRole('cell', { name: action }).first()).toBeVisible();
	});

	test('the projector fits the wall: twenty ideas in pages, themes, then dots as bars', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		const { code, consoleUrl } = await newLab(page, `A wall of ideas ${unique()}`);
		for (const text of TWENTY_IDEAS)
			await consoleForm(page, consoleUrl, 'postIdea', {
				text,
				promptId: 'p1',
				kind: 'savesMoney',
				contribution: '',
				role: ''
			});
		const context = await browser.newContext({ reducedMotion: 'reduce' });
		const projector = await context.newPage();
		const inView = [
			projector.locator('.code'),
			projector.getByRole('img', { name: /QR code/ }),
			projector.getByTestId('participant-count'),
			projector.getByRole('button', { name: 'Larger text' })
		];
		async function eachSize(name: string, query = '') {
			for (const size of WALL_SIZES) {
				await projector.setViewportSize(size);
				await projector.goto(`/lab/${code}/screen${query}`);
				await expect(projector.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
				await expectWallFits(projector, name, inView);
			}
		}
		await eachSize('lab-ideas');
		// At twice the size a long idea is taller than the board: its text shrinks to fit.
		await eachSize('lab-ideas-largest', '?scale=2');
		await expect(projector.locator('[data-card][style*="--card-fit"]').first()).toBeAttached();
		await expect(projector.getByTestId('page-of')).toHaveText(/of ([2-9]|\d\d)$/);
		// With motion reduced the pages wait for the facilitator; otherwise they turn by themselves.
		await expect(projector.getByRole('button', { name: 'Turn the pages' })).toBeVisible();
		await expectAccessible(projector);
		const moving = await (await browser.newContext({ viewport: WALL_SIZES[0] })).newPage();
		await moving.goto(`/lab/${code}/screen`);
		await expect(moving.getByRole('button', { name: 'Hold this page' })).toBeVisible();
		await moving.close();

		await consoleForm(page, consoleUrl, 'phase', { phase: 'group' });
		await consoleForm(page, consoleUrl, 'createTheme', { name: 'Getting there' });
		await page.goto(consoleUrl);
		const themeId = (await page
			.locator('select[name="themeId"]')
			.first()
			.locator('option', { hasText: 'Getting there' })
			.getAttribute('value'))!;
		const ideaIds = await page
			.locator('li.idea[id^="idea-"]')
			.evaluateAll((els) => els.map((el) => el.id.replace('idea-', '')));
		expect(ideaIds).toHaveLength(20);
		for (const ideaId of ideaIds.slice(0, 4))
			await consoleForm(page, consoleUrl, 'move', { ideaId, themeId });
		await eachSize('lab-themes');

		// Dots from five people without phones, spread so that the bars differ.
		await consoleForm(page, consoleUrl, 'phase', { phase: 'vote' });
		for (let p = 1; p <= 5; p++)
			await consoleForm(page, consoleUrl, 'addPaper', { displayName: `Voter ${p}`, role: '' });
		await page.goto(consoleUrl);
		const people = await page
			.locator('#paper li[id^="paper-"]')
			.evaluateAll((els) => els.map((el) => el.id.replace('paper-', '')));
		for (const [p, memberId] of people.entries())
			for (let d = 0; d < 5; d++)
				await consoleForm(page, consoleUrl, 'paperDot', {
					memberId,
					item: `idea:${ideaIds[(p * 3 + d) % 20]}`
				});
		await eachSize('lab-dots');
		const bars = projector.locator('[data-card]');
		// Ideas 1 to 17 have dots (five people, five dots each, overlapping by two).
		await expect(bars).toHaveCount(17);
		// The longest bar is the most dots (2); one dot is half as long.
		await expect(bars.first().locator('.fill')).toHaveAttribute('style', /width: 100%/);
		await expect(bars.last().locator('.fill')).toHaveAttribute('style', /width: 50%/);
		await expectAccessible(projector);
		await context.close();
	});

	test('the finished demo lab shows its results on a phone and its board to staff', async ({
		page
	}) => {
		await page.goto(`/lab/${FINISHED_LAB}`);
		await expect(page.getByRole('heading', { level: 2, name: 'Results' })).toBeVisible();
		await expect(page.getByText('Shortlisted').first()).toBeVisible();
		await expect(page.getByRole('button', { name: 'Join', exact: true })).toHaveCount(0);
		await expectAccessible(page);

		await signIn(page, 'facilitator');
		await page.goto('/staff/labs');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Designing costs out of day services' }).click();
		await expect(page.locator('#hidden')).toContainText('Off topic: passed to the roads team.');
		await expectAccessible(page);
		await page.getByRole('link', { name: /See the ranking/ }).click();
		await expect(page.getByText('Drafted “Volunteer driver scheme”')).toBeVisible();
	});
});
