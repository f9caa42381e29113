/**
 * Builders for count inputs (docs/counting.md, version 2), shared by the counting tests: a
 * ballot, a proposal, the default rules, the scenario files, what a count reports in the
 * scenario README's terms, and a fast-check generator of small random votes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ScenarioSchema, scenarioInput } from '../budget/schemas';
import type {
	Ballot,
	CountInput,
	CountResult,
	Mark,
	Proposal,
	Rules,
	RulesInput
} from '../budget/types';

export const RULES: Rules = {
	maxWants: 0,
	maxDontWants: 0,
	developmentBudget: 0,
	savingsTarget: 0,
	method: 'protected',
	developments: 'equalShares',
	protection: {
		minGroup: 20,
		threshold: 0.5,
		margin: 0.2,
		confidence: 0.95,
		membership: 'declared'
	},
	weighting: 'none'
};

/** `n` identical ballots (assured, online, no groups unless given). */
export function ballot(
	n: number,
	marks: Record<string, Mark>,
	extra: Partial<Ballot> = {}
): Ballot {
	return {
		count: n,
		marks,
		uses: [],
		segments: [],
		area: null,
		channel: 'online',
		assured: true,
		...extra
	};
}

/** A proposal with its service named after it unless given. */
export function proposal(
	id: string,
	kind: Proposal['kind'],
	amount: number,
	extra: Partial<Proposal> = {}
): Proposal {
	return { id, title: id, kind, amount, service: `svc-${id}`, affects: [], ...extra };
}

export function rules(extra: Partial<RulesInput> = {}): RulesInput {
	return { ...RULES, ...extra, protection: { ...RULES.protection, ...extra.protection } };
}

const SCENARIOS = new URL('../../../tests/fixtures/scenarios/', import.meta.url);

/** Every scenario file in the fixtures: its name, raw JSON and count input. */
export function scenarios() {
	return readdirSync(SCENARIOS)
		.filter((f) => f.endsWith('.json'))
		.map((file) => {
			const json = JSON.parse(readFileSync(new URL(file, SCENARIOS), 'utf8'));
			return { file, json, input: scenarioInput(ScenarioSchema.parse(json)) };
		});
}

/**
 * What a count gives in the terms of the scenario README's `expected`: every field, empty ones
 * left out as the README says ("a field absent from expected means empty"). Groups and flags
 * are sorted (compared as sets); the override order keeps its order.
 */
export function reported(r: CountResult) {
	const savings = r.proposals.filter((p) => p.kind === 'saving');
	const sorted = (xs: readonly string[]) => [...xs].sort();
	const nonEmpty = <T>(entries: [string, T][], empty: (t: T) => boolean) => {
		const kept = entries.filter(([, t]) => !empty(t));
		return kept.length ? Object.fromEntries(kept) : undefined;
	};
	const out: Record<string, unknown> = {
		decisions: Object.fromEntries(r.proposals.map((p) => [p.id, p.decision])),
		protectedBy: savings.length
			? Object.fromEntries(savings.map((p) => [p.id, sorted(p.protectedBy)]))
			: undefined,
		marginalBy: nonEmpty(
			savings.map((p) => [p.id, sorted(p.marginalBy)]),
			(g) => g.length === 0
		),
		flagged: nonEmpty(
			savings.map((p) => [p.id, sorted(p.flagged)]),
			(g) => g.length === 0
		),
		fragility: nonEmpty(
			savings.map((p) => [
				p.id,
				Object.fromEntries(p.protection.map((f) => [f.group, f.fragility]))
			]),
			(f) => Object.keys(f).length === 0
		),
		saved: r.saved,
		shortfall: r.shortfall,
		spent: r.spent || undefined,
		overrideOrder: r.overrideOrder.length ? r.overrideOrder.map((o) => o.id) : undefined,
		dependsOnOpen: r.dependsOnOpen.length ? sorted(r.dependsOnOpen) : undefined,
		majority: {
			decisions: r.majority.decisions,
			saved: r.majority.saved,
			shortfall: r.majority.shortfall,
			spent: r.majority.spent || undefined
		}
	};
	return JSON.parse(JSON.stringify(out));
}

