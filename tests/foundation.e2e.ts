import { expect, test } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';

test.describe('resident pages', () => {
	test('home page in English and Welsh, the switch keeps the page @resident', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Harbourside Borough Council' })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Have your say on local services'
		);
		await expectAccessible(page);

		await open(page, '/code');
		await page.getByRole('link', { name: 'Cymraeg' }).click();
		await expect(page).toHaveURL(/\/cy\/code$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rhowch eich cod');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/code$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your code');
	});

	test('a wrong code gets a clear message beside the field, in either language @resident', async ({
		page
	}) => {
		await open(page, '/code');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter the code from your letter');
		await expect(page.locator('#field-code-error')).toContainText(
			'Enter the code from your letter'
		);

		await page.getByLabel('Your code').fill('hello');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('#field-code-error')).toContainText('12 letters and numbers');
		await expect(page.getByLabel('Your code')).toHaveValue('hello');

		await page.getByLabel('Your code').fill('ACDE-FGHJ-KMNP');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('#field-code-error')).toContainText('We could not find that code');
		await expectAccessible(page);

		await open(page, '/cy/code');
		await page.getByRole('button', { name: 'Parhau' }).click();
		await expect(page.locator('#field-code-error')).toContainText("Rhowch y cod o'ch llythyr");
	});

	test('an unknown page says so plainly @resident', async ({ page }) => {
		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sorry, there is a problem');
		await expectAccessible(page);
	});
});

test.describe('staff', () => {
	test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
		await open(page, '/staff/sign-in');
		await expectAccessible(page);
		await page.getByLabel('Email address').fill('admin@harbourside.example');
		await page.getByLabel('Password').fill('not-the-password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Enter a correct email address and password'
		);
		await expect(page.getByLabel('Email address')).toHaveValue('admin@harbourside.example');
	});

	test('staff pages need a signed-in user', async ({ page }) => {
		await page.goto('/staff/catalogue/services');
		await expect(page).toHaveURL(/\/staff\/sign-in\?next=/);
	});

	test('a commissioner creates an engagement and moves it on', async ({ page }) => {
		await signIn(page, 'commissioner');
		await expectAccessible(page);
		await page.getByRole('link', { name: 'New engagement' }).click();
		await page.getByRole('button', { name: 'Create engagement' }).click();
		await expect(page.getByRole('alert')).toContainText('Enter a title');
		await expect(page.getByRole('alert')).toContainText('Choose a service');
		await expectAccessible(page);

		await page.getByLabel('Title', { exact: true }).fill('Parks: who looks after what');
		await page.getByLabel('Service').selectOption({ label: 'Parks and open spaces' });
		await page
			.getByLabel('Summary', { exact: true })
			.fill('Friends groups, volunteers and the council share the work.');
		await page.getByRole('button', { name: 'Create engagement' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parks: who looks after what');
		await expect(page.locator('[aria-current="step"]')).toContainText('Understand');
		await expectAccessible(page);

		await page.getByRole('radio', { name: 'Co-design' }).check();
		await page.getByRole('button', { name: 'Save stage' }).click();
		await expect(page.locator('[aria-current="step"]')).toContainText('Co-design');
	});

	test('the catalogue refuses bad input and keeps what was typed', async ({ page }) => {
		await signIn(page, 'commissioner');
		await open(page, '/staff/catalogue/services');
		await expectAccessible(page);
		await page.getByLabel('Id').fill('Bad Id!');
		await page.getByLabel('Name', { exact: true }).fill('Museums');
		await page.getByRole('button', { name: 'Add service' }).click();
		await expect(page.getByRole('alert')).toContainText('lower-case letters');
		await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Museums');
		await expect(page.getByRole('cell', { name: 'Museums' })).toHaveCount(0);

		await page.getByLabel('Id').fill('libraries');
		await page.getByRole('button', { name: 'Add service' }).click();
		await expect(page.getByRole('alert')).toContainText('already exists');

		await page.getByLabel('Id').fill('museums');
		await page.getByRole('button', { name: 'Add service' }).click();
		await expect(page.getByRole('link', { name: 'Museums' })).toBeVisible();

		await open(page, '/staff/catalogue/areas');
		await expect(page.getByRole('cell', { name: 'Old Town' })).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel('Id').fill('seafront');
		await page.getByLabel('Name', { exact: true }).fill('Seafront');
		await page.getByLabel('Aged 16-24').fill('-5');
		await page.getByRole('button', { name: 'Add area' }).click();
		await expect(page.getByRole('alert')).toContainText('cannot be negative');
		await page.getByLabel('Aged 16-24').fill('1200');
		await page.getByRole('button', { name: 'Add area' }).click();
		await expect(page.getByRole('link', { name: 'Seafront' })).toBeVisible();

		await page.goto('/staff/catalogue/segments');
		await expect(page.getByRole('cell', { name: 'Unpaid carers' })).toBeVisible();
		await expectAccessible(page);
	});

	test('codes are printed once as letters, and a resident can use one', async ({
		page,
		browser
	}) => {
		await signIn(page, 'facilitator');
		await page.getByRole('link', { name: 'Libraries as community hubs' }).click();
		await page.getByRole('link', { name: 'Manage code batches' }).click();
		await expectAccessible(page);
		await page.getByLabel('How many codes').fill('0');
		await page.getByRole('button', { name: 'Make codes and print letters' }).click();
		await expect(page.getByRole('alert')).toContainText('Make at least 1 code');

		await page.getByLabel('Label').fill('Old Town households');
		await page.getByLabel('How many codes').fill('3');
		await page.getByRole('button', { name: 'Make codes and print letters' }).click();
		await expect(page.getByRole('heading', { name: 'Print these 3 letters now' })).toBeVisible();
		const codes = await page.locator('.letter .code').allTextContents();
		expect(codes).toHaveLength(3);
		for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		expect(new Set(codes).size).toBe(3);
		await expectAccessible(page);

		const residentContext = await browser.newContext();
		const resident = await residentContext.newPage();
		await open(resident, '/code');
		// Pasted in lower case with spaces: still accepted.
		await resident.getByLabel('Your code').fill(` ${codes[0].toLowerCase().replaceAll('-', ' ')} `);
		await resident.getByRole('button', { name: 'Continue' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
			'Your code is ready to use'
		);
		await expect(resident.getByText(/Your code is for: Libraries as community hubs/)).toBeVisible();
		await expectAccessible(resident);
		// The QR code on a letter opens the page with the code filled in.
		await resident.getByRole('link', { name: 'Enter a different code' }).click();
		await open(resident, `/code?c=${codes[1]}`);
		await expect(resident.getByLabel('Your code')).toHaveValue(codes[1]);
		await residentContext.close();
	});

	test('admins manage accounts and read the audit log; others cannot', async ({ page }) => {
		await signIn(page, 'admin');
		await page.getByRole('link', { name: 'Accounts' }).click();
		await expectAccessible(page);
		await page.getByLabel('Name').fill('Sam Short');
		await page.getByLabel('Email address').fill('sam@harbourside.example');
		await page.getByLabel('Role').selectOption('facilitator');
		await page.getByLabel('First password').fill('too-short');
		await page.getByRole('button', { name: 'Add account' }).click();
		await expect(page.getByRole('alert')).toContainText('at least 12 characters');
		await page.getByLabel('First password').fill('a long enough passphrase');
		await page.getByRole('button', { name: 'Add account' }).click();
		await expect(page.getByRole('link', { name: 'Sam Short' })).toBeVisible();

		await page.getByRole('link', { name: 'Audit log' }).click();
		await expect(page.getByRole('cell', { name: 'account.create' }).first()).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel('What').selectOption('account');
		await page.getByRole('button', { name: 'Filter' }).click();
		await expect(page.getByRole('cell', { name: 'engagement.create' })).toHaveCount(0);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await signIn(page, 'commissioner');
		const response = await page.goto('/staff/audit');
		expect(response?.status()).toBe(403);
	});

	test('signing out ends the session on the server', async ({ page, context }) => {
		await signIn(page, 'commissioner');
		const cookie = (await context.cookies()).find((c) => c.name === 'cc_session');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/sign-in/);
		// Put the old cookie back: the server no longer knows it.
		await context.addCookies([cookie!]);
		await page.goto('/staff');
		await expect(page).toHaveURL(/sign-in/);
	});

	test('a state-changing request from another origin is refused', async ({ request }) => {
		const response = await request.post('/code', {
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			data: { code: 'ACDE-FGHJ-KMNP' }
		});
		expect(response.status()).toBe(403);
	});
});

