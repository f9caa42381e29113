import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
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
