/**
 * The community charter at a size larger than any real one: 20 outcomes, 12 parties with 20
 * commitments each (240), 30 standards, 2,000 review entries, 300 comments and 5 signed
 * versions. Times the pure rules (hash, edit, diff, review board), the database round trip
 * every page and change makes (load the rows into a state, append a change) and, when a
 * production build is there, the public page over HTTP. `npm run bench -- charter` runs it.
 * Prints figures; never fails on timing.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { emptyContent, type CharterContent } from '../src/lib/charter/charter';
import { diffContent } from '../src/lib/charter/diff';
import { contentHash } from '../src/lib/charter/hash';
import {
	newCharter,
	transition,
	type CharterAction,
	type TransitionContext
} from '../src/lib/charter/lifecycle';
import { publicCharter } from '../src/lib/charter/public';
import { reviewBoard } from '../src/lib/charter/review';
import type { CharterState } from '../src/lib/charter/state';
import { mulberry32 } from '../src/lib/random/prng';
import * as charters from '../src/lib/server/charter/charters';
import { loadCharter, saveChanges } from '../src/lib/server/charter/rows';
import { openDatabase, write } from '../src/lib/server/db/open';
import { charter, engagement, service, user } from '../src/lib/server/db/schema';

const rng = mulberry32(7);
const words = 'open hours support volunteers budget library hub forum carers measure review'.split(
	' '
);
const sentence = (n: number) =>
	Array.from({ length: n }, () => words[Math.floor(rng() * words.length)]).join(' ');

function bigContent(): CharterContent {
	const content = emptyContent();
	content.title = 'A very large charter';
	content.service = 'Every service at once';
	content.summary = sentence(60);
	content.outcomes = Array.from({ length: 20 }, (_, i) => ({
		id: `o${i}`,
		title: sentence(4),
		indicator: sentence(12),
		baseline: '50% (2025)',
		target: '60% by 2027'
	}));
	content.parties = Array.from({ length: 12 }, (_, i) => ({
		id: `p${i}`,
		kind:
			i === 0 ? ('commissioner' as const) : i < 6 ? ('provider' as const) : ('community' as const),
		organisation: `Organisation ${i}`,
		contactName: 'A Person',
		contactEmail: '',
		role: sentence(8),
		signatoryName: `Signatory ${i}`,
		signatoryRole: 'Chair'
	}));
	content.commitments = content.parties.flatMap((p) =>
		Array.from({ length: 20 }, (_, j) => ({
			id: `c-${p.id}-${j}`,
			partyId: p.id,
			what: sentence(14),
			kind: 'staff-time' as const,
			owner: 'Team lead',
			measure: sentence(10),
			date: '2027-03-31',
			dateKind: 'review' as const
		}))
	);
	content.standards = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, text: sentence(10) }));
	for (const key of Object.keys(content.governance) as (keyof typeof content.governance)[])
		content.governance[key] = sentence(30);
	return content;
}

function time(label: string, runs: number, fn: () => unknown): number {
	fn();
	globalThis.gc?.();
	const start = performance.now();
	for (let i = 0; i < runs; i++) fn();
	const each = (performance.now() - start) / runs;
	console.log(`${label.padEnd(58)} ${each.toFixed(2).padStart(9)} ms`);
	return each;
}

const staff = (now: string) => ({ actor: { kind: 'staff' as const }, now });
const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();

/** The big charter walked through five signed versions, 300 comments and 2,000 reviews. */
function bigState(): CharterState {
	let state = newCharter(bigContent());
	let day = 0;
	const step = (action: CharterAction, context: TransitionContext = staff(at(day++))) => {
		const result = transition(state, action, context);
		if (!result.ok) throw new Error(`${action.type}: ${result.reasons.join(' ')}`);
		state = result.state;
	};
	for (let v = 1; v <= 5; v++) {
		if (v > 1) {
			step({ type: 'startAmendment' });
			const content = structuredClone(state.content);
			content.standards[0] = { id: 's0', text: `Version ${v} standard` };
			step({ type: 'edit', content });
		}
		step({ type: 'openConsultation' });
		for (let k = 0; k < 60; k++) {
			const id = `k${v}-${k}`;
			step(
				{ type: 'comment', id, authorName: '', text: sentence(30) },
				{ actor: { kind: 'public' }, now: at(day) }
			);
			step({ type: 'answerComment', commentId: id, response: 'acknowledged', answer: '' });
		}
		step({ type: 'openSigning' });
		const version = state.versions.at(-1)!;
		for (const p of version.content.parties)
			step(
				{ type: 'sign', name: p.signatoryName, role: p.signatoryRole, versionHash: version.hash },
				{ actor: { kind: 'signatory', partyId: p.id, versionNumber: version.number }, now: at(day) }
			);
		step({ type: 'publish' });
		for (let r = 0; r < 400; r++) {
			const target = state.content.commitments[Math.floor(rng() * 240)];
			step({
				type: 'recordReview',
				id: `r${v}-${r}`,
				target: { kind: 'commitment', id: target.id },
				status: (['green', 'amber', 'red'] as const)[Math.floor(rng() * 3)],
				note: sentence(20)
			});
		}
	}
	return state;
}

