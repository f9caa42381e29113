/**
 * The want / don't-want count (docs/counting.md, rules version 2): the ranking, protection of
 * savings by the groups declared as depending on them (and unions of those groups), marginal
 * results, the selection of savings without needless overshoot, developments by Equal Shares
 * (or greedy) among those more people want than don't, flags for review, minority priorities,
 * fragility, the override order, the assurance re-count, reasons in plain words, and the digest
 * of the input. Plain data in, plain data out: no clock, no randomness, no database.
 */
import { populationWeights } from '../weighting/population';
import { prepareProfile, type ApprovalProfile, type PreparedProfile } from './approval-profile';
import { canonicalTexts } from './canonical';
import { digestBallots, digestHeader } from './digest';
import { greedy } from './greedy';
import {
	flagged,
	groupRules,
	judge,
	type Counts,
	type GroupRules,
	type Judgement,
	type Suppressed
} from './groups';
import * as Q from './rational';
import * as say from './reasons';
import { RulesSchema } from './schemas';
import { overrideOrder, selectSavings } from './selection';
import {
	BallotReader,
	CountInputError,
	indexInput,
	makeTally,
	totalBallots,
	type BallotTotals,
	type CellTotals,
	type CountIndex,
	type ViewFigures
} from './tallies';
import {
	CHANNELS,
	METHODS,
	USERS,
	type Channel,
	type CountInput,
	type CountResult,
	type Decision,
	type GroupFinding,
	type Method,
	type MethodOutcome,
	type ProposalResult,
	type ProposalTallies,
	type PublishedFigures,
	type Rules,
	type Tally,
	type WeightingReport
} from './types';
import { completedEqualShares } from './variants';

export { CountInputError } from './tallies';

/** One penny: what each voter's share grows by at each Add1 step (counting.md). */
export const COUNCIL_ADD1_INCREMENT = 1;

export interface CountOptions {
	/** Count with this method instead of rules.method (the command line's --method). */
	method?: Method;
	/** How amounts appear in the summary sentences (default: pence as pounds, "£1,250"). */
	formatMoney?: (amount: number) => string;
}

/**
 * Checks the rules of a count input and completes them with the defaults.
 * @throws CountInputError naming the setting and the problem
 */
export function checkRules(input: Pick<CountInput, 'rules' | 'proposals'>): Rules {
	const parsed = RulesSchema.safeParse(input.rules);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new CountInputError(
			`Rules: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`
		);
	}
	const r = parsed.data;
	if (r.maxDontWants === undefined && input.proposals.some((p) => p.kind === 'saving')) {
		throw new CountInputError(
			"Rules: a vote with savings must state maxDontWants, the most don't-wants a ballot may carry (0 for no limit)"
		);
	}
	if (r.weighting === 'population') {
		const pop = r.population ?? [];
		if (pop.length === 0)
			throw new CountInputError('Rules: population weighting needs a population table');
		const withBand = pop.filter((c) => c.ageBand !== undefined).length;
		if (withBand > 0 && withBand < pop.length)
			throw new CountInputError(
				'Rules: population rows must all have an age band, or none: cells are areas, or areas by age band'
			);
		const cells = new Set<string>();
		for (const c of pop) {
			const key = `${c.area}\u0000${c.ageBand ?? ''}`;
			if (cells.has(key))
				throw new CountInputError(
					`Rules: the population table has two rows for ${c.area}${c.ageBand ? ` (${c.ageBand})` : ''}`
				);
			cells.add(key);
		}
	}
	return { ...r, maxDontWants: r.maxDontWants ?? 0 } as Rules;
}

/** The figures of one set of ballots (all of them, or the assured ones alone). */
interface View {
	ix: CountIndex;
	totals: BallotTotals;
	/** Which assurance slots (0 open, 1 assured) are counted. */
	slots: readonly number[];
	/** Ballots, unweighted. */
	ballots: number;
	/** Per proposal, unweighted: wants, don't-wants. */
	raw: Float64Array;
	/** Per proposal, weighted when weighting is on, exactly. */
	wants: Q.Rational[];
	dontWants: Q.Rational[];
	/** Weight of each cell (by index in totals.cells), exact and as a float. */
	cellWeight: Q.Rational[];
	weighting: WeightingReport | null;
	/** Developments chosen (shared by both methods), worked out once. */
	developments?: Developments;
}

