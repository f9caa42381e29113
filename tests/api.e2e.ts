import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('an admin issues an API token, another system reads engagements with it, and revoking stops it', async ({
	page,
	request
}) => {
	expect((await request.get('/api/v1/engagements')).status()).toBe(401);

	await signIn(page, 'admin');
	await page.getByRole('link', { name: 'API tokens' }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Issue token' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter a name for the token');
	const name = `Dashboard ${test.info().project.name}`;
	await page.getByLabel('What it is for').fill(name);
	await page.getByRole('button', { name: 'Issue token' }).click();
	const token = (await page.locator('code.token').textContent())!.trim();
	expect(token).toMatch(/^cc_[a-z2-7]{32}$/);
	await expectAccessible(page);

	const auth = { Authorization: `Bearer ${token}` };
	const list = await request.get('/api/v1/engagements', { headers: auth });
	expect(list.status()).toBe(200);
	const body = await list.json();
	expect(body.engagements.map((e: { title: string }) => e.title)).toContain(
		'Libraries as community hubs'
	);
	const one = await request.get(body.engagements[0].href, { headers: auth });
	expect((await one.json()).steps.map((s: { tool: string }) => s.tool)).toEqual([
		'survey',
		'lab',
		'vote',
		'charter'
	]);
	expect((await request.get('/api/v1/engagements/99999', { headers: auth })).status()).toBe(404);

	await page.getByRole('button', { name: `Revoke ${name}` }).click();
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
	expect((await request.get('/api/v1/engagements', { headers: auth })).status()).toBe(401);
});
