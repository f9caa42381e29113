import nodeAdapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { appendFileSync, existsSync } from 'node:fs';

/**
 * The largest request body when BODY_SIZE_LIMIT is not set: a proposal's picture (up to 1.5 MB)
 * with its form, small enough that nobody can fill the disk with one post.
 */
const BODY_SIZE_LIMIT = '2M';

/**
 * adapter-node, with our default body size built into the output: adapter-node reads
 * BODY_SIZE_LIMIT (default 512K) when its handler loads, so the default is set in `shims.js`,
 * the module every entry (`node build`, build/handler.js) loads first. However the server is
 * started, the limit is 2M unless BODY_SIZE_LIMIT says otherwise.
 */
function adapter(options) {
	const node = nodeAdapter(options);
	return {
		...node,
		async adapt(builder) {
			await node.adapt(builder);
			const shims = `${options.out}/shims.js`;
			if (!existsSync(shims))
				throw new Error(
					`${shims} is missing: adapter-node changed, set BODY_SIZE_LIMIT another way`
				);
			appendFileSync(
				shims,
				`\n// Co-Commission (svelte.config.js): the default body size limit.\n` +
					`process.env.BODY_SIZE_LIMIT ??= ${JSON.stringify(BODY_SIZE_LIMIT)};\n`
			);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Runes everywhere in our own code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		// BUILD_DIR / KIT_OUT_DIR let several builds of one checkout run side by side.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// hooks.server.ts checks the origin of every state-changing request itself, so that a
		// refused form gets a page saying what to do (and both loopback spellings work locally).
		csrf: { trustedOrigins: ['*'] },
		// The server resolves routes on client-side navigation, so residents' phones do not
		// download the list of every route (staff ones included) with each page: it kept
		// resident pages over their 60 kB budget of JavaScript.
		router: { resolution: 'server' },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
