import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, expectNoSidewaysScroll, signIn } from './support';

const DEMO = '/charter/harbourside-day-opportunities';

/** A page in a fresh browser context: a resident or a signatory, with no staff session. */
async function stranger(browser: Browser, info: TestInfo) {
	const { baseURL, viewport, isMobile, hasTouch, javaScriptEnabled } = info.project.use;
	const context = await browser.newContext({
		baseURL,
		viewport,
		isMobile,
		hasTouch,
		javaScriptEnabled
	});
	return context.newPage();
}

/** Fills the add form of a list, adds the item and waits until the list shows it. */
async function addItem(page: Page, button: string, shows: string, fill: () => Promise<void>) {
	await fill();
	await page.getByRole('button', { name: button }).click();
	await expect(page.locator('main ol').first()).toContainText(shows);
}

test.describe('the demo charter', () => {
	test('the public page shows who promised what and how it is going, in English and Welsh @resident', async ({
		page
	}) => {
		await page.goto(DEMO);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Harbourside Day Opportunities Charter'
		);
		await expect(page.getByText(/All partners signed this charter/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Who promised what' })).toBeVisible();
		await expect(
			page.getByRole('heading', { name: 'Hub Together CIC (Provider)', exact: false })
		).toBeVisible();
		// The amber commitment says so in words, with its note; the others are on track.
		const hours = page.getByRole('listitem').filter({ hasText: 'Open the hub 40 hours a week' });
		await expect(hours).toContainText('Some concerns');
		await expect(hours).toContainText('Evening opening started in May, not April');
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Fund the hub at £420,000' })
		).toContainText('On track');
		await expect(page.getByRole('heading', { name: 'How to raise a concern' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Who signed' })).toBeVisible();
		await expect(page.getByText(/Alan Brooks, Director of Adult Social Care/)).toBeVisible();
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);

		await page.getByRole('link', { name: 'Versions and what changed' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Versions of this charter');
		await expect(page.getByRole('heading', { name: /Version 1/ })).toContainText('In force');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Read version 1 in full' }).click();
		await expect(page.getByText('This is the version in force.')).toBeVisible();
		await expectAccessible(page);
		await expectNoSidewaysScroll(page);

		await page.goto(`/cy${DEMO}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { name: 'Pwy addawodd beth' })).toBeVisible();
		// The charter was signed with its Welsh: its promises read in Welsh here.
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Agor yr hyb 40 awr yr wythnos' })
		).toContainText('Rhai pryderon');
		await expectAccessible(page);
	});

	test('the home page lists the published charter to read @resident', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'Harbourside Day Opportunities Charter' }).click();
		await expect(page).toHaveURL(new RegExp(`${DEMO}$`));
	});

	test('the printable copy leaves out the page furniture', async ({ page }) => {
		await page.goto(DEMO);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Print this charter' })).toBeHidden();
		await expect(page.getByRole('heading', { name: 'Who promised what' })).toBeVisible();
	});

	test('a signing link that does not exist is a plain 404 @resident', async ({ page }) => {
		const response = await page.goto('/charter/sign/not-a-real-token');
		expect(response?.status()).toBe(404);
	});
});

test.describe('a charter from draft to amendment', () => {
	test('draft, consult, sign as three parties through their links, publish, review and amend @resident', async ({
		browser
	}, info) => {
		test.setTimeout(300_000);
		// Staff work at a desk; residents and signatories use whatever the project emulates (a
		// 320px phone, no JavaScript).
		const { baseURL, javaScriptEnabled } = info.project.use;
		const page = await (
			await browser.newContext({
				baseURL,
				javaScriptEnabled,
				viewport: { width: 1280, height: 900 }
			})
		).newPage();
		const title = `Libraries charter ${info.project.name} ${Date.now()}`;

		// Drafting: a commissioner starts a charter on the libraries engagement.
		await signIn(page, 'commissioner');
		await page.goto('/staff/engagements/2');
		await page.getByRole('link', { name: 'Start a new one' }).last().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Start a charter');
		await expect(page.getByLabel('Engagement')).toHaveValue('2');
		await page.getByRole('button', { name: 'Start the charter' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter a title');
		await expectAccessible(page);
		await page.getByLabel('Title').fill(title);
		await page.getByRole('button', { name: 'Start the charter' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		const charterUrl = page.url();
		await expectAccessible(page);
		await page.goto('/staff/charters');
		await expect(page.getByRole('link', { name: title })).toBeVisible();
		await expectAccessible(page);
		await page.goto(`${charterUrl}/edit/basics`);
		await expect(page.getByLabel('The service the charter covers')).toHaveValue('Libraries');
		await expectAccessible(page);
		await page.goto(`${charterUrl}/edit/links`);
		await expectAccessible(page);
		await page.goto(charterUrl);

		// An empty charter cannot go out for comments.
		await page.getByRole('button', { name: 'Open for comments' }).click();
		await expect(page.getByRole('alert')).toContainText('The charter is empty');

		await page.getByRole('link', { name: 'Change outcomes' }).click();
		await addItem(page, 'Add outcome', 'More people use their library', async () => {
			await page.getByLabel('Outcome', { exact: true }).fill('More people use their library');
			await page.getByLabel('Indicator').fill('Library visits a year');
			await page.getByLabel('Baseline').fill('410,000 (2025)');
			await page.getByLabel('Target').fill('450,000 by 2027');
		});
		await expectAccessible(page);

		await page.goto(`${charterUrl}/edit/parties`);
		const parties = [
			[
				'Commissioner',
				'Harbourside Borough Council',
				'Funds the libraries',
				'Dana Price',
				'Director of Communities'
			],
			['Provider', 'Harbour Libraries Trust', 'Runs the branches', 'Lee Moss', 'Chief Executive'],
			[
				'Community representative',
				'Friends of Old Town Library',
				'Volunteers in the branch',
				'Ann Hale',
				'Chair'
			]
		] as const;
		for (const [kind, organisation, role, signatory, signatoryRole] of parties)
			await addItem(page, 'Add party', organisation, async () => {
				await page.getByRole('radio', { name: kind }).check();
				await page.getByLabel('Organisation').fill(organisation);
				await page.getByLabel('What the party does in this service').fill(role);
				await page.getByLabel('Contact name').fill(signatory);
				await page.getByLabel('Who will sign for the party').fill(signatory);
				await page.getByLabel('Their role').fill(signatoryRole);
			});
		await expectAccessible(page);

		await page.goto(`${charterUrl}/edit/commitments`);
		const commitments = [
			[
				'Harbourside Borough Council (Commissioner)',
				'Keep every branch open five days a week',
				'money'
			],
			['Harbour Libraries Trust (Provider)', 'Run a homework club in every branch', 'staff-time'],
			[
				'Friends of Old Town Library (Community representative)',
				'Give 20 volunteer hours a week',
				'volunteer-hours'
			]
		] as const;
		for (const [party, what, kind] of commitments)
			await addItem(page, 'Add commitment', what, async () => {
				await page.getByLabel('Party making the commitment').selectOption({ label: party });
				await page.getByLabel('What the party commits').fill(what);
				await page.getByLabel('Kind of contribution').selectOption(kind);
				await page.getByLabel('Owner').fill('Named lead');
				await page.getByLabel('Measure').fill('Reported to the forum each quarter');
				await page.getByLabel('Date', { exact: true }).fill('2027-03-31');
			});
		await expectAccessible(page);

		await page.goto(`${charterUrl}/edit/standards`);
		await addItem(page, 'Add service standard', 'Every branch open', async () => {
			await page
				.getByRole('textbox', { name: 'Service standard' })
				.fill('Every branch open at least 30 hours a week');
		});

		await page.goto(`${charterUrl}/edit/governance`);
		await page.getByLabel('The board or forum that runs the charter').fill('Libraries Forum');
		await page.getByLabel('Who is on it').fill('Two people from each party');
		await page.getByLabel('How often it meets').fill('Every three months, in public');
		await page.getByLabel('What it decides').fill('Opening hours and the events programme');
		await page.getByLabel('How disputes are settled').fill('An independent mediator');
		await page.getByLabel('How residents raise concerns').fill('At any branch desk or online');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByText('Nothing is missing.')).toBeVisible();

		// Consultation: anyone with the link comments; staff answer before signing.
		await page.getByRole('button', { name: 'Open for comments' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Open for comments');
		const publicPath = (await page
			.getByRole('link', { name: /^\/charter\/[a-z2-7]+$/ })
			.getAttribute('href'))!;

		const resident = await stranger(browser, info);
		await resident.goto(publicPath);
		await expect(resident.getByText('This is a draft.')).toBeVisible();
		await expectAccessible(resident);
		await resident.getByRole('link', { name: 'Comment on the draft' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
			'Comment on the draft charter'
		);
		await resident.getByRole('button', { name: 'Send comment' }).click();
		await expect(resident.getByRole('alert')).toContainText('Write your comment');
		await expectAccessible(resident);
		await resident.getByLabel('Your comment').fill('Please open the Old Town branch on Sundays.');
		await resident.getByLabel('Your name (optional)').fill('Priya');
		await resident.getByRole('button', { name: 'Send comment' }).click();
		await expect(resident.getByRole('status')).toContainText('Your comment has been sent');
		await expect(resident.getByText('Please open the Old Town branch on Sundays.')).toBeVisible();
		await expectAccessible(resident);
		await expectNoSidewaysScroll(resident);

		await page.getByRole('button', { name: 'Send for signing' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'1 comment is still waiting for a response'
		);
		await page.getByRole('link', { name: 'Answer comments' }).click();
		await expectAccessible(page);
		await page
			.getByLabel('Reply (optional when acknowledging)')
			.fill('The forum will look at Sunday opening at its first meeting.');
		await page.getByRole('button', { name: 'Save response' }).click();
		await expect(page.getByText('Reply: The forum will look at Sunday opening')).toBeVisible();
		await resident.reload();
		await expect(resident.getByText('The forum will look at Sunday opening')).toBeVisible();

		// Signing: the text is frozen as version 1 and each party signs through its own link.
		await page.goto(charterUrl);
		await page.getByRole('button', { name: 'Send for signing' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Being signed');
		await page.getByRole('link', { name: 'Signing links' }).click();
		await page.getByRole('button', { name: 'Make links for every party still to sign' }).click();
		await expect(page.getByRole('heading', { name: 'Send these links now' })).toBeVisible();
		await expect(page.locator('code.link')).toHaveCount(3);
		await expectAccessible(page);
		const links = await page.locator('code.link').allTextContents();
		expect(links).toHaveLength(3);
		// A lost link is replaced: the new one works, the old one says it was replaced.
		await page
			.getByRole('button', { name: 'Make a new link for Harbourside Borough Council' })
			.click();
		await expect(page.locator('code.link')).toHaveCount(1);
		const replaced = links[0];
		links[0] = (await page.locator('code.link').textContent())!;
		expect(links[0]).not.toBe(replaced);
		const stale = await stranger(browser, info);
		await stale.goto(new URL(replaced).pathname);
		await expect(stale.getByRole('heading', { level: 1 })).toHaveText(
			'This link has been replaced'
		);
		await expectAccessible(stale);

		async function signThrough(link: string, welsh = false) {
			const signatory = await stranger(browser, info);
			const url = new URL(link);
			await signatory.goto(welsh ? `/cy${url.pathname}` : url.pathname);
			await expectAccessible(signatory);
			return signatory;
		}
		// The council signs, first forgetting to tick the box.
		const council = await signThrough(links[0]);
		await expect(council.getByRole('heading', { level: 1 })).toHaveText(
			'Sign the charter for Harbourside Borough Council'
		);
		await expect(council.getByLabel('Your full name')).toHaveValue('Dana Price');
		await council.getByRole('button', { name: 'Sign the charter' }).click();
		await expect(council.getByRole('alert')).toContainText('Tick the box to confirm');
		await expectAccessible(council);
		await council.getByRole('checkbox').check();
		await council.getByRole('button', { name: 'Sign the charter' }).click();
		await expect(council.getByRole('status')).toContainText(
			'Harbourside Borough Council signed version 1'
		);
		await expectNoSidewaysScroll(council);
		// The provider signs in Welsh.
		const trust = await signThrough(links[1], true);
		await expect(trust.getByRole('heading', { level: 1 })).toHaveText(
			"Llofnodi'r siarter ar ran Harbour Libraries Trust"
		);
		await trust.getByRole('checkbox').check();
		await trust.getByRole('button', { name: "Llofnodi'r siarter" }).click();
		await expect(trust.getByRole('status')).toContainText('Llofnododd Harbour Libraries Trust');
		const friends = await signThrough(links[2]);
		await friends.getByLabel('Your role').fill('Chair of the Friends');
		await friends.getByRole('checkbox').check();
		await friends.getByRole('button', { name: 'Sign the charter' }).click();
		await expect(friends.getByText('Every partner has now signed.')).toBeVisible();
		// A link works once: after signing it shows what was signed, with no form.
		await council.reload();
		await expect(council.getByRole('button', { name: 'Sign the charter' })).toHaveCount(0);

		// Publishing.
		await page.goto(charterUrl);
		await expect(page.locator('main .tag').first()).toHaveText('Agreed');
		await page.getByRole('button', { name: 'Publish the charter' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Published');
		await resident.goto(publicPath);
		await expect(resident.getByText(/All partners signed this charter/)).toBeVisible();
		await expect(
			resident.getByText(/Ann Hale, Chair of the Friends, for Friends of Old Town Library/)
		).toBeVisible();
		const homework = resident.getByRole('listitem').filter({ hasText: 'Run a homework club' });
		await expect(homework).toContainText('Not reviewed yet');
		// The consultation is over, but its comments and replies stay on the record.
		await resident.goto(`${publicPath}/comments`);
		await expect(resident.getByText('Comments are closed at the moment.')).toBeVisible();
		await expect(resident.getByText('The forum will look at Sunday opening')).toBeVisible();
		await expectAccessible(resident);
		await resident.goto(publicPath);

		// Review: a commitment's status changes, with a note residents can read.
		await page.getByRole('link', { name: 'Review progress' }).click();
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Update Run a homework club in every branch' }).click();
		await expect(page.getByLabel('Commitment or outcome')).toHaveValue(/^commitment:/);
		await page.getByRole('radio', { name: 'Amber: Some concerns' }).check();
		await page
			.getByLabel('Note')
			.fill('Two branches have no homework club yet: volunteers are being recruited.');
		await page.getByRole('button', { name: 'Record progress' }).click();
		await expect(page.getByRole('status')).toContainText('Progress recorded');
		await resident.reload();
		await expect(homework).toContainText('Some concerns');
		await expect(homework).toContainText('Two branches have no homework club yet');

		// Amendment: a new version, which every party signs again.
		await page.goto(charterUrl);
		await page.getByRole('button', { name: 'Start an amendment' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Amendment being drafted');
		await page.getByRole('link', { name: 'Change service standards' }).click();
		await page.getByRole('link', { name: 'Change service standard 1' }).click();
		await expect(page.getByRole('heading', { name: /^Change service standard/ })).toBeVisible();
		await page
			.getByRole('textbox', { name: 'Service standard' })
			.fill('Every branch open at least 35 hours a week');
		await page.getByRole('button', { name: 'Save changes' }).click();
		await expect(page.getByRole('status')).toContainText('Saved.');
		await page.goto(charterUrl);
		await expect(
			page.getByText(
				/Service standard "Every branch open at least 30 hours a week": wording changed/
			)
		).toBeVisible();
		await page.getByRole('button', { name: 'Open for comments' }).click();
		await resident.goto(publicPath);
		await expect(
			resident.getByText('Changes to this charter are open for comments.')
		).toBeVisible();
		await resident.getByRole('link', { name: 'Read the changes and comment' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
			'Comment on the changes to the charter'
		);
		await expect(resident.locator('ins')).toHaveText('Every branch open at least 35 hours a week');
		await expectAccessible(resident);

		await page.getByRole('button', { name: 'Send for signing' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Being signed');
		await page.getByRole('link', { name: 'Signing links' }).click();
		await page.getByRole('button', { name: 'Make links for every party still to sign' }).click();
		await expect(page.locator('code.link')).toHaveCount(3);
		const newLinks = await page.locator('code.link').allTextContents();
		expect(newLinks).toHaveLength(3);
		// The old links were for version 1: they cannot sign version 2.
		const old = await signThrough(links[0]);
		await expect(old.getByRole('button', { name: 'Sign the charter' })).toHaveCount(0);
		for (const link of newLinks) {
			const signatory = await signThrough(link);
			await signatory.getByRole('checkbox').check();
			await signatory.getByRole('button', { name: 'Sign the charter' }).click();
			await expect(signatory.getByRole('status')).toContainText('signed version 2');
		}
		await page.goto(charterUrl);
		await page.getByRole('button', { name: 'Publish the charter' }).click();
		await expect(page.locator('main .tag').first()).toHaveText('Published');

		// History: both versions, and what changed between them.
		await resident.goto(`${publicPath}/history`);
		await expect(resident.getByRole('heading', { name: /Version 2/ })).toContainText('In force');
		await expect(resident.getByRole('heading', { name: /Version 1/ })).toContainText(
			'Replaced by a later version'
		);
		await expect(
			resident.getByRole('heading', { name: 'What changed from version 1' })
		).toBeVisible();
		await expect(resident.locator('del')).toContainText(
			'Every branch open at least 30 hours a week'
		);
		await expect(resident.locator('ins')).toContainText(
			'Every branch open at least 35 hours a week'
		);
		await expectAccessible(resident);
		await resident.getByRole('link', { name: 'Read version 1 in full' }).click();
		await expect(resident.getByText('This is not the version in force.')).toBeVisible();
		await expect(resident.getByText('Every branch open at least 30 hours a week')).toBeVisible();
	});
});
