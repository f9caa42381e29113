import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyContent, type CharterContent } from './charter';
import { demoCharterContent } from './demo';
import { contentHash } from './hash';
import { newCharter, transition, type CharterAction, type TransitionContext } from './lifecycle';
import { RAG_STATUSES } from './review';
import { missingSignatures, publishedVersion, type CharterState } from './state';

/**
 * Random walks through the life cycle. Each step is an intent ("sign for the 2nd party with
 * the right hash") turned into a concrete action against the current state, so walks reach
 * signing, publication and amendments often instead of being refused at the first step. Refused
 * steps leave the state as it was, as the server would.
 */

/** Texts staff might save: empty, incomplete, the demo, and two different amendments of it. */
function contentPool(): CharterContent[] {
	const demo = demoCharterContent();
	const incomplete = structuredClone(demo);
	incomplete.parties = incomplete.parties.filter((p) => p.kind !== 'community');
	const extraParty = structuredClone(demo);
	extraParty.parties.push({
		id: 'p-tenants',
		kind: 'community',
		organisation: 'Riverside Tenants Association',
		contactName: 'Lee Park',
		contactEmail: '',
		role: 'Speaks for tenants',
		signatoryName: 'Lee Park',
		signatoryRole: 'Secretary'
	});
	extraParty.commitments.push({
		id: 'c-tenants',
		partyId: 'p-tenants',
		what: 'Publicise the hub in the newsletter',
		kind: 'information',
		owner: 'Secretary',
		measure: 'Two articles a year',
		date: '2026-12-31',
		dateKind: 'due'
	});
	const fewerStandards = structuredClone(demo);
	fewerStandards.standards = fewerStandards.standards.slice(0, 1);
	return [emptyContent(), incomplete, demo, extraParty, fewerStandards];
}
const POOL = contentPool();

/** A party of the version being signed, or (pick 9) one that is in no version. */
function partyFor(content: CharterContent | undefined, pick: number): string {
	const parties = content?.parties ?? [];
	return pick === 9 || parties.length === 0 ? 'p-nobody' : parties[pick % parties.length].id;
}

const TARGETS = [
	{ kind: 'outcome', id: 'o-independent' },
	{ kind: 'commitment', id: 'c-hours' },
	{ kind: 'commitment', id: 'c-tenants' }
] as const;

type Intent =
	/** The natural next step from wherever the charter is, so walks get far. */
	| { t: 'next'; pick: number }
	| { t: 'edit'; which: number }
	| { t: 'openConsultation' }
	| { t: 'comment'; asStaff: boolean }
	| { t: 'answer'; pick: number; acknowledge: boolean }
	| { t: 'openSigning' }
	| { t: 'withdraw' }
	| { t: 'sign'; party: number; staleVersion: boolean; rightHash: boolean; asStaff: boolean }
	| { t: 'publish'; asPublic: boolean }
	| { t: 'review'; target: number; status: number }
	| { t: 'startAmendment' }
	| { t: 'discard' };

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
	{ arbitrary: fc.record({ t: fc.constant('next' as const), pick: fc.nat(9) }), weight: 12 },
	{
		arbitrary: fc.record({ t: fc.constant('edit' as const), which: fc.nat(POOL.length - 1) }),
		weight: 2
	},
	{ arbitrary: fc.constant({ t: 'openConsultation' as const }), weight: 2 },
	{
		arbitrary: fc.record({ t: fc.constant('comment' as const), asStaff: fc.boolean() }),
		weight: 1
	},
	{
		arbitrary: fc.record({
			t: fc.constant('answer' as const),
			pick: fc.nat(5),
			acknowledge: fc.boolean()
		}),
		weight: 2
	},
	{ arbitrary: fc.constant({ t: 'openSigning' as const }), weight: 3 },
	{ arbitrary: fc.constant({ t: 'withdraw' as const }), weight: 1 },
	{
		arbitrary: fc.record({
			t: fc.constant('sign' as const),
			// Mostly a party of the version being signed; now and then one that is not in it.
			party: fc.nat(9),
			// Stale links (for an earlier version) are rarer than fresh ones but must be tried.
			staleVersion: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
			rightHash: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
			asStaff: fc.integer({ min: 0, max: 19 }).map((n) => n === 0)
		}),
		weight: 8
	},
	{
		arbitrary: fc.record({
			t: fc.constant('publish' as const),
			asPublic: fc.integer({ min: 0, max: 9 }).map((n) => n === 0)
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			t: fc.constant('review' as const),
			target: fc.nat(TARGETS.length - 1),
			status: fc.nat(2)
		}),
		weight: 2
	},
	{ arbitrary: fc.constant({ t: 'startAmendment' as const }), weight: 1 },
	{ arbitrary: fc.constant({ t: 'discard' as const }), weight: 1 }
);

