/**
 * Malformed and hostile posts to every form action of the app (the list is read from the source,
 * tests/form-actions.ts), against a private copy of the built app whose database the test reads:
 * no request may get a 5xx, a body that cannot be read is a 400 that changes nothing at all, and
 * any refusal leaves the council's data as it was.
 */
import { expect, test } from '@playwright/test';
import { actionPath, formActions, type FormAction } from './form-actions';
import {
	DatabaseWatch,
	startIsolatedServer,
	staffCookie,
	type IsolatedServer,
	type Reply
} from './isolated-server';

const ACTIONS = formActions();

/** Bodies no form of ours sends, that no action can read. */
const UNREADABLE: { label: string; type?: string; body: string }[] = [
	{ label: 'text/plain', type: 'text/plain', body: 'title=x&roundId=1' },
	{ label: 'no content type', body: 'title=x&roundId=1' },
	{ label: 'JSON', type: 'application/json', body: '{"title":"x","roundId":1}' },
	{
		label: 'multipart with a boundary the body does not use',
		type: 'multipart/form-data; boundary=AAAA',
		body: '--BBBB\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--BBBB--\r\n'
	},
	{
		label: 'multipart without a boundary',
		type: 'multipart/form-data',
		body: '--BBBB\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--BBBB--\r\n'
	},
	{
		label: 'multipart cut off',
		type: 'multipart/form-data; boundary=CCCC',
		body: '--CCCC\r\nContent-Disposition: form-data; name="title"\r\n\r\nx'
	}
];

/** Field names our forms use, to fill with values no form sends. */
const FIELDS = [
	'id',
	'roundId',
	'proposalId',
	'ideaId',
	'themeId',
	'item',
	'voteId',
	'kioskId',
	'labId',
	'questionId',
	'index',
	'position',
	'direction',
	'code',
	'room',
	'title',
	'name',
	'email',
	'password',
	'role',
	'stage',
	'phase',
	'text',
	'answer',
	'amount',
	'attendance',
	'seconds',
	'serial',
	'format',
	'area',
	'ageBand',
	'segments',
	'uses',
	'status'
];

/** Readable bodies that no form sends. */
const HOSTILE: { label: string; body: string }[] = [
	{ label: '__proto__ twice', body: '__proto__=a&__proto__=b' },
	{ label: 'prototype names', body: '__proto__[x]=1&constructor=2&prototype=3&toString=4' },
	...['-1', '0', '99999999999999999999999', '1e400', 'NaN', '%00', 'x'.repeat(20_000)].map((v) => ({
		label: `every field = ${v.length > 20 ? `${v.length} characters` : JSON.stringify(v)}`,
		body: FIELDS.map((f) => `${f}=${encodeURIComponent(v)}`).join('&')
	})),
	{ label: 'every field twice', body: FIELDS.map((f) => `${f}=1&${f}=2`).join('&') },
	{ label: 'marks for proposals that do not exist', body: 'p999999=want&p-1=dontWant&p=want' }
];

/**
 * Tables a refused request may still write to: rate-limit buckets, sessions, the count cache (a
 * results page counts and caches what it shows), export jobs (which run on after their request)
 * and anonymous participants (a browser's first post makes its token before the form is read).
 */
const BOOKKEEPING = ['rate_limit', 'session', 'vote_count', 'export_job', 'participant'];

let server: IsolatedServer;
let db: DatabaseWatch;
let params: (action: FormAction) => Record<string, string>;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startIsolatedServer();
	db = new DatabaseWatch(server.dbPath);
	const one = (sql: string) => String(db.value(sql) ?? 1);
	const ids: Record<string, string> = {
		votes: one(`select id from vote where status = 'open' order by id limit 1`),
		vote: one(`select id from vote where status = 'open' order by id limit 1`),
		labs: one(`select id from lab order by id limit 1`),
		surveys: one(`select id from survey order by id limit 1`),
		survey: one(`select id from survey where status = 'open' order by id limit 1`),
		charters: one(`select id from charter order by id limit 1`),
		engagements: one(`select id from engagement order by id limit 1`),
		accounts: one(`select id from user where role = 'facilitator' limit 1`),
		areas: one(`select id from area order by id limit 1`),
		segments: one(`select id from segment order by id limit 1`),
		services: one(`select id from service order by id limit 1`)
	};
	const fixed: Record<string, string> = {
		proposal: one(`select id from proposal where vote_id = ${ids.votes} limit 1`),
		qid: 'q1',
		section: 'outcomes',
		slug: one(`select slug from charter order by id limit 1`),
		token: 'not-a-signing-link',
		n: '1',
		code: one(`select join_code from lab order by id desc limit 1`)
	};
	// Ids that exist, but belong to another vote, lab or survey than the one in the address.
	const elsewhere = {
		roundId: one(`select id from vote_round where vote_id <> ${ids.votes} limit 1`),
		proposalId: one(`select id from proposal where vote_id <> ${ids.votes} limit 1`),
		kioskId: one(`select id from vote_kiosk where vote_id <> ${ids.votes} limit 1`),
		ideaId: one(`select id from lab_idea where lab_id <> ${ids.labs} limit 1`),
		themeId: one(`select id from lab_theme where lab_id <> ${ids.labs} limit 1`),
		id: one(`select id from proposal where vote_id <> ${ids.votes} limit 1`)
	};
	HOSTILE.push({
		label: "ids of another vote's round, proposal and kiosk, another lab's idea and theme",
		body: new URLSearchParams(elsewhere).toString()
	});
	params = (action) => {
		const out: Record<string, string> = { ...fixed };
		const segments = action.routeId.split('/');
		segments.forEach((s, i) => {
			if (s === '[id]') out.id = ids[segments[i - 1]] ?? '1';
		});
		return out;
	};
});

