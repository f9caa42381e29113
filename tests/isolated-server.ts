/**
 * A private copy of the built app for tests that must see every row it writes, or must start it
 * a particular way (`node build` with nothing set): its own database file, listening on a Unix
 * socket (so it needs no port), with the demo council seeded. Requests are raw HTTP, so tests can
 * send bodies no browser would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface SendOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export interface IsolatedServer {
	/** The origin the app believes it has (ORIGIN). */
	origin: string;
	dbPath: string;
	send(path: string, options?: SendOptions): Promise<Reply>;
	/** Opens a request and returns it unfinished, for streams. */
	open(
		path: string,
		headers?: Record<string, string>
	): Promise<import('node:http').IncomingMessage>;
	/** What the app has printed (its logs, any error with its stack). */
	output(): string;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** `build` (as `node build`) or `start` (as `npm start` runs it, scripts/start.js). */
	entry?: 'build' | 'start';
	env?: Record<string, string>;
	/** ORIGIN to set; omitted for `start`, which picks its own. */
	origin?: string;
}

/** Starts the built app on a socket of its own and waits until it answers. */
export async function startIsolatedServer(options: StartOptions = {}): Promise<IsolatedServer> {
	const entry = options.entry ?? 'build';
	const dir = mkdtempSync(join(tmpdir(), 'cc-isolated-'));
	const socketPath = join(dir, 'app.sock');
	const dbPath = join(dir, 'app.db');
	const origin = options.origin ?? (entry === 'build' ? 'http://cc.test' : 'http://localhost:3000');
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		HOME: process.env.HOME ?? '',
		SOCKET_PATH: socketPath,
		DATABASE_URL: dbPath,
		...(entry === 'build' || options.origin ? { ORIGIN: origin } : {}),
		...options.env
	};
	const buildDir = process.env.BUILD_DIR ?? 'build';
	// ISOLATED_APP_DIR runs another checkout's build (to see a test fail on the code before a fix).
	const child: ChildProcess = spawn(
		process.execPath,
		[entry === 'build' ? buildDir : 'scripts/start.js'],
		{ env, stdio: ['ignore', 'pipe', 'pipe'], cwd: process.env.ISOLATED_APP_DIR ?? process.cwd() }
	);
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));

	const send = (path: string, o: SendOptions = {}) =>
		new Promise<Reply>((resolve, reject) => {
			const body = o.body === undefined ? undefined : Buffer.from(o.body);
			const req = httpRequest(
				{
					socketPath,
					path,
					method: o.method ?? 'GET',
					headers: {
						host: new URL(origin).host,
						...(body ? { 'content-length': String(body.length) } : {}),
						...o.headers
					}
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks).toString('utf8')
						})
					);
				}
			);
			req.on('error', reject);
			req.end(body);
		});

	const open = (path: string, headers: Record<string, string> = {}) =>
		new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
			const req = httpRequest(
				{ socketPath, path, headers: { host: new URL(origin).host, ...headers } },
				resolve
			);
			req.on('error', reject);
			req.end();
		});

	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
		try {
			if ((await send('/')).status === 200) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error(`the app did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}

	return {
		origin,
		dbPath,
		send,
		open,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** The session cookie of a demo staff member signed in to the server (`name=value`). */
export async function staffCookie(
	server: IsolatedServer,
	role: 'admin' | 'commissioner' | 'facilitator'
): Promise<string> {
	const reply = await server.send('/staff/sign-in', {
		method: 'POST',
		headers: {
			origin: server.origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({
			email: `${role}@harbourside.example`,
			password: 'harbourside-demo'
		}).toString()
	});
	const cookies = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
	const session = cookies.find((c) => c.startsWith('cc_session='));
	if (!session) throw new Error(`could not sign in as ${role}: ${reply.status}`);
	return session.split(';')[0];
}

/**
 * A read-only view of the server's database: whether anything has been committed since the last
 * look (SQLite's data_version moves when another connection commits), and a fingerprint of
 * every table to say which changed.
 */
export class DatabaseWatch {
	#db: Database.Database;
	#version: number;

	constructor(path: string) {
		this.#db = new Database(path, { readonly: true, fileMustExist: true });
		this.#version = this.version();
	}

	version(): number {
		return this.#db.pragma('data_version', { simple: true }) as number;
	}

	/** Whether any connection has committed a change since the last call. */
	changed(): boolean {
		const now = this.version();
		const changed = now !== this.#version;
		this.#version = now;
		return changed;
	}

	/** A hash of each table's rows, by table name. */
	fingerprint(except: readonly string[] = []): Map<string, string> {
		const tables = this.#db
			.prepare(
				`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
			)
			.pluck()
			.all() as string[];
		const out = new Map<string, string>();
		for (const t of tables) {
			if (except.includes(t)) continue;
			const hash = createHash('sha256');
			for (const row of this.#db.prepare(`select * from "${t}"`).iterate())
				hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.length : v)));
			out.set(t, hash.digest('hex'));
		}
		return out;
	}

	/** Names of the tables whose rows differ between two fingerprints. */
	static differences(a: Map<string, string>, b: Map<string, string>): string[] {
		return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
	}

	/** One value of the first column of a query (ids to build addresses from). */
	value<T>(sql: string): T | undefined {
		return this.#db.prepare(sql).pluck().get() as T | undefined;
	}

	close(): void {
		this.#db.close();
	}
}