function resolve(
	state: CharterState,
	intent: Intent,
	step: number
): { action: CharterAction; context: TransitionContext } {
	const now = new Date(Date.UTC(2026, 0, 1) + step * 3_600_000).toISOString();
	const staff: TransitionContext = { actor: { kind: 'staff' }, now };
	switch (intent.t) {
		case 'next':
			return resolve(state, nextStep(state, intent.pick), step);
		case 'edit':
			return { action: { type: 'edit', content: POOL[intent.which] }, context: staff };
		case 'openConsultation':
		case 'openSigning':
		case 'startAmendment':
			return { action: { type: intent.t }, context: staff };
		case 'discard':
			return { action: { type: 'discardAmendment' }, context: staff };
		case 'withdraw':
			return { action: { type: 'withdrawSigning', reason: 'Needs a change' }, context: staff };
		case 'comment':
			return {
				action: { type: 'comment', id: `k${step}`, authorName: '', text: 'A comment' },
				context: intent.asStaff ? staff : { actor: { kind: 'public' }, now }
			};
		case 'answer': {
			// Mostly an open comment; sometimes one already answered, which must be refused.
			const open = state.comments.filter((c) => c.status === 'open');
			const list = intent.pick < 4 && open.length > 0 ? open : state.comments;
			const comment = list[intent.pick % Math.max(1, list.length)];
			return {
				action: {
					type: 'answerComment',
					commentId: comment?.id ?? 'none',
					response: intent.acknowledge ? 'acknowledged' : 'answered',
					answer: 'Thank you'
				},
				context: staff
			};
		}
		case 'sign': {
			const last = state.versions.at(-1);
			const number = (last?.number ?? 1) - (intent.staleVersion ? 1 : 0);
			return {
				action: {
					type: 'sign',
					name: 'A Signatory',
					role: 'Chair',
					versionHash: intent.rightHash && last ? last.hash : 'f'.repeat(64)
				},
				context: intent.asStaff
					? staff
					: {
							actor: {
								kind: 'signatory',
								partyId: partyFor(last?.content, intent.party),
								versionNumber: number
							},
							now
						}
			};
		}
		case 'publish':
			return {
				action: { type: 'publish' },
				context: intent.asPublic ? { actor: { kind: 'public' }, now } : staff
			};
		case 'review':
			return {
				action: {
					type: 'recordReview',
					id: `r${step}`,
					target: TARGETS[intent.target],
					status: RAG_STATUSES[intent.status],
					note: 'Checked at the forum'
				},
				context: staff
			};
	}
}

function nextStep(state: CharterState, pick: number): Intent {
	switch (state.status) {
		case 'draft':
			return { t: 'openConsultation' };
		case 'consultation':
			return state.comments.some((c) => c.status === 'open')
				? { t: 'answer', pick: 0, acknowledge: pick % 2 === 0 }
				: { t: 'openSigning' };
		case 'signing': {
			const version = state.versions.at(-1)!;
			const missing = missingSignatures(version)[0];
			const index = version.content.parties.findIndex((p) => p.id === missing?.id);
			return {
				t: 'sign',
				party: Math.max(0, index),
				staleVersion: false,
				rightHash: true,
				asStaff: false
			};
		}
		case 'agreed':
			return { t: 'publish', asPublic: false };
		case 'published':
		case 'review':
			return pick < 5
				? { t: 'review', target: pick % TARGETS.length, status: pick % 3 }
				: { t: 'startAmendment' };
		case 'amending': {
			// Change the text first (an unchanged amendment cannot be signed), then send it.
			const inForce = publishedVersion(state)!;
			if (contentHash(state.content) !== inForce.hash) return { t: 'openSigning' };
			const options = [2, 3, 4].filter((i) => contentHash(POOL[i]) !== inForce.hash);
			return { t: 'edit', which: options[pick % options.length] };
		}
	}
}