test.afterAll(async () => {
	db?.close();
	await server?.stop();
});

function describe(action: FormAction, label: string, reply: Reply): string {
	const title = /<title>([^<]*)<\/title>/.exec(reply.body)?.[1] ?? reply.body.slice(0, 120);
	return `${action.routeId} ?/${action.name}, ${label}: ${reply.status} ${title}`;
}

test('the list of form actions is read from the source', () => {
	expect(ACTIONS.length).toBeGreaterThan(90);
	expect(ACTIONS).toContainEqual({ routeId: '/(staff)/staff/votes/[id]/room', name: 'close' });
	expect(ACTIONS).toContainEqual({ routeId: '/(resident)/vote/[id]/check', name: 'default' });
});

test('a body that cannot be read is a 400 at every form action, and changes nothing', async () => {
	const admin = await staffCookie(server, 'admin');
	const before = db.fingerprint();
	db.changed();
	const problems: string[] = [];
	for (const action of ACTIONS) {
		const path = actionPath(action, params(action));
		for (const [i, b] of UNREADABLE.entries()) {
			// Half as a browser without JavaScript sends a form, half as use:enhance does.
			const enhanced = i % 2 === 1;
			const reply = await server.send(path, {
				method: 'POST',
				headers: {
					origin: server.origin,
					cookie: admin,
					accept: enhanced ? 'application/json' : 'text/html',
					...(enhanced ? { 'x-sveltekit-action': 'true' } : {}),
					...(b.type ? { 'content-type': b.type } : {})
				},
				body: b.body
			});
			const plain = enhanced
				? reply.headers['content-type']?.includes('application/json') &&
					JSON.parse(reply.body).type === 'error'
				: reply.body.includes('could not be read');
			if (reply.status !== 400 || !plain) problems.push(describe(action, b.label, reply));
		}
		if (db.changed()) problems.push(`${action.routeId} ?/${action.name}: the database changed`);
	}
	expect(problems).toEqual([]);
	expect(DatabaseWatch.differences(before, db.fingerprint())).toEqual([]);
});

test('hostile but readable bodies never get a 5xx, and a refusal changes nothing', async () => {
	test.setTimeout(600_000);
	let admin = await staffCookie(server, 'admin');
	const problems: string[] = [];
	// Fingerprints are taken only when something was committed, which is seldom.
	let last = db.fingerprint(BOOKKEEPING);
	db.changed();
	// Exports go last: their jobs write (and audit) after the request has been answered.
	const exportsLast = [...ACTIONS].sort(
		(a, b) => Number(/export|openData/i.test(a.name)) - Number(/export|openData/i.test(b.name))
	);
	for (const action of exportsLast) {
		const path = actionPath(action, params(action));
		for (const b of HOSTILE) {
			const reply = await server.send(path, {
				method: 'POST',
				headers: {
					origin: server.origin,
					cookie: admin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: b.body
			});
			if (reply.status >= 500) problems.push(describe(action, b.label, reply));
			if (reply.status >= 500 && process.env.FUZZ_LOG)
				console.log(server.output().split('\n').slice(-12).join('\n'));
			if (db.changed()) {
				const now = db.fingerprint(BOOKKEEPING);
				const changed = DatabaseWatch.differences(last, now);
				if (reply.status >= 400 && changed.length)
					problems.push(`${describe(action, b.label, reply)}; changed ${changed.join(', ')}`);
				last = now;
			}
			// Signing out is an action too: sign in again for the next one.
			if (action.routeId.endsWith('/sign-out')) {
				admin = await staffCookie(server, 'admin');
				last = db.fingerprint(BOOKKEEPING);
				db.changed();
			}
		}
	}
	expect(problems).toEqual([]);
});