test.describe('rate limits, with production settings', () => {
	test('repeated wrong passwords for one account get 429 with Retry-After @limits', async ({
		request
	}) => {
		const email = 'nobody-here@harbourside.example';
		const statuses: number[] = [];
		let retryAfter: string | undefined;
		for (let i = 0; i < 6; i++) {
			const response = await request.post('/staff/sign-in', {
				headers: { origin: test.info().project.use.baseURL!, accept: 'text/html' },
				form: { email, password: 'wrong password here' }
			});
			statuses.push(response.status());
			retryAfter ??= response.headers()['retry-after'];
		}
		expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
		expect(statuses[5]).toBe(429);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});

	test('the real owner is not locked out by someone guessing at their account @limits', async ({
		page,
		request
	}) => {
		// The owner signs in once from this browser, which then holds a device cookie.
		await signIn(page, 'facilitator');
		await page.getByRole('button', { name: 'Sign out' }).click();
		for (let i = 0; i < 6; i++)
			await request.post('/staff/sign-in', {
				headers: { origin: test.info().project.use.baseURL!, accept: 'text/html' },
				form: { email: 'facilitator@harbourside.example', password: 'an attacker guessing' }
			});
		await signIn(page, 'facilitator');
	});

	test('code entry is rate-limited per address @limits', async ({ request }) => {
		let status = 0;
		let retryAfter: string | undefined;
		for (let i = 0; i < 12 && status !== 429; i++) {
			const response = await request.post('/code', {
				headers: { origin: test.info().project.use.baseURL!, accept: 'text/html' },
				form: { code: 'ACDE-FGHJ-KMNP' }
			});
			status = response.status();
			retryAfter = response.headers()['retry-after'];
		}
		expect(status).toBe(429);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});
});
