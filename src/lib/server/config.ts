/**
 * The app's settings from the environment (README, "Configuration"): every variable the app
 * reads is read here, by name, with its default. They come from `process.env`, not
 * `$env/dynamic/private`, because the CLI scripts (`db:seed`, `db:migrate`, `admin:create`)
 * load server modules outside SvelteKit; under `vite dev`, vite.config.ts first copies a `.env`
 * file into `process.env`, so `.env` still works there. Settings an admin saves in the database
 * are settings.ts, which these values override.
 */
import { resolve } from 'node:path';

/** A variable's value; unset and empty are the same. */
function text(name: string): string | undefined {
	return process.env[name] || undefined;
}

/** A positive number, or `fallback` when unset, empty or not a number. */
function count(name: string, fallback: number): number {
	return Number(process.env[name]) || fallback;
}

/** DATABASE_URL: the SQLite file. */
export function databaseUrl(): string {
	return text('DATABASE_URL') ?? 'data/co-commission.db';
}

/** MIGRATIONS_FOLDER: where the committed migrations live; the app and scripts run from the root. */
export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_FOLDER ?? 'drizzle');
}

/** SEED_DEMO: the demo council is seeded into an empty database unless this is `false`. */
export function seedDemo(): boolean {
	return process.env.SEED_DEMO !== 'false';
}

/** COUNCIL_NAME: overrides the saved name in every header. */
export function councilName(): string | undefined {
	return text('COUNCIL_NAME');
}

/** PRIVACY_EMAIL and ACCESSIBILITY_EMAIL: override the saved addresses residents write to. */
export function contactEmails(): { privacy?: string; accessibility?: string } {
	return { privacy: text('PRIVACY_EMAIL'), accessibility: text('ACCESSIBILITY_EMAIL') };
}

/** SIGN_IN_IP_BURST: sign-in attempts one address may make at once. */
export function signInIpBurst(): number {
	return count('SIGN_IN_IP_BURST', 30);
}

/** CODE_ENTRY_BURST: wrong participation or room codes one address may try at once. */
export function codeEntryBurst(): number {
	return count('CODE_ENTRY_BURST', 10);
}

/** CHARTER_COMMENT_BURST: charter comments one address may send at once. */
export function charterCommentBurst(): number {
	return count('CHARTER_COMMENT_BURST', 10);
}

/** LIVE_STREAMS_PER_ADDRESS: live screens one address may hold open. */
export function liveStreamsPerAddress(): number {
	return count('LIVE_STREAMS_PER_ADDRESS', 400);
}

/** LIVE_STREAMS_PER_LAB: live screens open on one lab. */
export function liveStreamsPerLab(): number {
	return count('LIVE_STREAMS_PER_LAB', 1000);
}