console.log('Pure rules (src/lib/charter)');
const content = bigContent();
const changed = structuredClone(content);
changed.commitments = changed.commitments.slice(1).reverse();
changed.standards[3].text = 'Changed';
console.log(`  content: ${(JSON.stringify(content).length / 1024).toFixed(0)} KB of JSON`);
time('  contentHash (canonical JSON + SHA-256)', 50, () => contentHash(content));
time('  transition: edit (checks ids, copies the text)', 50, () =>
	transition(newCharter(content), { type: 'edit', content: changed }, staff(at(0)))
);
time('  diffContent (240 commitments, reordered)', 50, () => diffContent(content, changed));
const state = bigState();
console.log(
	`  state: ${state.versions.length} versions, ${state.comments.length} comments, ${state.reviews.length} review entries`
);
time('  reviewBoard (2,000 entries)', 50, () => reviewBoard(state.content, state.reviews));
time('  publicCharter (the public page view)', 50, () => publicCharter(state));

console.log('\nDatabase (in memory, real migrations)');
const db = openDatabase(':memory:');
const now = new Date('2026-11-01T10:00:00Z');
db.insert(user)
	.values({ email: 'b@bench', name: 'B', role: 'commissioner', passwordHash: 'x', createdAt: now })
	.run();
db.insert(service).values({ id: 's', name: 'Service' }).run();
db.insert(engagement).values({ title: 'E', serviceId: 's', createdAt: now, updatedAt: now }).run();
const id = write(db, (tx) => {
	const row = tx
		.insert(charter)
		.values({
			engagementId: 1,
			serviceId: 's',
			status: state.status,
			content: JSON.stringify(state.content),
			slug: 'bench',
			createdAt: now,
			updatedAt: now
		})
		.returning({ id: charter.id })
		.get();
	saveChanges(
		tx,
		{ id: row.id, versionIds: new Map() },
		{ ...state, versions: [], comments: [], reviews: [] },
		state,
		now,
		1
	);
	return row.id;
});
const actor = { id: 1, email: 'b@bench' };
time('  loadCharter (rows -> state, every page does this)', 20, () => loadCharter(db, id));
let n = 0;
time('  recordReview (load, transition, append, audit)', 20, () =>
	charters.recordReview(db, actor, id, {
		targetKind: 'commitment',
		targetId: 'c-p1-1',
		status: 'green',
		note: `Bench ${n++}`
	})
);
const small = charters.createCharter(db, actor, { engagementId: 1, title: 'Small' }, now);
time('  addItem on a small draft (load, edit, write, audit)', 50, () =>
	charters.addItem(db, actor, small, 'standards', { text: sentence(8) }, now)
);

const buildDir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${buildDir}/index.js`)) {
	console.log(`\nNo production build in ${buildDir}/: skipping the HTTP figures.`);
} else {
	const port = 4590;
	const dbFile = `data/bench-charter-${process.pid}.db`;
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: dbFile,
			BUILD_DIR: buildDir
		},
		stdio: 'ignore'
	});
	try {
		const base = `http://127.0.0.1:${port}`;
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(`${base}/charter/harbourside-day-opportunities`)).ok) break;
			} catch {
				/* not up yet */
			}
			await new Promise((r) => setTimeout(r, 200));
		}
		console.log('\nProduction build over HTTP (the demo charter)');
		for (const path of [
			'/charter/harbourside-day-opportunities',
			'/cy/charter/harbourside-day-opportunities/history',
			'/'
		]) {
			const runs = 50;
			const times: number[] = [];
			for (let i = 0; i < runs; i++) {
				const start = performance.now();
				const response = await fetch(`${base}${path}`);
				await response.text();
				times.push(performance.now() - start);
			}
			times.sort((a, b) => a - b);
			console.log(
				`  GET ${path.padEnd(52)} median ${times[runs / 2].toFixed(1)} ms, p95 ${times[Math.floor(runs * 0.95)].toFixed(1)} ms`
			);
		}
	} finally {
		server.kill();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
	}
}
