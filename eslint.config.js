import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The ground floor (docs: house style, "The shape of the house"): the domain folders under
 * src/lib hold plain rules over plain data. They import nothing of the framework, the database,
 * the server or Node; src/lib/server turns rows into their values, and routes call the server.
 * Tests beside them may read fixture files with Node, but may not reach the framework or data.
 */
const PURE_CORE = [
	'accounts',
	'budget',
	'catalogue',
	'charter',
	'csv',
	'forms',
	'hash',
	'i18n',
	'lab',
	'notices',
	'participation',
	'random',
	'report',
	'schedule',
	'survey',
	'vote',
	'weighting'
].map((folder) => `src/lib/${folder}/**/*.{js,ts}`);

const ABOVE_THE_FLOOR = [
	{
		regex: '^(@sveltejs/kit|svelte|\\$app|\\$env|\\$service-worker)(/.*)?$',
		message: 'The pure core knows nothing of SvelteKit or Svelte: pass plain data in and out.'
	},
	{
		regex: '^(drizzle-orm|drizzle-kit|better-sqlite3)(/.*)?$',
		message: 'The pure core does not touch the database: src/lib/server turns rows into values.'
	},
	{
		regex: '^(\\$lib/|(\\.\\./)+)server(/.*)?$',
		message: 'Arrows only point down: the pure core never imports src/lib/server.'
	}
];

/** Node's modules, as `node:x` or bare (fs, path, crypto...). */
function nodeImports() {
	const bare = builtinModules.filter((name) => !name.startsWith('_'));
	return {
		regex: `^(node:.*|(${bare.join('|')})(/.*)?)$`,
		message: 'The pure core runs anywhere (the browser, the recount bin): no Node modules.'
	};
}

export default ts.config(
	{
		ignores: [
			'build/',
			'dist/',
			'.scratch/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'.tools/',
			'node_modules/',
			'src/lib/paraglide/',
			'reports/',
			'test-results/',
			'playwright-report/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names better than eslint does.
			'no-undef': 'off',
			// Links go through Paraglide's localizeHref (resident pages) or are plain staff paths;
			// the app is never served under a base path, so resolve() would add nothing.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: PURE_CORE,
		rules: { 'no-restricted-imports': ['error', { patterns: [...ABOVE_THE_FLOOR, nodeImports()] }] }
	},
	{
		files: PURE_CORE.map((glob) => glob.replace('*.{js,ts}', '*.test.{js,ts}')),
		rules: { 'no-restricted-imports': ['error', { patterns: ABOVE_THE_FLOOR }] }
	}
);
