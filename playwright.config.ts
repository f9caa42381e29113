import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts' suites run at once without sharing servers.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const LIMITS_PORT = PORT + 1;
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};

/** A fresh database per run; `node build` from the project root so migrations are found. */
function server(port: number, db: string, env: Record<string, string>, build: boolean) {
	return {
		// Servers start one after the other: only the first builds (unless npm test already did).
		command: `${build && !process.env.E2E_PREBUILT ? 'npm run build && ' : ''}rm -f ${db} ${db}-wal ${db}-shm && node scripts/start.js`,
		port,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: db,
			...env
		}
	};
}

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [
		['list'],
		['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'reports/e2e.json' }]
	],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: chromium,
		trace: 'off'
	},
	webServer: [
		// The everyday server: rate limits raised, since every test browser shares 127.0.0.1.
		server(
			PORT,
			`data/e2e-${PORT}.db`,
			{ SIGN_IN_IP_BURST: '1000', CODE_ENTRY_BURST: '1000' },
			true
		),
		// The same app with production limits, for the tests that prove them.
		server(LIMITS_PORT, `data/e2e-${LIMITS_PORT}.db`, {}, false)
	],
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], launchOptions: chromium },
			grepInvert: /@limits/
		},
		{
			name: 'phone-320',
			use: {
				viewport: { width: 320, height: 640 },
				isMobile: true,
				hasTouch: true,
				launchOptions: chromium
			},
			grep: /@resident/
		},
		{
			name: 'no-js',
			use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions: chromium },
			grep: /@resident|@nojs/
		},
		{
			name: 'limits',
			use: {
				...devices['Desktop Chrome'],
				baseURL: `http://127.0.0.1:${LIMITS_PORT}`,
				launchOptions: chromium
			},
			grep: /@limits/
		}
	]
});
