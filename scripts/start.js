// Starts the built app (build/) with defaults for a laptop: the embedded SQLite file, the
// demo council, and an ORIGIN that matches the address it prints (on this computer's loopback,
// http://127.0.0.1:<port> works as well: hooks.server.ts accepts both spellings). Production
// sets ORIGIN (or PROTOCOL_HEADER and HOST_HEADER behind a TLS proxy) and its own DATABASE_URL.
// The body size limit (2M) is built into the app (svelte.config.js), however it is started.
import { existsSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
// adapter-node listens on SOCKET_PATH instead of a port when it is set, unless PORT is too.
if (!process.env.SOCKET_PATH) process.env.PORT = port;
process.env.HOST ??= '127.0.0.1';
const local = !process.env.ORIGIN;
process.env.ORIGIN ??= `http://localhost:${port}`;
process.env.DATABASE_URL ??= 'data/co-commission.db';

const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) {
	console.error('No build found: run `npm run build` first (or `npm start`, which builds).');
	process.exit(1);
}
const also = local ? ` or http://127.0.0.1:${port}` : '';
console.log(`Co-Commission on ${process.env.ORIGIN}${also} (database ${process.env.DATABASE_URL})`);
await import(`../${buildDir}/index.js`);