/** Runs a walk, calling `check(previous, next)` after every accepted step. */
function walk(
	[start, intents]: [number, Intent[]],
	check: (before: CharterState, after: CharterState) => void
) {
	let state = newCharter(POOL[start]);
	intents.forEach((intent, step) => {
		const { action, context } = resolve(state, intent, step);
		const result = transition(state, action, context);
		if (result.ok) {
			check(state, result.state);
			state = result.state;
		}
	});
	return state;
}

const walkArb = fc.tuple(
	fc.nat(POOL.length - 1),
	fc.array(intentArb, { minLength: 20, maxLength: 80 })
);

describe('any sequence of actions', () => {
	it('never yields an agreed or published version lacking a signature from each party', () => {
		fc.assert(
			fc.property(walkArb, (intents) => {
				walk(intents, (_, after) => {
					for (const v of after.versions) {
						if (v.agreedAt === null && v.publishedAt === null) continue;
						expect(missingSignatures(v)).toEqual([]);
						expect(v.signatures).toHaveLength(v.content.parties.length);
						expect(v.signatures.every((s) => s.versionHash === v.hash)).toBe(true);
					}
					if (after.status === 'published' || after.status === 'review') {
						// The text shown is the one in force, which every party signed.
						const inForce = publishedVersion(after);
						expect(inForce?.withdrawnAt).toBeNull();
						expect(contentHash(after.content)).toBe(inForce?.hash);
					}
					if (after.status === 'agreed') expect(after.versions.at(-1)?.agreedAt).not.toBeNull();
				});
			}),
			{ numRuns: 300 }
		);
	});

	it("never changes a frozen version's text or hash, and only ever adds versions", () => {
		fc.assert(
			fc.property(walkArb, (intents) => {
				const seen = new Map<number, string>();
				walk(intents, (before, after) => {
					expect(after.versions.length).toBeGreaterThanOrEqual(before.versions.length);
					after.versions.forEach((v, i) => {
						expect(v.number).toBe(i + 1);
						expect(contentHash(v.content)).toBe(v.hash);
						if (seen.has(v.number)) expect(v.hash).toBe(seen.get(v.number));
						else seen.set(v.number, v.hash);
						// Signatures already given are never taken away or altered.
						const old = before.versions[i];
						if (old) expect(v.signatures.slice(0, old.signatures.length)).toEqual(old.signatures);
					});
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('only ever appends review entries and comments', () => {
		fc.assert(
			fc.property(walkArb, (intents) => {
				walk(intents, (before, after) => {
					expect(after.reviews.slice(0, before.reviews.length)).toEqual(before.reviews);
					expect(after.comments.map((c) => c.id).slice(0, before.comments.length)).toEqual(
						before.comments.map((c) => c.id)
					);
				});
			}),
			{ numRuns: 300 }
		);
	});

	it('reaches publication and amendment often enough for the properties above to mean something', () => {
		// Not a property of the rules but of the generator: if walks never got this far, the
		// properties above would pass without testing anything.
		const walks = fc.sample(walkArb, { numRuns: 300, seed: 42 });
		let published = 0;
		let republished = 0;
		for (const intents of walks) {
			const end = walk(intents, () => {});
			if (end.versions.some((v) => v.publishedAt !== null)) published++;
			if (end.versions.filter((v) => v.publishedAt !== null).length > 1) republished++;
		}
		expect(published).toBeGreaterThan(30);
		expect(republished).toBeGreaterThan(0);
	});
});