function viewOf(ix: CountIndex, totals: BallotTotals, slots: readonly number[]): View {
	const P = ix.proposals.length;
	const rules = ix.rules;
	const raw = new Float64Array(P * 2);
	let ballots = 0;
	for (const a of slots) {
		ballots += totals.ballots[a];
		for (let k = 0; k < P * 2; k++) raw[k] += totals.marks[a][k];
	}
	const cells = totals.cells.filter((c) => slots.includes(c.assured ? 1 : 0));
	const one = Q.rational(1n);
	const cellWeight = totals.cells.map(() => one);
	let weighting: WeightingReport | null = null;
	if (ix.cells !== 'none') {
		const byCell = new Map<string, number>();
		for (const c of cells)
			if (c.key !== '') byCell.set(c.key, (byCell.get(c.key) ?? 0) + c.ballots);
		const popByCell = new Map<string, number>();
		for (const c of rules.population ?? [])
			popByCell.set(ix.cells === 'areaAge' ? `${c.area}\u0000${c.ageBand}` : c.area, c.count);
		const w = populationWeights(byCell, popByCell);
		totals.cells.forEach((c, i) => {
			const e = w.exact.get(c.key);
			if (e) cellWeight[i] = Q.rational(e[0], e[1]);
		});
		const inTable = [...byCell].filter(([k]) => w.exact.has(k)).reduce((s, [, n]) => s + n, 0);
		weighting = {
			cells: ix.cells,
			table: w.cells.map((c) => ({
				cell: c.key.replace('\u0000', ' / '),
				ballots: c.responses,
				population: c.population,
				weight: c.weight,
				capped: c.capped
			})),
			cappedCells: w.cappedCells.map((k) => k.replace('\u0000', ' / ')),
			cappedBallots: w.cappedResponses,
			unweightedBallots: ballots - inTable
		};
	}
	const wants: Q.Rational[] = [];
	const dontWants: Q.Rational[] = [];
	for (let p = 0; p < P; p++) {
		if (!weighting) {
			wants.push(Q.rational(BigInt(raw[p * 2])));
			dontWants.push(Q.rational(BigInt(raw[p * 2 + 1])));
			continue;
		}
		let w = Q.ZERO;
		let d = Q.ZERO;
		totals.cells.forEach((c, i) => {
			if (!slots.includes(c.assured ? 1 : 0)) return;
			const cw = cellWeight[i];
			w = Q.add(w, Q.mul(cw, Q.rational(BigInt(c.marks[p * 2]))));
			d = Q.add(d, Q.mul(cw, Q.rational(BigInt(c.marks[p * 2 + 1]))));
		});
		wants.push(w);
		dontWants.push(d);
	}
	return { ix, totals, slots, ballots, raw, wants, dontWants, cellWeight, weighting };
}

/** A group's figures in a view: among all ballots, or the assured ones alone. */
function inView(v: View, f: ViewFigures): PublishedFigures {
	return v.slots.length === 1 ? f.assured : f.all;
}

function countsFor(
	v: View,
	p: number,
	f: PublishedFigures,
	mark: 'wants' | 'dontWants'
): Counts | Suppressed {
	if ('fewerThan10' in f) return f;
	return {
		n: f.ballots,
		d: f[mark],
		N: v.ballots,
		D: v.raw[p * 2 + (mark === 'wants' ? 0 : 1)]
	};
}

const net = (v: View, p: number) => Q.sub(v.wants[p], v.dontWants[p]);

interface Developments {
	/** Proposal indices funded, in the order chosen. */
	selected: number[];
	/** Those chosen by Equal Shares itself (not the greedy completion). */
	core: Set<number>;
	/** Never eligible: more don't want it than want it, or nobody wants it. */
	unwanted: Set<number>;
}

/**
 * Developments (step 5), the same for both methods: never one with net < 0 or that no ballot
 * wants; the rest by Equal Shares with add1 completion in pennies and greedy fill, or greedy by
 * wants, counting ballots unweighted, ties by listed order.
 */
