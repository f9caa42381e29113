import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { loadEnv, type Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * A `.env` file under `vite dev` and `vite preview`: the server reads its settings from
 * `process.env` (src/lib/server/config.ts), which Vite does not fill from `.env` itself. The
 * environment wins over the file, as with SvelteKit's `$env`; tests never read the file.
 */
const dotEnv: Plugin = {
	name: 'co-commission:dot-env',
	config(_, { command, mode }) {
		if (command !== 'serve' || mode === 'test' || process.env.VITEST) return;
		for (const [key, value] of Object.entries(loadEnv(mode, process.cwd(), '')))
			process.env[key] ??= value;
	}
};

export default defineConfig({
	plugins: [
		dotEnv,
		sveltekit(),
		// Unit tests use the messages `npm run paraglide` compiled; the plugin's file watcher
		// would otherwise keep vitest from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['url', 'cookie', 'baseLocale']
					})
				])
	],
	test: {
		expect: { requireAssertions: true },
		teardownTimeout: 1000,
		testTimeout: 30000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint.config.test.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Shared components mounted in a simulated browser, with Svelte's browser build
				// and the DOM cleaned after each test (Testing Library's plugin).
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'components',
					include: ['src/**/*.svelte.test.ts'],
					environment: 'happy-dom'
				}
			}
		]
	}
});
