import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as config from './config';

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('config', () => {
	it.each([
		['databaseUrl', {}, 'data/co-commission.db'],
		['databaseUrl', { DATABASE_URL: '' }, 'data/co-commission.db'],
		['databaseUrl', { DATABASE_URL: '/srv/cc.db' }, '/srv/cc.db'],
		['migrationsFolder', {}, resolve('drizzle')],
		['migrationsFolder', { MIGRATIONS_FOLDER: '/opt/drizzle' }, '/opt/drizzle'],
		['seedDemo', {}, true],
		['seedDemo', { SEED_DEMO: 'true' }, true],
		['seedDemo', { SEED_DEMO: 'false' }, false],
		['councilName', {}, undefined],
		['councilName', { COUNCIL_NAME: '' }, undefined],
		['councilName', { COUNCIL_NAME: 'Harbourside' }, 'Harbourside'],
		['contactEmails', {}, { privacy: undefined, accessibility: undefined }],
		[
			'contactEmails',
			{ PRIVACY_EMAIL: 'dpo@council.example', ACCESSIBILITY_EMAIL: '' },
			{ privacy: 'dpo@council.example', accessibility: undefined }
		],
		['signInIpBurst', {}, 30],
		['signInIpBurst', { SIGN_IN_IP_BURST: '1000' }, 1000],
		['signInIpBurst', { SIGN_IN_IP_BURST: 'lots' }, 30],
		['codeEntryBurst', {}, 10],
		['codeEntryBurst', { CODE_ENTRY_BURST: '50' }, 50],
		['charterCommentBurst', {}, 10],
		['charterCommentBurst', { CHARTER_COMMENT_BURST: '25' }, 25],
		['liveStreamsPerAddress', {}, 400],
		['liveStreamsPerAddress', { LIVE_STREAMS_PER_ADDRESS: '5' }, 5],
		['liveStreamsPerLab', {}, 1000],
		['liveStreamsPerLab', { LIVE_STREAMS_PER_LAB: '0' }, 1000]
	] as const)('%s with %j is %j', (name, env, expected) => {
		for (const key of [
			'DATABASE_URL',
			'MIGRATIONS_FOLDER',
			'SEED_DEMO',
			'COUNCIL_NAME',
			'PRIVACY_EMAIL',
			'ACCESSIBILITY_EMAIL',
			'SIGN_IN_IP_BURST',
			'CODE_ENTRY_BURST',
			'CHARTER_COMMENT_BURST',
			'LIVE_STREAMS_PER_ADDRESS',
			'LIVE_STREAMS_PER_LAB'
		])
			vi.stubEnv(key, undefined);
		for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
		expect(config[name]()).toEqual(expected);
	});
});