function developments(v: View): Developments {
	if (v.developments) return v.developments;
	const { ix } = v;
	const rules = ix.rules;
	const unwanted = new Set<number>();
	const eligible: number[] = [];
	for (const p of ix.developments) {
		if (v.raw[p * 2] === 0 || Q.compare(net(v, p), Q.ZERO) < 0) unwanted.add(p);
		else eligible.push(p);
	}
	let selected: number[] = [];
	let core = new Set<number>();
	if (rules.developmentBudget === 0) selected = eligible;
	else if (eligible.length > 0) {
		const pp = developmentProfile(v, eligible);
		if (rules.developments === 'equalShares') {
			const es = completedEqualShares(pp, 'cost', 'add1-greedy', {
				increment: COUNCIL_ADD1_INCREMENT,
				includeUnsupported: false
			});
			core = new Set(es.core.map((d) => eligible[d]));
			selected = es.selected.map((d) => eligible[d]);
		} else {
			selected = greedy(pp, 'cost', { includeUnsupported: false }).map((d) => eligible[d]);
		}
	}
	v.developments = { selected, core, unwanted };
	return v.developments;
}

/** The eligible developments as an approval vote: every ballot one voter, its wants approvals. */
function developmentProfile(v: View, eligible: readonly number[]): PreparedProfile {
	const { ix } = v;
	const place = new Int32Array(ix.developments.length).fill(-1);
	eligible.forEach((p, k) => (place[ix.developmentIndex[p]] = k));
	const weights = new Map<string, number>();
	for (const a of v.slots) {
		for (const [set, n] of v.totals.wantSets[a]) {
			let key = '';
			for (let i = 0; i < set.length; i++) {
				const k = place[set.charCodeAt(i)];
				if (k >= 0) key += String.fromCharCode(k);
			}
			weights.set(key, (weights.get(key) ?? 0) + n);
		}
	}
	const sets = [...weights.keys()].sort();
	const profile: ApprovalProfile = {
		ids: eligible.map((p) => ix.proposals[p].id),
		costs: eligible.map((p) => ix.proposals[p].amount),
		budget: ix.rules.developmentBudget,
		voters: sets.map((set) => ({
			approvals: Array.from(set, (ch) => ch.charCodeAt(0)),
			weight: weights.get(set) as number
		})),
		tieRank: eligible.map((_, k) => k)
	};
	return prepareProfile(profile);
}

/** What one method decides on one view. */
interface Outcome {
	method: Method;
	decisions: Decision[];
	rank: Int32Array;
	/** Protection judgements of savings (protected method, declared groups only). */
	judgements: (Judgement | null)[];
	/** Savings not needed, and why: the target is met, or a smaller saving closes the gap. */
	notNeeded: Map<number, 'met' | 'smaller'>;
	dev: Developments;
	/** Savings accepted, in rank order. */
	accepted: number[];
	saved: number;
	spent: number;
	shortfall: number;
}

function decide(v: View, method: Method, gr: GroupRules): Outcome {
	const { ix } = v;
	const rules = ix.rules;
	const P = ix.proposals.length;
	// Rank by net, then wants, then listed order: exactly, weighted when weighting is on.
	const ranking = Array.from({ length: P }, (_, i) => i).sort(
		(a, b) => Q.compare(net(v, b), net(v, a)) || Q.compare(v.wants[b], v.wants[a]) || a - b
	);
	const rank = new Int32Array(P);
	ranking.forEach((p, r) => (rank[p] = r + 1));

	const decisions: Decision[] = ix.proposals.map(() => 'notSelected');
	const judgements: (Judgement | null)[] = ix.proposals.map(() => null);
	const candidates: number[] = [];
	for (const p of ranking) {
		const prop = ix.proposals[p];
		if (prop.kind !== 'saving') continue;
		if (method === 'protected' && prop.affects.length > 0) {
			const j = judge(
				prop.affects,
				(mask) => countsFor(v, p, inView(v, v.totals.union(p, mask)), 'dontWants'),
				gr
			);
			judgements[p] = j;
			if (j.protects.length > 0) {
				decisions[p] = 'protected';
				continue;
			}
			if (j.marginal.length > 0) {
				decisions[p] = 'marginal';
				continue;
			}
		}
		if (Q.compare(net(v, p), Q.ZERO) > 0) candidates.push(p);
	}
	const picked = selectSavings(
		candidates.map((p) => ix.proposals[p].amount),
		rules.savingsTarget
	);
	const notNeeded = new Map<number, 'met' | 'smaller'>();
	const accepted: number[] = [];
	let saved = 0;
	candidates.forEach((p, i) => {
		const s = picked[i];
		if (s === 'accept') {
			decisions[p] = 'accept';
			accepted.push(p);
			saved += ix.proposals[p].amount;
		} else {
			decisions[p] = 'notNeeded';
			notNeeded.set(p, s);
		}
	});
	const dev = developments(v);
	let spent = 0;
	for (const p of dev.selected) {
		decisions[p] = 'fund';
		spent += ix.proposals[p].amount;
	}
	const target = rules.savingsTarget;
	return {
		method,
		decisions,
		rank,
		judgements,
		notNeeded,
		dev,
		accepted,
		saved,
		spent,
		shortfall: target > 0 ? Math.max(0, target - saved) : 0
	};
}

