import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'harbourside-demo';
export type Role = 'admin' | 'commissioner' | 'facilitator' | 'councillor';

/**
 * Opens a page and, where JavaScript runs, waits for hydration: typing into a form before
 * Svelte hydrates it can be undone.
 */
export async function open(page: Page, url: string): Promise<void> {
	await page.goto(url);
	if (test.info().project.use.javaScriptEnabled !== false)
		await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in as one of the demo staff accounts and waits for the staff home page. */
export async function signIn(page: Page, role: Role): Promise<void> {
	await open(page, '/staff/sign-in');
	await page.getByLabel('Email address').fill(`${role}@harbourside.example`);
	await page.getByLabel('Password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
}

/** WCAG 2.2 AA as axe checks it: no violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
	// axe runs inside the page, so it cannot run with JavaScript off; the same pages are checked
	// by the projects that have it.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, 'axe violations').toEqual([]);
}

/** Submits the form the button belongs to and waits for the page it leads to. */
export async function submit(page: Page, name: string | RegExp): Promise<void> {
	await page.getByRole('button', { name }).click();
	await page.waitForLoadState('networkidle');
}
