/**
 * The app as a newcomer or a council starts it, with nothing configured: `npm start` (scripts/
 * start.js) and `node build`. Each runs privately on a Unix socket (tests/isolated-server.ts).
 */
import { expect, test } from '@playwright/test';
import { startIsolatedServer, staffCookie, type IsolatedServer } from './isolated-server';
import { signIn } from './support';

/** A multipart body with the given text fields and one file. */
function multipart(
	fields: Record<string, string>,
	file?: { name: string; type: string; bytes: Buffer }
) {
	const boundary = `----cc${Date.now().toString(36)}`;
	const parts: Buffer[] = [];
	for (const [k, v] of Object.entries(fields))
		parts.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
		);
	if (file)
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="picture.png"\r\nContent-Type: ${file.type}\r\n\r\n`
			),
			file.bytes,
			Buffer.from('\r\n')
		);
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

test.describe('node build, with nothing set', () => {
	let server: IsolatedServer;
	test.beforeAll(async () => {
		test.setTimeout(180_000);
		server = await startIsolatedServer({ entry: 'build', env: { SEED_DEMO: 'false' } });
	});
	test.afterAll(async () => server?.stop());

	test('takes a 1.2 MB form (a picture the proposal form allows) and refuses over 2 MB with 413', async () => {
		const post = (bytes: number) => {
			const form = multipart(
				{ code: 'ACDE-FGHJ-KMNP' },
				{ name: 'image', type: 'image/png', bytes: Buffer.alloc(bytes, 7) }
			);
			return server.send('/code', {
				method: 'POST',
				headers: { origin: server.origin, 'content-type': form.type, accept: 'text/html' },
				body: form.body
			});
		};
		// Read and answered by the page (an unknown code), not cut off by the body size limit.
		expect((await post(1_200_000)).status).toBe(400);
		const tooBig = await post(2_200_000);
		expect(tooBig.status).toBe(413);
	});
});

test.describe('npm start, with nothing set', () => {
	let server: IsolatedServer;
	// One server for these tests, in order: they sign in and add to its demo council.
	test.describe.configure({ mode: 'serial' });
	test.beforeAll(async () => {
		test.setTimeout(180_000);
		server = await startIsolatedServer({ entry: 'start' });
	});
	test.afterAll(async () => server?.stop());

	const postSignIn = (origin: string, enhanced = false) =>
		server.send('/staff/sign-in', {
			method: 'POST',
			headers: {
				origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: enhanced ? 'application/json' : 'text/html',
				...(enhanced ? { 'x-sveltekit-action': 'true' } : {})
			},
			body: 'email=commissioner%40harbourside.example&password=harbourside-demo'
		});

	test('prints an address that works, and both loopback spellings sign staff in', async () => {
		expect(server.output()).toContain('http://localhost:3000');
		expect(server.output()).toContain('http://127.0.0.1:3000');
		for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
			const plain = await postSignIn(origin);
			expect(plain.status, origin).toBe(303);
			expect(String(plain.headers['set-cookie'])).toContain('cc_session=');
			const enhanced = await postSignIn(origin, true);
			expect(JSON.parse(enhanced.body)).toMatchObject({ type: 'redirect', location: '/staff' });
		}
	});

	test('refuses a form from another site with a page that says where to go', async () => {
		const plain = await postSignIn('https://evil.example');
		expect(plain.status).toBe(403);
		expect(plain.headers['content-type']).toContain('text/html');
		expect(plain.body).toContain('Open http://localhost:3000 in your browser');
		expect(plain.body).not.toContain('Cross-site POST form submissions are forbidden');
		// With JavaScript the page shows it too: an action result of type "error", not silence.
		const enhanced = await postSignIn('https://evil.example', true);
		expect(enhanced.status).toBe(403);
		expect(JSON.parse(enhanced.body)).toMatchObject({
			type: 'error',
			error: { message: expect.stringContaining('Open http://localhost:3000') }
		});
	});

	test('takes a 1.2 MB picture for a proposal', async () => {
		const cookie = await staffCookie(server, 'commissioner');
		const form = multipart(
			{
				title: 'Reading garden',
				description: 'A garden to read in behind the central library.',
				kind: 'development',
				amount: '12000',
				serviceId: 'libraries',
				imageAlt: 'A sketch of the garden'
			},
			{ name: 'image', type: 'image/png', bytes: Buffer.alloc(1_200_000, 7) }
		);
		const made = await server.send('/staff/votes/new', {
			method: 'POST',
			headers: {
				origin: 'http://localhost:3000',
				cookie,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: 'engagementId=2&title=Library+garden'
		});
		const draft = /\/staff\/votes\/(\d+)/.exec(String(made.headers.location))?.[1];
		expect(draft).toBeTruthy();
		const reply = await server.send(`/staff/votes/${draft}/proposals/new`, {
			method: 'POST',
			headers: {
				origin: 'http://localhost:3000',
				cookie,
				'content-type': form.type,
				accept: 'text/html'
			},
			body: form.body
		});
		expect(reply.status).toBe(303);
	});
});

test.describe('headers on every staff response', () => {
	const SECURITY = [
		'x-content-type-options',
		'referrer-policy',
		'x-frame-options',
		'permissions-policy'
	];

	test('the sign-in guard’s redirect and refusal carry the security headers and no-store', async ({
		request,
		baseURL
	}) => {
		const redirect = await request.get('/staff/votes', { maxRedirects: 0 });
		expect(redirect.status()).toBe(303);
		for (const h of SECURITY) expect(redirect.headers()[h], h).toBeTruthy();
		expect(redirect.headers()['cache-control']).toBe('no-store');

		const refused = await request.post('/staff/votes/1/room?/close', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { roundId: '1' },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(401);
		for (const h of SECURITY) expect(refused.headers()[h], h).toBeTruthy();
		expect(refused.headers()['cache-control']).toBe('no-store');
		expect(await refused.text()).toContain('Sign in to continue');
	});

	test('staff pages are never cached; resident pages may be', async ({ page }) => {
		expect((await page.request.get('/staff/sign-in')).headers()['cache-control']).toBe('no-store');
		await signIn(page, 'commissioner');
		const staff = await page.request.get('/staff/votes');
		expect(staff.status()).toBe(200);
		expect(staff.headers()['cache-control']).toBe('no-store');
		const home = await page.request.get('/');
		expect(home.headers()['cache-control'] ?? '').not.toContain('no-store');
	});
});
