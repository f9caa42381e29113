import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expectAccessible, expectWallFits, open, signIn, WALL_SIZES } from './support';

/** The closed demo vote: the lab's draft vote is the first row the seed makes. */
const DEMO_CLOSED = 1;

function unique(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

interface VoteSpec {
	eligibility?: 'codes' | 'open' | 'both';
	maxWants?: number;
	proposals?: {
		title: string;
		kind: 'saving' | 'development';
		amount: string;
		/** "Who depends on it": the labels to tick. */
		affects?: string[];
	}[];
	open?: boolean;
}

/** A commissioner sets up a vote on engagement 2 through the staff pages; returns its id. */
async function createVote(page: Page, spec: VoteSpec = {}): Promise<{ id: number; title: string }> {
	const title = unique('Test vote');
	await open(page, '/staff/votes/new?engagement=2');
	if (page.url().includes('/staff/sign-in')) {
		await signIn(page, 'commissioner');
		await open(page, '/staff/votes/new?engagement=2');
	}
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Create vote' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const id = Number(/\/staff\/votes\/(\d+)/.exec(page.url())![1]);
	const proposals = spec.proposals ?? [
		{ title: 'Close the branch library', kind: 'saving', amount: '40000' },
		{ title: 'Shorter opening hours', kind: 'saving', amount: '20000' },
		{ title: 'A homework club', kind: 'development', amount: '15000' }
	];
	for (const p of proposals) {
		await open(page, `/staff/votes/${id}/proposals/new`);
		await page.getByLabel('Title', { exact: true }).fill(p.title);
		await page
			.getByLabel('Plain-English description')
			.fill(`What ${p.title.toLowerCase()} means for residents.`);
		await page.getByLabel(p.kind === 'saving' ? 'Saving' : 'Development (new spending)').check();
		await page.getByLabel('Amount, in pounds').fill(p.amount);
		for (const group of p.affects ?? []) await page.getByLabel(group, { exact: true }).check();
		await page.getByRole('button', { name: 'Add proposal' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	}
	// The limit on don't-wants is always stated (counting.md): here "no limit", chosen.
	await open(page, `/staff/votes/${id}/rules`);
	if (spec.maxWants !== undefined)
		await page.getByLabel('Most Wants per ballot').fill(String(spec.maxWants));
	await page.getByLabel("Most Don't wants per ballot").fill('0');
	await page.getByRole('button', { name: 'Save rules' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await open(page, `/staff/votes/${id}/settings`);
	const labels = { codes: 'Participation codes only', open: 'Open to anyone', both: 'Both' };
	await page.getByLabel(labels[spec.eligibility ?? 'open']).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	if (spec.open !== false) {
		await page.getByRole('button', { name: 'Open the vote' }).click();
		await expect(page.getByRole('button', { name: 'Close the vote and count' })).toBeVisible();
	}
	return { id, title };
}

/** Makes one participation code for engagement 2 and reads it off the printed letter. */
async function makeCode(page: Page): Promise<string> {
	await open(page, '/staff/engagements/2/codes');
	await page.getByLabel('Label').fill(unique('Vote test'));
	await page.getByLabel('How many codes').fill('1');
	await page.getByRole('button', { name: 'Make codes and print letters' }).click();
	return (await page.locator('.letter .code').first().textContent())!.trim();
}

/**
 * The reconciliation page's total row: codes used, with code, checked users without a code,
 * other (open), counted, versions.
 */
async function totals(page: Page, id: number): Promise<string[]> {
	await open(page, `/staff/votes/${id}/reconciliation`);
	const cells = page.getByRole('row', { name: /^Total/ }).getByRole('cell');
	return (await cells.allTextContents()).map((t) => t.trim());
}

/** Marks proposals on the ballot page and continues (to the profile page, if the marks are fine). */
async function markAndContinue(page: Page, marks: Record<string, string>, expectNext = true) {
	for (const [title, mark] of Object.entries(marks))
		await page
			.getByRole('group', { name: `What do you think of “${title}”?` })
			.getByLabel(mark, { exact: true })
			.check();
	await page.getByRole('button', { name: 'Continue' }).click();
	if (expectNext)
		await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
}

/** From the profile page to the check page, answering nothing. */
async function skipProfile(page: Page) {
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your answers before sending your ballot' })
	).toBeVisible();
}

/** Opens a room round of vote `id` for `people` in the room; returns the room code. */
async function openRound(
	staff: Page,
	id: number,
	meeting: string,
	people: number
): Promise<string> {
	await open(staff, `/staff/votes/${id}/room`);
	await staff.getByLabel('Name of the meeting').fill(meeting);
	await staff.getByLabel('People in the room').fill(String(people));
	await staff.getByRole('button', { name: 'Open a round' }).click();
	return (await staff.locator('.notice strong').textContent())!.trim();
}

/** A phone votes in a room round: the code, the marks, no profile, send. */
async function voteInRoom(phone: Page, code: string, marks: Record<string, string>) {
	await open(phone, `/vote/room?c=${code}`);
	await phone.getByRole('button', { name: 'Continue' }).click();
	await markAndContinue(phone, marks);
	await skipProfile(phone);
	await phone.getByRole('button', { name: 'Send my ballot' }).click();
	await expect(phone.getByText('Your vote is in. Watch the screen for the results.')).toBeVisible();
}

/**
 * A fresh browser context's page (axe needs one made with browser.newContext). Staff pages are
 * used on a desktop, whichever project runs the resident side of a test.
 */
async function newPage(browser: Browser, staff = false): Promise<Page> {
	const desktop = { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false };
	return (await browser.newContext(staff ? desktop : {})).newPage();
}

/** The proposal ids of a vote, from the staff overview. */
async function proposalIds(page: Page, id: number): Promise<string[]> {
	await open(page, `/staff/votes/${id}`);
	return page
		.locator('tr[data-proposal]')
		.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.proposal!));
}

test.describe('the resident ballot', () => {
	test('a resident votes on the open demo vote, meets the limit, checks, sends and changes it @resident', async ({
		page
	}) => {
		await open(page, '/');
		await page.getByRole('link', { name: 'Libraries: your priorities for 2027' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Libraries: your priorities for 2027'
		);
		await expect(page.getByText('The most proposals you can mark Want: 3.').first()).toBeVisible();
		await expectAccessible(page);
		const voteUrl = page.url();
		await page.getByRole('link', { name: 'Start' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Your ballot' })).toBeVisible();
		await expectAccessible(page);
		await markAndContinue(
			page,
			{
				'Self-service opening at quiet times': 'Want',
				'Stop the mobile library': 'Want',
				'Shorter Saturday opening': 'Want',
				'Homework clubs in three branches': 'Want'
			},
			false
		);
		// Over the limit: refused with the numbers, nothing dropped.
		await expect(page.getByRole('alert')).toContainText(
			'You can mark up to 3 proposals as Want, but you have marked 4'
		);
		await expect(
			page
				.getByRole('group', { name: 'What do you think of “Homework clubs in three branches”?' })
				.getByLabel('Want', { exact: true })
		).toBeChecked();
		await expectAccessible(page);
		await markAndContinue(page, {
			'Stop the mobile library': "Don't want",
			'Shorter Saturday opening': 'No view'
		});

		await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('group', { name: 'Where do you live?' }).getByLabel('Old Town').check();
		await page.getByRole('group', { name: 'How old are you?' }).getByLabel('65 to 74').check();
		await page
			.getByRole('group', { name: 'Disabled residents: does this describe you?' })
			.getByLabel('Prefer not to say')
			.check();
		await page.getByRole('button', { name: 'Continue' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Check your answers before sending your ballot'
		);
		await expectAccessible(page);
		const row = page.locator('dl.summary > div', { hasText: 'Stop the mobile library' });
		await expect(row).toContainText("Don't want");
		await expect(page.locator('dl.summary > div', { hasText: 'Where do you live?' })).toContainText(
			'Old Town'
		);
		// Change a mark from the check page and come back.
		await row.getByRole('link', { name: /Change/ }).click();
		await expect(page).toHaveURL(/\/ballot#proposal-\d+$/);
		await markAndContinue(page, { 'Stop the mobile library': 'No view' });
		await skipProfile(page);
		await expect(
			page.locator('dl.summary > div', { hasText: 'Stop the mobile library' })
		).toContainText('No view');
		await page.getByRole('button', { name: 'Send my ballot' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your ballot has been sent');
		const receipt = (await page.locator('.receipt').textContent())!.trim();
		expect(receipt).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
		await expectAccessible(page);

		// Coming back: the vote says so, and the ballot can be changed until close; its marks
		// are shown only when the voter asks.
		await open(page, voteUrl);
		await expect(page.getByText(`Your receipt reference is ${receipt}`)).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Show my marks to change them' }).click();
		await expect(
			page
				.getByRole('group', { name: 'What do you think of “Self-service opening at quiet times”?' })
				.getByLabel('Want', { exact: true })
		).toBeChecked();
		await markAndContinue(page, { 'Self-service opening at quiet times': "Don't want" });
		await skipProfile(page);
		await page.getByRole('button', { name: 'Send my ballot' }).click();
		await expect(page.getByText('This replaces your earlier ballot')).toBeVisible();
		expect((await page.locator('.receipt').textContent())!.trim()).not.toBe(receipt);
	});

	test('the ballot is in Welsh on Welsh pages @resident', async ({ page }) => {
		await open(page, '/cy');
		await page
			.getByRole('link', { name: 'Llyfrgelloedd: eich blaenoriaethau ar gyfer 2027' })
			.click();
		await expect(
			page.getByRole('heading', { level: 2, name: "Sut mae'r pleidleisiau'n cael eu cyfrif" })
		).toBeVisible();
		await page.getByRole('link', { name: 'Dechrau' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Eich papur pleidleisio' })
		).toBeVisible();
		await expect(page.getByText('Ddim eisiau').first()).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Amdanoch chi' })).toBeVisible();
	});

	test('a closed vote says so plainly, writes nothing, and publishes its results @resident', async ({
		page
	}) => {
		await open(page, `/vote/${DEMO_CLOSED}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Day services budget 2027');
		await expect(page.getByRole('heading', { name: 'This vote has closed' })).toBeVisible();
		await expectAccessible(page);
		await open(page, `/vote/${DEMO_CLOSED}/ballot`);
		await expect(page.getByRole('heading', { name: 'This vote has closed' })).toBeVisible();
		await page.getByRole('link', { name: 'See the results' }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Results: Day services budget 2027'
		);
		const dayCentres = page.locator('li', {
			has: page.getByRole('heading', {
				name: 'Close two day centres for adults with learning disabilities'
			})
		});
		await expect(dayCentres).toContainText('Protected: does not go ahead');
		await expect(dayCentres).toContainText('of people who use this service');
		await expect(dayCentres).toContainText('Simple majority voting would have made this saving.');
		await expect(page.getByRole('region', { name: 'The money' })).toContainText('£85,000');
		await expect(page.locator('.digest code')).toHaveText(/^[0-9a-f]{64}$/);
		await expectAccessible(page);
		await open(page, `/cy/vote/${DEMO_CLOSED}/results`);
		await expect(page.getByText("Wedi'i warchod: nid yw'n mynd yn ei flaen").first()).toBeVisible();
	});

	test('a phone joins a room round with the room code, and a codes-only vote still needs its code @resident', async ({
		page,
		browser
	}) => {
		const staff = await newPage(browser, true);
		const { id } = await createVote(staff, { eligibility: 'codes' });
		const letter = await makeCode(staff);
		const code = await openRound(staff, id, 'Town hall meeting', 20);

		await open(page, `/vote/room?c=${code}`);
		await expect(page.getByLabel('Room code')).toHaveValue(code);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Continue' }).click();
		// The room code does not stand in for a participation code.
		await expect(page.getByRole('heading', { name: 'You need a code to vote' })).toBeVisible();
		await expect(page.getByText('In the room too: use the code from your letter')).toBeVisible();
		await page.getByRole('link', { name: 'Enter your code' }).click();
		await page.getByLabel('Your code').fill(letter);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Your code is ready to use' })).toBeVisible();
		await open(page, `/vote/${id}/ballot`);
		await expect(page.getByRole('heading', { level: 1, name: 'Your ballot' })).toBeVisible();
		await markAndContinue(page, { 'Close the branch library': "Don't want" });
		await skipProfile(page);
		await page.getByRole('button', { name: 'Send my ballot' }).click();
		await expect(
			page.getByText('Your vote is in. Watch the screen for the results.')
		).toBeVisible();
		await staff.close();
	});
});

/** Nothing on the page scrolls sideways, and no text is centred. */
async function expectNarrowAndLeftAligned(page: Page) {
	const { scroll, client, centred } = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth,
		centred: [...document.querySelectorAll('main p, main li, main dd, main h2, main figcaption')]
			.filter((e) => getComputedStyle(e).textAlign === 'center')
			.map((e) => e.textContent?.slice(0, 40))
	}));
	expect(scroll).toBeLessThanOrEqual(client);
	expect(centred).toEqual([]);
}

test.describe('results a resident understands in one screen', () => {
	const DAY_CENTRES = 'Close two day centres for adults with learning disabilities';
	const TRANSPORT = 'Run community transport three days a week instead of five';

	test('the closed demo vote opens with the answer, then the money, then every proposal @resident', async ({
		page
	}) => {
		await open(page, `/vote/${DEMO_CLOSED}/results`);
		await expect(page.getByRole('heading', { level: 2 })).toHaveText([
			'In short',
			'The money',
			'Every proposal at a glance',
			'Why each decision was made',
			'Decisions that depend on open ballots',
			'If members override a protection',
			'How this was counted',
			'Who took part'
		]);

		// The answer: a sentence per held-back saving, the strongest single group named; then the
		// knock-on savings, said to be knock-on changes.
		const answer = page.getByRole('region', { name: 'In short' });
		await expect(answer.getByRole('paragraph').first()).toHaveText(
			`“${DAY_CENTRES}” does not go ahead: 85% of people who use this service (51 of 60) don't want it, against 18% of other voters.`
		);
		await expect(answer.getByRole('paragraph').nth(1)).toHaveText(
			`“${TRANSPORT}” is too close to call: for members to decide, with an equality impact assessment. 54% of the group “Older people (65 and over)” (144 of 269) don't want it, against 9% of other voters, but with 269 people we cannot be 95% sure that it is 50% or more.`
		);
		await expect(answer).toContainText(
			'These are knock-on changes, not changes in how people voted'
		);
		await expect(answer.getByRole('listitem')).toHaveText([
			'Smarter day services transport',
			'Run day sessions from community buildings',
			'Dim street lights after midnight'
		]);

		const money = page.getByRole('region', { name: 'The money' });
		await expect(money.getByRole('definition')).toHaveText([
			'£515,000 of the £600,000 target',
			/^£85,000\.\s+The rest could only come from savings that are protected or too close to call/,
			'£15,000 of the £50,000 budget',
			'Would have saved £650,000 and met the target'
		]);

		// The chart: every proposal, open to see; its words are its text equivalent (the bars are
		// hidden from screen readers), with this count's decision beside simple majority's.
		const chart = page.getByRole('figure', { name: /^Want and don't want for each proposal/ });
		const rows = chart.getByRole('listitem');
		await expect(rows).toHaveCount(10);
		await expect(chart.locator('[aria-hidden="true"]')).toHaveCount(10);
		const dayCentres = rows.filter({ hasText: DAY_CENTRES });
		await expect(dayCentres).toBeVisible();
		await expect(dayCentres).toContainText("Want: 739. Don't want: 310. No view: 431.");
		await expect(dayCentres.getByRole('term')).toHaveText(['This count', 'Simple majority']);
		await expect(dayCentres.getByRole('definition')).toHaveText([
			'Protected: does not go ahead',
			'Goes ahead'
		]);
		await expect(rows.filter({ hasText: TRANSPORT }).getByRole('definition').first()).toHaveText(
			'Too close to call: members decide'
		);
		await expect(rows.filter({ hasText: 'End the golf course subsidy' })).toContainText(
			'Flagged for review'
		);
		await expect(rows.filter({ hasText: 'Dim street lights after midnight' })).toContainText(
			'Knock-on change'
		);

		// Reasons, with every protecting group (a union named as one), each with its fragility.
		const reasons = page.getByRole('listitem').filter({
			has: page.getByRole('heading', { level: 3, name: DAY_CENTRES })
		});
		await expect(reasons).toContainText(
			"This protection would fall, or become too close to call, if 14 of these 51 had marked “Want” instead of “Don't want”."
		);
		await expect(reasons).toContainText(
			'79% of people who use this service and the group “Disabled residents”, together (106 of 135)'
		);
		await expect(
			page.getByRole('listitem').filter({
				has: page.getByRole('heading', { level: 3, name: 'Smarter day services transport' })
			})
		).toContainText('A knock-on change: simple majority would have said “Not needed”.');

		await expect(
			page.getByRole('region', { name: 'Decisions that depend on open ballots' })
		).toContainText(
			'849 ballots were backed by a participation code or checked by staff; 631 were open'
		);
		const override = page.getByRole('region', { name: 'If members override a protection' });
		await expect(override).toContainText('The savings are £85,000 short of the target.');
		await expect(override.getByRole('listitem')).toHaveText([
			`${TRANSPORT} Saves £90,000. Too close to call: members decide. 54% of the group “Older people (65 and over)” don't want it.`,
			`${DAY_CENTRES} Saves £400,000. Protected: does not go ahead. 85% of people who use this service don't want it.`
		]);
		await expect(page.getByRole('region', { name: 'How this was counted' })).toContainText(
			'Only people whose use of a service was checked'
		);
		await expectNarrowAndLeftAligned(page);
		await expectAccessible(page);
	});

	test('the results in Welsh @resident', async ({ page }) => {
		await open(page, `/cy/vote/${DEMO_CLOSED}/results`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		const answer = page.getByRole('region', { name: 'Yn gryno' });
		await expect(answer.getByRole('paragraph').first()).toHaveText(
			"Nid yw “Cau dwy ganolfan ddydd i oedolion ag anableddau dysgu” yn mynd yn ei flaen: ymhlith y bobl sy'n defnyddio'r gwasanaeth hwn, nid yw 85% (51 o 60) ei eisiau, o'i gymharu â 18% o bleidleiswyr eraill."
		);
		await expect(answer).toContainText(
			"yn rhy agos i'w alw: mater i'r aelodau ei benderfynu, gydag asesiad o'r effaith ar gydraddoldeb."
		);
		await expect(page.getByRole('region', { name: 'Yr arian' })).toContainText(
			"£515,000 o'r targed o £600,000"
		);
		const chart = page.getByRole('figure', { name: /^Eisiau a ddim eisiau ar gyfer pob cynnig/ });
		await expect(chart.getByRole('listitem')).toHaveCount(10);
		await expect(chart.getByRole('term').first()).toHaveText('Y cyfrif hwn');
		await expect(
			page
				.getByRole('region', { name: "Os bydd yr aelodau'n diystyru gwarchodaeth" })
				.getByRole('listitem')
		).toHaveCount(2);
		await expectNarrowAndLeftAligned(page);
		await expectAccessible(page);
	});

	test('staff see marginal decisions, every group, flags, knock-on, assurance and the override order', async ({
		page
	}) => {
		await signIn(page, 'commissioner');
		await open(page, `/staff/votes/${DEMO_CLOSED}/results`);
		const row = (id: string) => page.locator(`tr[data-proposal="${id}"]`);
		await expect(row('5')).toContainText(
			'Verified service users + Disabled residents: 79% against (106 of 135), others 15%; changes if 28 of the 106 had wanted it'
		);
		await expect(row('10')).toContainText('Too close to call because of:');
		await expect(row('10')).toContainText('Older people (65 and over): 54% against (144 of 269)');
		await expect(row('9')).toContainText('Flagged for review');
		await expect(row('9')).toContainText('Older people (65 and over): 71% against (190 of 269)');
		await expect(row('6')).toContainText('Knock-on change');
		await expect(
			page.getByText('Counting only the assured ballots gives the same decisions.')
		).toBeVisible();
		await expect(page.locator('ol.override > li')).toHaveText([
			/^Run community transport .* Too close to call: members decide; by Older people \(65 and over\); largest share against 54%\.$/,
			/^Close two day centres .* Protected; by Verified service users, Disabled residents, Verified service users \+ Disabled residents; largest share against 85%\.$/
		]);
		await expectAccessible(page);
	});
});

test.describe('integrity', () => {
	test('50 concurrent submissions with one code give exactly one ballot', async ({
		page,
		playwright,
		baseURL
	}) => {
		const { id } = await createVote(page, { eligibility: 'codes' });
		const code = await makeCode(page);
		const proposalId = `mark-${(await proposalIds(page, id))[0]}`;

		const resident: APIRequestContext = await playwright.request.newContext({ baseURL });
		const headers = { Origin: baseURL!, Accept: 'text/html' };
		const entered = await resident.post('/code', { form: { code }, headers, maxRedirects: 0 });
		expect(entered.status()).toBe(303);
		const posts = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				resident.post(`/vote/${id}/check`, {
					form: { [proposalId]: i % 2 ? 'want' : 'dontWant' },
					headers,
					maxRedirects: 0
				})
			)
		);
		expect(posts.map((r) => r.status())).toEqual(Array(50).fill(303));
		// One code used, one ballot counted, fifty versions kept.
		expect(await totals(page, id)).toEqual(['1', '1', '0', '0', '1', '50']);
		await resident.dispose();
	});

	test('a room round takes no more ballots than people in the room, and its code alone admits nobody', async ({
		page,
		playwright,
		baseURL
	}) => {
		const { id } = await createVote(page, { eligibility: 'open' });
		const mark = `mark-${(await proposalIds(page, id))[0]}`;
		await open(page, `/staff/votes/${id}/room`);
		await page.getByLabel('Name of the meeting').fill('Small room');
		await page.getByLabel('People in the room').fill('2');
		await page.getByRole('button', { name: 'Open a round' }).click();
		const code = (await page.locator('.notice strong').textContent())!.trim();

		const headers = { Origin: baseURL!, Accept: 'text/html' };
		/** A phone with a fresh cookie jar joins the round and sends a ballot; where it is sent. */
		const phone = async (cookie?: string) => {
			const jar = await playwright.request.newContext({
				baseURL,
				extraHTTPHeaders: cookie ? { Cookie: cookie } : {}
			});
			if (!cookie) {
				const joined = await jar.post('/vote/room', {
					form: { room: code },
					headers,
					maxRedirects: 0
				});
				expect(joined.status()).toBe(303);
				// The cookie is a pass for this browser, not the room code.
				expect(joined.headers()['set-cookie']).not.toContain(`cc_room=${code}`);
			}
			const cast = await jar.post(`/vote/${id}/check`, {
				form: { [mark]: 'want' },
				headers,
				maxRedirects: 0
			});
			const front =
				cast.headers()['location'] === `/vote/${id}` ? await jar.get(`/vote/${id}`) : null;
			const said = front ? await front.text() : '';
			await jar.dispose();
			return { location: cast.headers()['location'], said };
		};
		const results = [];
		for (let i = 0; i < 4; i++) results.push(await phone());
		expect(results.filter((r) => r.location.includes('/done?ref=')).length).toBe(2);
		expect(results.filter((r) => r.location === `/vote/${id}`).length).toBe(2);
		expect(results[3].said).toContain('This round is full');
		// The room code put in a cookie by hand is no pass: that ballot is an ordinary online one.
		expect((await phone(`cc_room=${code}`)).location).toContain('/done?ref=');
		const room = async () => {
			await open(page, `/staff/votes/${id}/reconciliation`);
			return (
				await page
					.getByRole('row', { name: /^In the room/ })
					.getByRole('cell')
					.allTextContents()
			)
				.map((t) => t.trim())
				.at(-2);
		};
		expect(await room()).toBe('2');

		// The facilitator voids the round: its ballots stop counting, and the void is on record.
		await open(page, `/staff/votes/${id}/room`);
		await page.getByText("Void this round's ballots").click();
		await page.getByLabel('Why are they voided?').fill('The code was shared outside the room');
		await page.getByRole('button', { name: 'Void 2 ballots of Small room' }).click();
		await expect(page.getByRole('status')).toContainText('Round voided: 2 ballots no longer count');
		expect(await room()).toBe('0');
		await expect(page.getByRole('table', { name: 'Voided rounds' })).toContainText(
			'The code was shared outside the room'
		);
		expect(await totals(page, id)).toEqual(['0', '0', '0', '1', '1', '3']);
	});

	test('forged origins, tampered forms and late ballots are refused and write nothing', async ({
		page,
		playwright,
		baseURL
	}) => {
		const first = await createVote(page, { eligibility: 'open', maxWants: 1 });
		const other = await createVote(page, { eligibility: 'open' });
		const otherProposal = `mark-${(await proposalIds(page, other.id))[0]}`;
		const names = (await proposalIds(page, first.id)).map((p) => `mark-${p}`);

		const resident = await playwright.request.newContext({ baseURL });
		const headers = { Origin: baseURL!, Accept: 'text/html' };
		const post = (form: Record<string, string>, h = headers) =>
			resident.post(`/vote/${first.id}/check`, { form, headers: h, maxRedirects: 0 });

		expect(
			(
				await post({ [names[0]]: 'want' }, { Origin: 'https://evil.example', Accept: 'text/html' })
			).status()
		).toBe(403);
		const unknown = await post({ 'mark-999999': 'want' });
		expect(unknown.status()).toBe(400);
		expect(await unknown.text()).toContain('a proposal that is not in this vote');
		expect((await post({ [otherProposal]: 'want' })).status()).toBe(400);
		const tooMany = await post({ [names[0]]: 'want', [names[1]]: 'want' });
		expect(tooMany.status()).toBe(400);
		expect(await tooMany.text()).toContain(
			'You can mark up to 1 proposals as Want, but you have marked 2'
		);
		expect(await totals(page, first.id)).toEqual(['0', '0', '0', '0', '0', '0']);

		// A valid ballot is taken; after the close the same post is refused.
		expect((await post({ [names[0]]: 'want' })).status()).toBe(303);
		await open(page, `/staff/votes/${first.id}`);
		await page.getByLabel('All paper ballots that arrived in time have been entered').check();
		await page.getByRole('button', { name: 'Close the vote and count' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Official results' })).toBeVisible();
		const late = await post({ [names[1]]: 'want' });
		expect(late.status()).toBe(303);
		expect(late.headers().location).toBe(`/vote/${first.id}`);
		expect(await totals(page, first.id)).toEqual(['0', '0', '0', '1', '1', '1']);
		await resident.dispose();
	});

	test('the receipt never contains the code @resident', async ({ page, browser }) => {
		const staff = await newPage(browser, true);
		const { id } = await createVote(staff, { eligibility: 'codes' });
		const code = await makeCode(staff);
		await staff.close();

		await open(page, `/vote/${id}`);
		await expect(page.getByRole('heading', { name: 'You need a code to vote' })).toBeVisible();
		await open(page, '/code');
		await page.getByLabel('Your code').fill(code);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Your code is ready to use' })
		).toBeVisible();
		await open(page, `/vote/${id}/ballot`);
		await markAndContinue(page, { 'A homework club': 'Want' });
		await skipProfile(page);
		await page.getByRole('button', { name: 'Send my ballot' }).click();
		const receipt = (await page.locator('.receipt').textContent())!.replaceAll('-', '').trim();
		const plain = code.replaceAll('-', '');
		// Not made from the code: no six characters of it in a row. Two independent draws (ten
		// and twelve characters of 23) share such a run once in 23^6 / 35, about 4 million
		// votes, where any run of three was shared once in 160 and failed the suite by chance.
		for (let i = 0; i + 6 <= plain.length; i++)
			expect(receipt).not.toContain(plain.slice(i, i + 6));
		expect(receipt).toMatch(/^[A-Z0-9]{10}$/);
		// And the code itself is nowhere on the page or in its address.
		const shown = (await page.locator('body').textContent())!;
		for (const form of [code, plain]) {
			expect(shown).not.toContain(form);
			expect(page.url()).not.toContain(form);
		}
	});
});

test.describe('staff', () => {
	test('a commissioner sets up a vote, with errors beside the fields', async ({ page }) => {
		await signIn(page, 'commissioner');
		await open(page, '/staff/votes');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'New vote' }).click();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Create vote' }).click();
		await expect(page.getByRole('alert')).toContainText('Choose an engagement');
		await page.getByLabel('Engagement').selectOption({ label: 'Libraries as community hubs' });
		const title = unique('Setup');
		await page.getByLabel('Title').fill(title);
		await page.getByRole('button', { name: 'Create vote' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Open the vote' }).click();
		await expect(page.getByRole('alert')).toContainText('Add at least one proposal');

		await page.getByRole('link', { name: 'Add a proposal' }).click();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Add proposal' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter a title');
		await expect(page.locator('#field-amount-error')).toBeVisible();
		await page.getByLabel('Title', { exact: true }).fill('Close the museum on Mondays');
		await page.getByLabel('Plain-English description').fill('The museum would close every Monday.');
		await page.getByLabel('Saving').check();
		await page.getByLabel('Amount, in pounds').fill('12,500');
		await page.getByLabel('Older people (65 and over)').check();
		await page.getByRole('button', { name: 'Add proposal' }).click();
		await expect(page.getByRole('cell', { name: '£12,500' })).toBeVisible();
		await page.getByRole('link', { name: 'Close the museum on Mondays' }).click();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Back to the vote' }).click();
		// A vote with savings opens only once the limit on don't-wants has been chosen.
		await page.getByRole('button', { name: 'Open the vote' }).click();
		await expect(page.getByRole('alert')).toContainText('Save the counting rules before opening');

		await page.getByRole('link', { name: /Change counting rules/ }).click();
		await expectAccessible(page);
		await page.getByLabel('Share of the group against it, in per cent').fill('150');
		await page.getByRole('button', { name: 'Save rules' }).click();
		await expect(page.getByRole('alert')).toContainText('The threshold cannot be more than 100%');
		// The limit on don't-wants must be chosen, never a silent default.
		await expect(page.getByRole('alert')).toContainText(
			"Enter the most Don't wants a ballot may have"
		);
		await page.getByLabel("Most Don't wants per ballot").fill('1');
		await page.getByLabel('Share of the group against it, in per cent').fill('60');
		await page.getByLabel('Savings target, in pounds').fill('10000');
		await page.getByRole('button', { name: 'Save rules' }).click();
		await expect(page.getByText('Savings target £10,000')).toBeVisible();

		await page.getByRole('link', { name: /Change schedule/ }).click();
		await expectAccessible(page);
		await page.getByLabel('Opens (optional)').fill('2030-01-02T10:00');
		await page.getByLabel('Closes (optional)').fill('2030-01-01T10:00');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'The closing time must be after the opening time'
		);
		await page.getByLabel('Opens (optional)').fill('');
		await page.getByLabel('Closes (optional)').fill('');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByRole('button', { name: 'Open the vote' }).click();
		await expect(page.getByText('The vote has opened, so the proposals are fixed.')).toBeVisible();
	});

	test('paper ballots are keyed twice by different people, with a mismatch report', async ({
		page,
		browser
	}) => {
		const { id } = await createVote(page, { eligibility: 'open' });
		const key = async (p: Page, serial: string, mark: string) => {
			await open(p, `/staff/votes/${id}/paper`);
			await p.getByLabel('Ballot number').fill(serial);
			await p
				.getByRole('group', { name: '1. Close the branch library' })
				.getByLabel(mark, { exact: true })
				.check();
			await p.getByRole('button', { name: 'Save this keying' }).click();
		};
		await key(page, 'P0001', 'Want');
		await expect(page.getByRole('status')).toContainText('needs a second keying');
		await expectAccessible(page);
		await key(page, 'P0001', 'Want');
		await expect(page.getByRole('alert')).toContainText('a different member of staff must key it');

		const second = await newPage(browser);
		await signIn(second, 'facilitator');
		await key(second, 'P0001', 'Want');
		await expect(second.getByRole('status')).toContainText('Both keyings agree: counted');
		await key(page, 'P0002', 'Want');
		await key(second, 'P0002', "Don't want");
		await expect(second.getByRole('status')).toContainText('Keyings differ');
		await expect(second.getByRole('table', { name: /whose two keyings differ/ })).toContainText(
			'Mark for “Close the branch library”'
		);
		await second.getByRole('link', { name: 'Key P0002 again' }).click();
		await expect(second.getByLabel('Ballot number')).toHaveValue('P0002');
		await second
			.getByRole('group', { name: '1. Close the branch library' })
			.getByLabel('Want', { exact: true })
			.check();
		await second.getByRole('button', { name: 'Save this keying' }).click();
		await expect(second.getByRole('status')).toContainText('counted');
		expect(await totals(page, id)).toEqual(['0', '0', '0', '2', '2', '2']);
		await expect(page.getByRole('table', { name: /per proposal by channel/ })).toBeVisible();
		await expectAccessible(page);
		await second.close();
	});

	test('a kiosk clears itself after each ballot', async ({ page, browser }) => {
		const { id } = await createVote(page, { eligibility: 'codes' });
		const kiosk = await newPage(browser);
		await signIn(kiosk, 'facilitator');
		await open(kiosk, `/staff/votes/${id}/kiosk`);
		await expectAccessible(kiosk);
		await kiosk.getByLabel('Where is this device?').fill('Central library counter');
		await kiosk.getByRole('button', { name: 'Start kiosk and sign out' }).click();
		await expect(kiosk.getByText('This is a shared screen.')).toBeVisible();
		await kiosk.getByRole('link', { name: 'Start' }).click();
		await markAndContinue(kiosk, { 'Close the branch library': 'Want' });
		await skipProfile(kiosk);
		await kiosk.getByRole('button', { name: 'Send my ballot' }).click();
		await expect(kiosk.getByText('This screen clears itself in 30 seconds')).toBeVisible();
		await kiosk.getByRole('link', { name: 'Next person' }).click();
		await kiosk.getByRole('link', { name: 'Start' }).click();
		await expect(
			kiosk
				.getByRole('group', { name: 'What do you think of “Close the branch library”?' })
				.getByLabel('No view')
		).toBeChecked();
		// The kiosk signed its staff member out.
		await kiosk.goto('/staff/votes');
		await expect(kiosk).toHaveURL(/\/staff\/sign-in/);
		expect(await totals(page, id)).toEqual(['0', '0', '0', '1', '1', '1']);
		await open(page, `/staff/votes/${id}/kiosk`);
		const row = page.getByRole('row', { name: /Central library counter/ });
		await expect(row).toContainText('1');
		await page.getByRole('button', { name: /End/ }).click();
		await expect(row).not.toContainText('Running');
		await kiosk.context().close();
	});

	test('the projector shows turnout live and the results when revealed', async ({
		page,
		browser
	}) => {
		const { id } = await createVote(page, { eligibility: 'open' });
		const code = await openRound(page, id, 'Library forum', 12);
		await expectAccessible(page);

		const projector = await newPage(browser);
		await open(projector, `/room/${code}`);
		await expect(projector.locator('.code')).toHaveText(code);
		await expect(projector.getByText('0 people have voted')).toBeVisible();
		await expect(projector.getByText('Live')).toBeVisible();
		await expectAccessible(projector);

		const phone = await newPage(browser);
		await voteInRoom(phone, code, { 'Close the branch library': 'Want' });
		await expect(projector.getByText('1 person has voted')).toBeVisible();

		await page.getByRole('button', { name: 'Reveal results of Library forum' }).click();
		await expect(projector.getByRole('heading', { name: 'Results in this room' })).toBeVisible();
		await expect(projector.locator('.results')).toContainText('Close the branch library');
		await expectAccessible(projector);
		await phone.close();
		await projector.close();
	});

	test('the projector fits the wall with twenty proposals, before and after the results', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		const proposals = Array.from({ length: 20 }, (_, i) => ({
			title:
				i % 4 === 3
					? `Proposal ${i + 1}: keep the mobile library running to the villages on the coast road every other week`
					: `Proposal ${i + 1}: ${['homework club', 'longer Saturday hours', 'close the annexe'][i % 3]}`,
			kind: (i % 2 ? 'saving' : 'development') as 'saving' | 'development',
			amount: String(1000 * (i + 1))
		}));
		const { id } = await createVote(page, { eligibility: 'open', proposals });
		const code = await openRound(page, id, 'Library forum at the civic hall', 40);

		const context = await browser.newContext({ reducedMotion: 'reduce' });
		const projector = await context.newPage();
		const inView = [
			projector.locator('.code'),
			projector.getByRole('img', { name: /QR code/ }),
			projector.getByRole('button', { name: 'Larger text' })
		];
		for (const size of WALL_SIZES) {
			await projector.setViewportSize(size);
			await open(projector, `/room/${code}`);
			await expect(projector.getByText('Live')).toBeVisible();
			await expectWallFits(projector, 'room-open', inView);
		}
		await expectAccessible(projector);

		for (const marks of [
			{
				[proposals[0].title]: 'Want',
				[proposals[3].title]: 'Want',
				[proposals[2].title]: "Don't want"
			},
			{ [proposals[0].title]: 'Want', [proposals[5].title]: "Don't want" }
		]) {
			const phone = await newPage(browser);
			await voteInRoom(phone, code, marks);
			await phone.close();
		}
		await expect(projector.getByText('2 people have voted')).toBeVisible();
		await page
			.getByRole('button', { name: 'Reveal results of Library forum at the civic hall' })
			.click();
		await expect(projector.getByRole('heading', { name: 'Results in this room' })).toBeVisible();
		for (const size of WALL_SIZES) {
			await projector.setViewportSize(size);
			await open(projector, `/room/${code}`);
			await expect(projector.locator('[data-card]')).toHaveCount(20);
			await expectWallFits(projector, 'room-results', [
				projector.getByText('2 people have voted'),
				projector.getByRole('button', { name: 'Larger text' })
			]);
		}
		await expectAccessible(projector);
		await context.close();
	});

	test('closing counts officially; exports, report and recount agree', async ({ page }) => {
		const { id, title } = await createVote(page, { eligibility: 'open' });
		await open(page, `/staff/votes/${id}/results`);
		await expect(page.getByRole('heading', { level: 1, name: 'Provisional count' })).toBeVisible();
		await open(page, `/staff/votes/${id}`);
		await page.getByRole('button', { name: 'Close the vote and count' }).click();
		await expect(page.locator('#field-confirm-error')).toContainText('Tick to confirm');
		await page.getByLabel('All paper ballots that arrived in time have been entered').check();
		await page.getByRole('button', { name: 'Close the vote and count' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Official results' })).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Recount from the stored ballots' }).click();
		await expect(page.getByRole('status')).toContainText('match the official count');

		const csv = await page.request.get(`/staff/votes/${id}/export/csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain('"Close the branch library"');
		expect(text.split('\r\n')[0]).toContain('"rank","proposal_id","title"');
		const xlsx = await page.request.get(`/staff/votes/${id}/export/xlsx`);
		expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
		const json = await (await page.request.get(`/staff/votes/${id}/export/json`)).json();
		expect(json.result.digest).toMatch(/^[0-9a-f]{64}$/);
		const pb = await (await page.request.get(`/staff/votes/${id}/export/pb`)).text();
		expect(pb).toMatch(/^META\nkey;value\n/);
		expect(pb).toContain('voter_id;vote;dont_want');

		await open(page, `/staff/votes/${id}/report`);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
		await expectAccessible(page);
		await open(page, `/staff/votes/${id}/reconciliation`);
		await expectAccessible(page);
	});
});

test.describe('verified service users', () => {
	const USERS_LABEL = "People who use this proposal's service";

	/**
	 * A codes-only vote on engagement 2 whose saving the library's users and disabled residents
	 * depend on, with service-user codes for Libraries and membership "verified"; returns the
	 * vote and the codes, read off the printed letters.
	 */
	async function usersVote(staff: Page, codes: number) {
		const vote = await createVote(staff, {
			eligibility: 'codes',
			open: false,
			proposals: [
				{
					title: 'Stop the housebound delivery service',
					kind: 'saving',
					amount: '30000',
					affects: [USERS_LABEL, 'Disabled residents']
				},
				{ title: 'Longer Saturday opening', kind: 'development', amount: '10000' }
			]
		});
		await open(staff, '/staff/engagements/2/codes');
		await staff.getByLabel('Label').fill(unique('Housebound service users'));
		await staff.getByLabel('One code for each').selectOption('person');
		await staff.getByLabel('How many codes').fill(String(codes));
		await staff
			.getByLabel('Service-user codes for (optional)')
			.selectOption({ label: 'Libraries' });
		await staff.getByRole('button', { name: 'Make codes and print letters' }).click();
		await expect(
			staff.getByText('This code comes from the provider of Libraries').first()
		).toBeVisible();
		await expectAccessible(staff);
		const made = (await staff.locator('.letter .code').allTextContents()).map((c) => c.trim());
		await open(staff, '/staff/engagements/2/codes');
		await expect(staff.getByRole('table', { name: 'Batches' })).toContainText('Libraries');
		await expectAccessible(staff);

		await open(staff, `/staff/votes/${vote.id}/rules`);
		await staff.getByLabel(/Only verified users/).check();
		await staff.getByLabel("Most Don't wants per ballot").fill('1');
		await staff.getByRole('button', { name: 'Save rules' }).click();
		await expect(staff.getByRole('heading', { level: 1, name: vote.title })).toBeVisible();
		await staff.getByRole('button', { name: 'Open the vote' }).click();
		await expect(staff.getByRole('button', { name: 'Close the vote and count' })).toBeVisible();
		return { ...vote, codes: made };
	}

	/** Enters a code on /code (or /cy/code) as a resident does. */
	async function enterCode(page: Page, code: string, welsh = false) {
		await open(page, welsh ? '/cy/code' : '/code');
		await page.getByLabel(welsh ? 'Eich cod' : 'Your code').fill(code);
		await page.getByRole('button', { name: welsh ? 'Parhau' : 'Continue' }).click();
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: welsh ? "Mae eich cod yn barod i'w ddefnyddio" : 'Your code is ready to use'
			})
		).toBeVisible();
	}

	test('a resident votes with a service-user code and reads who the saving depends on, in English and Welsh @resident', async ({
		page,
		browser
	}) => {
		const staff = await newPage(browser, true);
		const { id, codes } = await usersVote(staff, 2);

		await enterCode(page, codes[0]);
		await open(page, `/vote/${id}`);
		await expect(
			page.getByText('Only people whose use of the service was checked count as its users')
		).toBeVisible();
		await expect(
			page.getByText("The most proposals you can mark Don't want: 1.").first()
		).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Start' }).click();
		const saving = page.locator('section.proposal', {
			has: page.getByRole('heading', { name: 'Stop the housebound delivery service' })
		});
		await expect(saving).toContainText(
			'The council said before voting that these groups depend on this saving:'
		);
		await expect(saving.getByRole('listitem')).toHaveText([
			'people who use Libraries',
			'people in the group “Disabled residents”'
		]);
		await expect(saving).toContainText(
			"If most people in any one of these groups don't want it, it will not be made."
		);
		await expectAccessible(page);
		await markAndContinue(page, { 'Stop the housebound delivery service': "Don't want" });
		await skipProfile(page);
		await page.getByRole('button', { name: 'Send my ballot' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your ballot has been sent');

		// A second user of the service, in Welsh.
		await page.context().clearCookies();
		await enterCode(page, codes[1], true);
		await open(page, `/cy/vote/${id}`);
		await expect(
			page.getByText("Dim ond pobl y cafodd eu defnydd o'r gwasanaeth ei wirio")
		).toBeVisible();
		await page.getByRole('link', { name: 'Dechrau' }).click();
		const cynnig = page.locator('section.proposal').first();
		await expect(cynnig.getByRole('listitem')).toHaveText([
			"pobl sy'n defnyddio Llyfrgelloedd",
			'pobl yn y grŵp “Preswylwyr anabl”'
		]);
		await expectAccessible(page);
		await cynnig.getByLabel('Ddim eisiau', { exact: true }).check();
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Amdanoch chi' })).toBeVisible();
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Gwiriwch eich atebion cyn anfon eich papur pleidleisio'
			})
		).toBeVisible();
		await page.getByRole('button', { name: 'Anfon fy mhapur pleidleisio' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			"Mae eich papur pleidleisio wedi'i anfon"
		);
		// Both ballots were cast with codes: two codes used, two code ballots.
		expect((await totals(staff, id)).slice(0, 2)).toEqual(['2', '2']);
		await staff.close();
	});

	/** An open vote whose first saving the library's users depend on, and one nobody does. */
	const checkedVote = (staff: Page) =>
		createVote(staff, {
			eligibility: 'open',
			proposals: [
				{
					title: 'Close the branch library',
					kind: 'saving',
					amount: '40000',
					affects: [USERS_LABEL]
				},
				{ title: 'End the reading festival grant', kind: 'saving', amount: '5000' }
			]
		});

	test('staff key a checked user from paper twice, and both keyings must agree on it', async ({
		page,
		browser
	}) => {
		const { id } = await checkedVote(page);
		const second = await newPage(browser, true);
		await signIn(second, 'facilitator');
		const keyPaper = async (p: Page, checked: string) => {
			await open(p, `/staff/votes/${id}/paper`);
			await p.getByLabel('Ballot number').fill('P900');
			await p.getByLabel('Checked user of').selectOption(checked ? { label: checked } : '');
			await p
				.getByRole('group', { name: '1. Close the branch library' })
				.getByLabel("Don't want")
				.check();
			await p.getByRole('button', { name: 'Save this keying' }).click();
		};
		await keyPaper(page, 'Libraries');
		await expectAccessible(page);
		// The keyings differ on the checked user, so the ballot waits for a third.
		await keyPaper(second, '');
		await expect(second.getByRole('table', { name: /two keyings differ/ })).toContainText(
			'Checked user of'
		);
		await expectAccessible(second);
		await keyPaper(second, 'Libraries');
		await expect(second.getByRole('status')).toContainText('counted');
		// A checked user: assured without a code.
		expect(await totals(page, id)).toEqual(['0', '0', '1', '0', '1', '1']);
		await expectAccessible(page);
		await second.close();
	});

	test('a kiosk for checked users records each one with the staff PIN, then forgets them @resident', async ({
		page,
		browser
	}) => {
		const staff = await newPage(browser, true);
		const { id } = await checkedVote(staff);
		// This browser is the kiosk: a member of staff starts it on the device.
		await signIn(page, 'facilitator');
		await open(page, `/staff/votes/${id}/kiosk`);
		await page.getByLabel('Where is this device?').fill('Housebound service office');
		await page.getByLabel('For checked users of (optional)').selectOption({ label: 'Libraries' });
		await page.getByLabel('Staff PIN (for checked users only)').fill('12');
		await page.getByRole('button', { name: 'Start kiosk and sign out' }).click();
		await expect(page.getByRole('alert')).toContainText('Choose a PIN of 4 to 8 digits');
		await expectAccessible(page);
		await page.getByLabel('For checked users of (optional)').selectOption({ label: 'Libraries' });
		await page.getByLabel('Staff PIN (for checked users only)').fill('4829');
		await page.getByRole('button', { name: 'Start kiosk and sign out' }).click();
		await page.getByRole('link', { name: 'For staff: record a checked user of Libraries' }).click();
		await expectAccessible(page);
		await page.getByLabel('Kiosk staff PIN').fill('0000');
		await page.getByRole('button', { name: 'Record a checked user and start the ballot' }).click();
		await expect(page.getByRole('alert')).toContainText('That PIN is not right');
		await page.getByLabel('Kiosk staff PIN').fill('4829');
		await page.getByRole('button', { name: 'Record a checked user and start the ballot' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Your ballot' })).toBeVisible();
		await expect(page.getByText('A member of staff recorded that you use Libraries')).toBeVisible();
		await expectAccessible(page);
		await markAndContinue(page, { 'Close the branch library': "Don't want" });
		await skipProfile(page);
		await page.getByRole('button', { name: 'Send my ballot' }).click();
		// The next person starts unchecked.
		await page.getByRole('link', { name: 'Next person' }).click();
		await page.getByRole('link', { name: 'Start' }).click();
		await expect(page.getByText('A member of staff recorded')).toHaveCount(0);
		// The staff step in Welsh, for a kiosk running in Welsh.
		await open(page, `/cy/vote/${id}/checked`);
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: "I staff: defnyddiwr wedi'i wirio o Llyfrgelloedd"
			})
		).toBeVisible();
		await expectAccessible(page);

		await open(staff, `/staff/votes/${id}/kiosk`);
		const row = staff.getByRole('row', { name: /Housebound service office/ });
		await expect(row).toContainText('Libraries');
		await expect(row.getByRole('cell').nth(4)).toHaveText('1');
		await expect(row.getByRole('cell').nth(5)).toHaveText('1');
		await expectAccessible(staff);
		await staff.getByRole('button', { name: /End/ }).click();
		// Ended (and the page settled: closing it mid-post could hang the browser for a minute).
		await expect(row).not.toContainText('Running');
		await expect(row.getByRole('button', { name: /End/ })).toHaveCount(0);
		await staff.context().close();
	});

	test('the vote page warns before opening about a saving no group depends on', async ({
		page
	}) => {
		const { id } = await createVote(page, {
			eligibility: 'open',
			open: false,
			proposals: [{ title: 'End the reading festival grant', kind: 'saving', amount: '5000' }]
		});
		await open(page, `/staff/votes/${id}`);
		const warning = page.locator('#undeclared');
		await expect(warning).toContainText('declares no group that depends on it');
		await expect(
			warning.getByRole('link', { name: 'End the reading festival grant' })
		).toBeVisible();
		await expectAccessible(page);
		// A warning, not a block.
		await page.getByRole('button', { name: 'Open the vote' }).click();
		await expect(page.getByRole('button', { name: 'Close the vote and count' })).toBeVisible();
	});
});