/**
 * Counts a vote.
 * @param input proposals, segments, ballots (any iterable), rules, and group totals when group
 * membership is given as totals
 * @throws CountInputError when the input does not describe a valid vote (the message names the
 * setting, ballot, proposal or row and the problem)
 */
export function count(input: CountInput, options: CountOptions = {}): CountResult {
	const rules = checkRules(input);
	const method = options.method ?? rules.method;
	if (!METHODS.includes(method)) throw new CountInputError(`Unknown method "${method}"`);
	const ix = indexInput(input.proposals, input.segments, rules, input.groups !== undefined);
	const reader = new BallotReader(ix);
	let verified = false;
	for (const ballot of input.ballots) {
		reader.add(ballot);
		if (!verified && (ballot.verifiedUses?.length ?? 0) > 0) verified = true;
	}
	// With group totals the ballots carry no uses: whoever made the totals checked this.
	if (rules.protection.membership === 'verified' && !verified && !ix.totalsOnly) {
		throw new CountInputError(
			'Rules: membership is "verified", but no ballot carries verified uses'
		);
	}
	const totals = totalBallots(reader, input.groups);
	const gr = groupRules(rules.protection);
	const all = viewOf(ix, totals, [0, 1]);
	const official = decide(all, method, gr);
	const majority = method === 'majority' ? official : decide(all, 'majority', gr);

	// The assurance re-count: the whole count on the assured ballots alone.
	const assured = totals.ballots[1];
	const open = totals.ballots[0];
	const ran = assured > 0 && open > 0;
	const dependsOnOpen = new Set<number>();
	if (ran) {
		const alone = decide(viewOf(ix, totals, [1]), method, gr);
		alone.decisions.forEach((d, p) => {
			if (d !== official.decisions[p]) dependsOnOpen.add(p);
		});
	}

	const money = options.formatMoney ?? say.formatMoney;
	const names = say.groupNamer(ix.segments);
	const tallies = ix.proposals.map((_, p) => talliesOf(all, p));
	const proposals: ProposalResult[] = ix.proposals.map((prop, p) => {
		const decision = official.decisions[p];
		const j = official.judgements[p];
		const protection =
			decision === 'protected'
				? (j?.protects ?? [])
				: decision === 'marginal'
					? (j?.marginal ?? [])
					: [];
		const flags: GroupFinding[] = [];
		const minorityGroups: GroupFinding[] = [];
		if (method === 'protected' && prop.kind === 'saving') {
			const undeclared = [
				...ix.segments.map((s) => s.id).filter((id) => !prop.affects.includes(id)),
				...(prop.affects.includes(USERS) ? [] : [USERS])
			];
			for (const g of undeclared) {
				const f = flagged(
					g,
					countsFor(all, p, inView(all, totals.undeclared(p, g)), 'dontWants'),
					gr
				);
				if (f) flags.push(f);
			}
		}
		if (method === 'protected' && prop.kind === 'development' && prop.affects.length > 0) {
			minorityGroups.push(
				...judge(
					prop.affects,
					(mask) => countsFor(all, p, inView(all, totals.union(p, mask)), 'wants'),
					gr
				).protects.map((f) => ({ ...f, fragility: null }))
			);
		}
		const majorityDecision = majority.decisions[p];
		const knockOn =
			prop.kind === 'saving' &&
			decision !== majorityDecision &&
			decision !== 'protected' &&
			decision !== 'marginal';
		const t = tallies[p].overall;
		const reasons: string[] = [];
		if (prop.kind === 'saving') {
			for (const f of protection) reasons.push(say.groupReason(decision, f, names));
			reasons.push(
				say.savingReason({
					decision,
					rank: official.rank[p],
					wants: t.wants,
					dontWants: t.dontWants,
					target: rules.savingsTarget,
					notNeeded: official.notNeeded.get(p) ?? null
				})
			);
		} else {
			reasons.push(
				say.developmentReason({
					decision,
					developments: rules.developments,
					rank: official.rank[p],
					wants: t.wants,
					dontWants: t.dontWants,
					rankOnly: rules.developmentBudget === 0,
					byEqualShares: official.dev.core.has(p)
				})
			);
			for (const f of minorityGroups) reasons.push(say.priorityReason(f, names));
		}
		for (const f of flags) reasons.push(say.flagReason(f, names));
		const m = say.majorityReason(decision, majorityDecision, knockOn);
		if (m) reasons.push(m);
		if (dependsOnOpen.has(p)) reasons.push(say.DEPENDS_ON_OPEN);
		if (all.weighting) reasons.push(say.WEIGHTED_NOTE);
		return {
			id: prop.id,
			title: prop.title,
			kind: prop.kind,
			amount: prop.amount,
			service: prop.service,
			affects: [...prop.affects],
			rank: official.rank[p],
			decision,
			protectedBy: decision === 'protected' ? protection.map((f) => f.group) : [],
			marginalBy: decision === 'marginal' ? protection.map((f) => f.group) : [],
			protection,
			flagged: flags.map((f) => f.group),
			flags,
			minorityPriority: minorityGroups.length > 0,
			minorityGroups,
			majorityDecision,
			knockOn,
			dependsOnOpen: dependsOnOpen.has(p),
			tallies: tallies[p],
			reasons
		};
	});

	const override =
		official.shortfall > 0
			? overrideOrder(
					proposals.flatMap((r, p) =>
						(r.decision === 'protected' || r.decision === 'marginal') &&
						Q.compare(net(all, p), Q.ZERO) > 0
							? [{ index: p, marginal: r.decision === 'marginal', groups: r.protection, r }]
							: []
					)
				).map(({ r }) => ({
					id: r.id,
					decision: r.decision as 'protected' | 'marginal',
					groups: r.protection.map((f) => f.group),
					share: Math.max(...r.protection.map((f) => f.share))
				}))
			: [];

	const byChannel = {} as Record<Channel, number>;
	CHANNELS.forEach((ch, i) => {
		byChannel[ch] = totals.cells.reduce((s, c) => s + c.channelBallots[i], 0);
	});
	const outcome = (o: Outcome): MethodOutcome => ({
		method: o.method,
		decisions: Object.fromEntries(ix.proposals.map((prop, p) => [prop.id, o.decisions[p]])),
		selected: o.dev.selected.map((p) => ix.proposals[p].id),
		accepted: o.accepted.map((p) => ix.proposals[p].id),
		spent: o.spent,
		saved: o.saved,
		shortfall: o.shortfall
	});
	const anyHeld = proposals.some((r) => r.decision === 'protected' || r.decision === 'marginal');
	const summary = [
		say.shortfallSentence(rules.savingsTarget, official.saved, official.shortfall, anyHeld, money),
		say.budgetSentence(
			rules.developmentBudget,
			official.spent,
			official.dev.selected.length,
			money
		),
		say.assuranceSentence({ assured, open, ran, differ: dependsOnOpen.size }),
		say.tieBreakSentence()
	].filter((s): s is string => s !== null);

	return {
		version: 2,
		method,
		rules,
		tieBreak: 'listed',
		ballots: {
			total: reader.total,
			weighted: Q.toNumber(
				totals.cells.reduce(
					(s, c, i) => Q.add(s, Q.mul(all.cellWeight[i], Q.rational(BigInt(c.ballots)))),
					Q.ZERO
				)
			),
			byChannel,
			assured,
			open
		},
		proposals,
		selected: official.dev.selected.map((p) => ix.proposals[p].id),
		accepted: official.accepted.map((p) => ix.proposals[p].id),
		developmentBudget: rules.developmentBudget,
		spent: official.spent,
		savingsTarget: rules.savingsTarget,
		saved: official.saved,
		shortfall: official.shortfall,
		overrideOrder: override,
		dependsOnOpen: ix.proposals.filter((_, p) => dependsOnOpen.has(p)).map((p) => p.id),
		assurance: { assured, open, ran },
		summary,
		majority: {
			...outcome(majority),
			changed: ix.proposals
				.filter((_, p) => official.decisions[p] !== majority.decisions[p])
				.map((p) => p.id)
		},
		weighting: all.weighting,
		digest: digestBallots(
			digestHeader(ix.proposals, ix.segments, rules, input.groups),
			canonicalTexts(reader)
		)
	};
}

