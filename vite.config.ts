import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'eslint.config.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		teardownTimeout: 1000,
		testTimeout: 30000
	}
});
