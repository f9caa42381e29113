import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

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

/** No sideways scrolling: everything fits the window (the phone project is 320px wide). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** Submits the form the button belongs to and waits for the page it leads to. */
export async function submit(page: Page, name: string | RegExp): Promise<void> {
	await page.getByRole('button', { name }).click();
	await page.waitForLoadState('networkidle');
}

/** The projector sizes a wall must fit without scrolling. */
export const WALL_SIZES = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
] as const;

/**
 * Checks a projector screen (src/lib/components/wall) at its current size: the page never
 * scrolls, the join box and controls are in full view, and every card (`data-card`) is shown
 * whole, with no text cut off, on one of the pages the test turns through with "Next page".
 * Attaches a screenshot of each page to the report and saves it under test-results/wall/.
 */
export async function expectWallFits(page: Page, name: string, inView: Locator[]): Promise<void> {
	const size = page.viewportSize()!;
	const label = `${name}-${size.width}x${size.height}`;
	const scroll = await page.evaluate(() => ({
		width: document.documentElement.scrollWidth,
		height: document.documentElement.scrollHeight
	}));
	expect(scroll, `${label}: the page scrolls`).toEqual(size);
	for (const locator of inView) {
		const box = (await locator.boundingBox())!;
		expect(box, `${label}: ${locator} is on the page`).not.toBeNull();
		expect(
			box.x >= 0 &&
				box.y >= 0 &&
				box.x + box.width <= size.width &&
				box.y + box.height <= size.height,
			`${label}: ${locator} is in full view`
		).toBe(true);
	}
	const boxes = await Promise.all(inView.map(async (l) => (await l.boundingBox())!));
	boxes.forEach((a, i) =>
		boxes.slice(i + 1).forEach((b, j) => {
			const apart =
				a.x + a.width <= b.x + 1 ||
				b.x + b.width <= a.x + 1 ||
				a.y + a.height <= b.y + 1 ||
				b.y + b.height <= a.y + 1;
			expect(apart, `${label}: ${inView[i]} overlaps ${inView[i + 1 + j]}`).toBe(true);
		})
	);
	// Nothing in the side column runs out of its box (a QR code over the counts, say).
	const spilling = await page.evaluate(() =>
		[...document.querySelector('[data-side]')!.children]
			.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
			.map((el) => el.outerHTML.slice(0, 80))
	);
	expect(spilling, `${label}: side column`).toEqual([]);
	const pager = page.getByTestId('page-of');
	const pages = (await pager.count()) ? Number(/of (\d+)/.exec(await pager.innerText())![1]) : 1;
	const cards = await page.locator('[data-card]').count();
	const seen = new Set<number>();
	for (let n = 1; n <= pages; n++) {
		if (n > 1) {
			await page.getByRole('button', { name: 'Next page' }).click();
			await expect(pager).toHaveText(`Page ${n} of ${pages}`);
		}
		// Wait for the page to slide into place (at once when motion is reduced).
		await page.waitForFunction(() =>
			document.getAnimations().every((a) => a.playState !== 'running')
		);
		// The wall shrinks a long idea's text to fit after layout (and again when fonts load): on
		// a busy machine that can come a moment after the page settles, so wait for it (a card
		// that never fits still fails here, naming the cards).
		await expect
			.poll(
				() =>
					page.evaluate(() =>
						[...document.querySelectorAll<HTMLElement>('[data-card]')]
							.filter((card) => card.scrollHeight > card.clientHeight)
							.map((card) => card.innerText.slice(0, 60))
					),
				{ message: `${label}: cards cut off on page ${n}` }
			)
			.toEqual([]);
		const shown = await page.evaluate(() => {
			const board = document.querySelector('[data-pages]')!.parentElement!.getBoundingClientRect();
			return [...document.querySelectorAll<HTMLElement>('[data-card]')].map((card) => {
				const r = card.getBoundingClientRect();
				return {
					text: card.innerText.slice(0, 60),
					clipped: card.scrollHeight > card.clientHeight,
					whole:
						r.left >= board.left - 1 &&
						r.right <= board.right + 1 &&
						r.top >= board.top - 1 &&
						r.bottom <= board.bottom + 1,
					away: r.right <= board.left + 1 || r.left >= board.right - 1
				};
			});
		});
		shown.forEach((card, i) => {
			expect(card.clipped, `${label}: "${card.text}" is cut off`).toBe(false);
			expect(card.whole || card.away, `${label}: "${card.text}" is half on page ${n}`).toBe(true);
			if (card.whole) seen.add(i);
		});
		const png = await page.screenshot();
		await test.info().attach(`${label}-page-${n}`, { body: png, contentType: 'image/png' });
		mkdirSync('test-results/wall', { recursive: true });
		writeFileSync(`test-results/wall/${label}-page-${n}.png`, png);
	}
	expect(seen.size, `${label}: cards never shown on any page`).toBe(cards);
}