/** Every table of one proposal: weighted overall, areas, channels, assurance; groups unweighted. */
function talliesOf(v: View, p: number): ProposalTallies {
	const { ix, totals } = v;
	const P2 = ix.proposals.length * 2;
	const weightedSum = (pick: (c: CellTotals) => [number, number, number] | null): Tally => {
		let raw = 0;
		let n = 0;
		let w = 0;
		let d = 0;
		totals.cells.forEach((c, i) => {
			if (!v.slots.includes(c.assured ? 1 : 0)) return;
			const x = pick(c);
			if (!x) return;
			const cw = Q.toNumber(v.cellWeight[i]);
			raw += x[0];
			n += cw * x[0];
			w += cw * x[1];
			d += cw * x[2];
		});
		return makeTally(raw, n, w, d);
	};
	const cellsN = weightedSum((c) => [c.ballots, 0, 0]).n;
	const overall = makeTally(v.ballots, cellsN, Q.toNumber(v.wants[p]), Q.toNumber(v.dontWants[p]));
	const byChannel = {} as Record<Channel, Tally>;
	CHANNELS.forEach((ch, i) => {
		byChannel[ch] = weightedSum((c) => [
			c.channelBallots[i],
			c.channelMarks[i * P2 + p * 2],
			c.channelMarks[i * P2 + p * 2 + 1]
		]);
	});
	const byArea: Record<string, Tally> = {};
	for (const [a, name] of areasOf(v)) {
		byArea[name] = weightedSum((c) => {
			const t = c.areas.get(a);
			return t ? [t.ballots, t.marks[p * 2], t.marks[p * 2 + 1]] : null;
		});
	}
	const byAssurance = {
		assured: weightedSum((c) =>
			c.assured ? [c.ballots, c.marks[p * 2], c.marks[p * 2 + 1]] : null
		),
		open: weightedSum((c) => (!c.assured ? [c.ballots, c.marks[p * 2], c.marks[p * 2 + 1]] : null))
	};
	const prop = ix.proposals[p];
	// A group published as under 10 ballots shows as suppressed, with no figures.
	const hidden: Tally = { ...makeTally(0, 0, 0, 0), suppressed: true };
	const group = (id: string): Tally => {
		const k = prop.affects.indexOf(id);
		const f = inView(v, k >= 0 ? totals.union(p, 1 << k) : totals.undeclared(p, id));
		return 'fewerThan10' in f ? hidden : makeTally(f.ballots, f.ballots, f.wants, f.dontWants);
	};
	const bySegment: Record<string, Tally> = {};
	for (const s of ix.segments) bySegment[s.id] = group(s.id);
	const users = group(USERS);
	const W = v.raw[p * 2];
	const D = v.raw[p * 2 + 1];
	// Hidden too when the users are: everyone less them would give their figures away.
	const nonUsers =
		users === hidden
			? hidden
			: makeTally(
					v.ballots - users.ballots,
					v.ballots - users.ballots,
					W - users.wants,
					D - users.dontWants
				);
	return { overall, byArea, byChannel, byAssurance, bySegment, users, nonUsers };
}

/** The areas the view's ballots name, as [index, name], in name order. */
function areasOf(v: View): [number, string][] {
	const seen = new Set<number>();
	for (const c of v.totals.cells) {
		if (v.slots.includes(c.assured ? 1 : 0)) for (const a of c.areas.keys()) seen.add(a);
	}
	return [...seen]
		.map((a): [number, string] => [a, v.totals.areaNames[a]])
		.sort(([, x], [, y]) => (x < y ? -1 : x > y ? 1 : 0));
}
