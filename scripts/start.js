// Starts the built app (build/) with defaults for a laptop: the embedded SQLite file, the
// demo council, and an ORIGIN that matches the address it prints. Production sets ORIGIN
// (or PROTOCOL_HEADER and HOST_HEADER behind a TLS proxy) and its own DATABASE_URL.
import { existsSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
process.env.PORT = port;
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${port}`;
process.env.DATABASE_URL ??= 'data/co-commission.db';
// Large enough for a proposal image, small enough that nobody can fill the disk with one post.
process.env.BODY_SIZE_LIMIT ??= '2M';

const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) {
	console.error('No build found: run `npm run build` first (or `npm start`, which builds).');
	process.exit(1);
}
console.log(`Co-Commission on ${process.env.ORIGIN} (database ${process.env.DATABASE_URL})`);
await import(`../${buildDir}/index.js`);