/** A scenario's `expected`, with groups sorted so that sets compare equal. */
export function expectedOf(json: { expected: Record<string, unknown> }) {
	const e = JSON.parse(JSON.stringify(json.expected));
	for (const key of ['protectedBy', 'marginalBy', 'flagged']) {
		for (const id of Object.keys(e[key] ?? {})) e[key][id] = [...e[key][id]].sort();
	}
	if (e.dependsOnOpen) e.dependsOnOpen = [...e.dependsOnOpen].sort();
	return e;
}

const SEGMENTS = [
	{ id: 'x', label: 'X' },
	{ id: 'y', label: 'Y' },
	{ id: 'z', label: 'Z' }
];
const SERVICES = ['a', 'b', 'c'];

const proposalArb = fc.record({
	kind: fc.constantFrom('saving' as const, 'development' as const),
	amount: fc.integer({ min: 0, max: 5000 }),
	service: fc.constantFrom(...SERVICES),
	affects: fc.subarray(['users', 'x', 'y'])
});

const ballotArb = fc.record({
	marks: fc.array(fc.constantFrom<Mark | null>('want', 'dontWant', null), {
		minLength: 6,
		maxLength: 6
	}),
	uses: fc.subarray(SERVICES),
	verified: fc.boolean(),
	segments: fc.subarray(['x', 'y', 'z']),
	area: fc.constantFrom('north', 'south', null),
	channel: fc.constantFrom('online' as const, 'room' as const, 'paper' as const, 'kiosk' as const),
	assured: fc.boolean(),
	count: fc.integer({ min: 1, max: 40 })
});

/**
 * Small random votes: up to six proposals (savings and developments, declared groups among
 * users, x and y), groups of identical ballots, limits off, thresholds and margins that sit on
 * round numbers, sometimes without the confidence test.
 */
export const voteArb = fc
	.record({
		proposals: fc.array(proposalArb, { minLength: 1, maxLength: 6 }),
		ballots: fc.array(ballotArb, { maxLength: 14 }),
		developmentBudget: fc.integer({ min: 0, max: 10000 }),
		savingsTarget: fc.integer({ min: 0, max: 12000 }),
		minGroup: fc.integer({ min: 10, max: 60 }),
		threshold: fc.constantFrom(0.3, 0.5, 0.7),
		margin: fc.constantFrom(0, 0.1, 0.2),
		confidence: fc.constantFrom(0.95 as const, 'none' as const),
		developments: fc.constantFrom('equalShares' as const, 'greedy' as const)
	})
	.map((v): CountInput & { ballots: Ballot[]; rules: Rules } => {
		const proposals: Proposal[] = v.proposals.map((p, i) => ({
			id: `p${i}`,
			title: `P${i}`,
			...p
		}));
		const P = proposals.length;
		const services = new Set(proposals.map((p) => p.service));
		return {
			proposals,
			segments: SEGMENTS,
			ballots: v.ballots.map((b) => {
				const marks: Record<string, Mark> = {};
				b.marks.slice(0, P).forEach((m, i) => {
					if (m) marks[`p${i}`] = m;
				});
				const uses = b.uses.filter((s) => services.has(s));
				return {
					marks,
					uses,
					...(b.verified && b.assured && uses.length ? { verifiedUses: uses.slice(0, 1) } : {}),
					segments: b.segments,
					area: b.area,
					channel: b.channel,
					assured: b.assured,
					count: b.count
				};
			}),
			rules: {
				...RULES,
				developmentBudget: v.developmentBudget,
				savingsTarget: v.savingsTarget,
				developments: v.developments,
				protection: {
					...RULES.protection,
					minGroup: v.minGroup,
					threshold: v.threshold,
					margin: v.margin,
					confidence: v.confidence
				}
			}
		};
	});
