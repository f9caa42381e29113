/**
 * The want / don't-want count (docs/counting.md): tallies, the four methods, protection of
 * savings that a group depends on, minority priorities, flags for review, reasons in plain
 * words, and the digest of the input. Plain data in, plain data out: no clock, no randomness,
 * no database.
 */
import { populationWeights } from '../weighting/population';
import { prepareProfile, type ApprovalProfile, type PreparedProfile } from './approval-profile';
import { digestBallots, digestHeader } from './digest';
import { equalShares, equalSharesAdd1, type Utility } from './equal-shares';
import { greedy } from './greedy';
import { lexicographicRank } from './pabulib-election';
import { flaggedSegments, priorityGroups, protectingGroups } from './protection';
import * as say from './reasons';
import { RulesSchema } from './schemas';
import {
	BallotAggregate,
	CountInputError,
	indexInput,
	makeTally,
	type CountIndex
} from './tallies';
import {
	CHANNELS,
	METHODS,
	type Channel,
	type CountInput,
	type CountOptions,
	type CountResult,
	type Decision,
	type GroupFinding,
	type Method,
	type MethodOutcome,
	type ProposalResult,
	type ProposalTallies,
	type Rules,
	type SegmentTotals,
	type WeightingReport
} from './types';

export { CountInputError } from './tallies';

/** One pound, in pence: the money each voter's share grows by at each Add1 step. */
export const COUNCIL_ADD1_INCREMENT = 100;

interface Findings {
	protection: GroupFinding[][];
	priority: GroupFinding[][];
	flags: GroupFinding[][];
}

/** Everything the methods need, computed once. */
interface Ballots {
	ix: CountIndex;
	rules: Rules;
	tallies: ProposalTallies[];
	/** Proposal indices in majority rank order. */
	ranking: number[];
	rank: Int32Array;
	/** Tie-break order among proposals (smaller first). */
	tieRank: number[];
	findings: Findings;
	/** Equal Shares over the developments (lazily built, shared by the methods that use it). */
	profile: () => PreparedProfile;
	options: Required<Omit<CountOptions, 'method' | 'formatMoney'>>;
}

/**
 * Counts a vote.
 * @param input proposals, segments, ballots (any iterable), rules, and population figures when
 * population weighting is on
 * @param options conventions for recounts of Pabulib data; councils use the defaults
 * @throws CountInputError when the input does not describe a valid vote (the message names the
 * ballot or proposal and the problem)
 */
export function count(input: CountInput, options: CountOptions = {}): CountResult {
	const parsed = RulesSchema.safeParse(input.rules);
	if (!parsed.success) throw new CountInputError(`Rules: ${parsed.error.issues[0].message}`);
	const rules = parsed.data;
	const method = options.method ?? rules.method;
	if (!METHODS.includes(method)) throw new CountInputError(`Unknown method "${method}"`);
	const opts: Ballots['options'] = {
		tieBreak: options.tieBreak ?? 'listed',
		add1Increment: options.add1Increment ?? COUNCIL_ADD1_INCREMENT,
		utility: options.utility ?? 'cost',
		completion: options.completion ?? 'add1-greedy',
		fundUnwanted: options.fundUnwanted ?? false
	};

	const { population, ix, agg, weighting, weightOf, tallies, totals } = tally(input, rules);
	const P = ix.proposals.length;
	const tieRank =
		opts.tieBreak === 'id'
			? lexicographicRank(ix.proposals.map((p) => p.id))
			: ix.proposals.map((_, i) => i);
	const ranking = Array.from({ length: P }, (_, i) => i).sort((a, b) => {
		const ta = tallies[a].overall;
		const tb = tallies[b].overall;
		return tb.net - ta.net || tb.wants - ta.wants || tieRank[a] - tieRank[b];
	});
	const rank = new Int32Array(P);
	ranking.forEach((p, r) => (rank[p] = r + 1));

	const segmentIds = ix.segments.map((s) => s.id);
	const findings: Findings = { protection: [], priority: [], flags: [] };
	ix.proposals.forEach((p, i) => {
		const t = tallies[i];
		findings.protection.push(
			p.kind === 'saving' ? protectingGroups(t, p.affects, rules.protection) : []
		);
		findings.priority.push(
			p.kind === 'development' ? priorityGroups(t, p.affects, rules.protection) : []
		);
		findings.flags.push(flaggedSegments(t, p.affects, segmentIds, rules.protection));
	});

	let prepared: PreparedProfile | undefined;
	const b: Ballots = {
		ix,
		rules,
		tallies,
		ranking,
		rank,
		tieRank,
		findings,
		options: opts,
		profile: () =>
			(prepared ??= prepareProfile(developmentProfile(ix, agg, weightOf, tieRank, rules)))
	};

	// Every method runs; Equal Shares is shared by protected and equalShares.
	const developments = new Map<Method, DevelopmentOutcome>();
	const devOf = (m: Method): DevelopmentOutcome => {
		const key = m === 'equalShares' ? 'protected' : m;
		let d = developments.get(key);
		if (!d) {
			d = developmentOutcome(b, key);
			developments.set(key, d);
		}
		return d;
	};
	const methods = {} as Record<Method, InternalOutcome>;
	for (const m of METHODS) methods[m] = outcome(b, m, devOf(m));
	const official = methods[method];
	const majority = methods.majority;
	const dev = devOf(method);

	const weighted = rules.weighting === 'population';
	const proposals: ProposalResult[] = ix.proposals.map((p, i) => {
		const t = tallies[i];
		const decision = official.decisions[p.id];
		const protectedBy = decision === 'protected' ? findings.protection[i].map((f) => f.group) : [];
		const reasons: string[] = [];
		if (p.kind === 'saving') {
			if (decision === 'protected') {
				for (const f of findings.protection[i]) reasons.push(say.protectedReason(f, ix.segments));
			}
			reasons.push(
				say.savingReason({
					decision,
					rank: rank[i],
					wants: t.overall.wants,
					dontWants: t.overall.dontWants,
					target: rules.savingsTarget,
					notNeeded: official.notNeeded.has(i)
				})
			);
		} else {
			reasons.push(
				say.developmentReason({
					decision,
					method,
					rank: rank[i],
					wants: t.overall.wants,
					dontWants: t.overall.dontWants,
					rankOnly: rules.developmentBudget === 0,
					byEqualShares: dev.core.has(i)
				})
			);
			for (const f of findings.priority[i]) reasons.push(say.priorityReason(f, ix.segments));
		}
		for (const f of findings.flags[i]) reasons.push(say.flagReason(f, ix.segments));
		const m = say.majorityReason(decision, majority.decisions[p.id]);
		if (m) reasons.push(m);
		if (weighted) reasons.push(say.WEIGHTED_NOTE);
		return {
			id: p.id,
			title: p.title,
			kind: p.kind,
			amount: p.amount,
			rank: rank[i],
			decision,
			protectedBy,
			protection: decision === 'protected' ? findings.protection[i] : [],
			flaggedSegments: findings.flags[i].map((f) => f.group),
			flags: findings.flags[i],
			minorityPriority: findings.priority[i].length > 0,
			minorityGroups: findings.priority[i],
			majorityDecision: majority.decisions[p.id],
			tallies: t,
			reasons
		};
	});

	const anyProtected = proposals.some((p) => p.decision === 'protected');
	const money = options.formatMoney ?? say.formatMoney;
	const summary = [
		say.shortfallSentence(
			rules.savingsTarget,
			official.saved,
			official.shortfall,
			anyProtected,
			money
		),
		say.budgetSentence(rules.developmentBudget, official.spent, official.selected.length, money),
		say.tieBreakSentence(opts.tieBreak)
	].filter((s): s is string => s !== null);

	const byChannel = {} as Record<Channel, number>;
	CHANNELS.forEach((ch, i) => (byChannel[ch] = agg.channelBallots[i]));
	const weightedTotal = tallies.length > 0 ? tallies[0].overall.n : agg.total;
	const strip = (o: InternalOutcome): MethodOutcome => ({
		method: o.method,
		decisions: o.decisions,
		selected: o.selected,
		accepted: o.accepted,
		spent: o.spent,
		saved: o.saved,
		shortfall: o.shortfall
	});
	const publicMethods = {} as Record<Method, MethodOutcome>;
	for (const m of METHODS) publicMethods[m] = strip(methods[m]);

	return {
		method,
		rules,
		tieBreak: opts.tieBreak,
		ballots: { total: agg.total, weighted: weightedTotal, byChannel },
		proposals,
		selected: official.selected,
		accepted: official.accepted,
		developmentBudget: rules.developmentBudget,
		spent: official.spent,
		savingsTarget: rules.savingsTarget,
		saved: official.saved,
		shortfall: official.shortfall,
		summary,
		majority: {
			...strip(majority),
			changed: ix.proposals
				.filter((p) => official.decisions[p.id] !== majority.decisions[p.id])
				.map((p) => p.id)
		},
		methods: publicMethods,
		weighting,
		digest: digestBallots(
			digestHeader(ix.proposals, ix.segments, rules, population, totals),
			agg.canonicalTexts()
		)
	};
}

/** The pass over the ballots: weights, then every proposal's tallies. */
function tally(input: CountInput, rules: Rules) {
	const population = rules.weighting === 'population' ? checkPopulation(input) : undefined;
	const cells = !population ? 'none' : population.some((c) => c.ageBand) ? 'areaAge' : 'area';
	const ix = indexInput(input.proposals, input.segments, rules, cells);
	const agg = new BallotAggregate(ix);
	for (const ballot of input.ballots) agg.add(ballot);

	// Population weights per cell; ballots without a cell answer keep weight 1.
	let weighting: WeightingReport | null = null;
	let weightOf: (cell: string) => number = () => 1;
	if (population) {
		const popByCell = new Map<string, number>();
		for (const c of population) {
			const key = cells === 'areaAge' ? `${c.area}\u0000${c.ageBand}` : c.area;
			popByCell.set(key, (popByCell.get(key) ?? 0) + c.population);
		}
		const byCell = agg.ballotsByCell();
		const w = populationWeights(byCell, popByCell);
		weightOf = (cell) => (cell === '' ? 1 : (w.weights.get(cell) ?? 1));
		const noCell = agg.total - [...byCell.values()].reduce((a, b) => a + b, 0);
		weighting = {
			cells: cells === 'areaAge' ? 'areaAge' : 'area',
			table: w.cells.map((c) => ({
				cell: c.key.replace('\u0000', ' / '),
				ballots: c.responses,
				population: c.population,
				weight: c.weight,
				capped: c.capped
			})),
			cappedCells: w.cappedCells.map((k) => k.replace('\u0000', ' / ')),
			cappedBallots: w.cappedResponses,
			unweightedBallots: noCell
		};
	}
	const tallies = agg.tallies(weightOf);
	const totals = applySegmentTotals(ix, tallies, input.segmentTotals ?? []);
	return { population, ix, agg, weighting, weightOf, tallies, totals };
}

/**
 * Every proposal's tallies (overall, by segment, area, channel, users), weighted as the rules
 * say: what the count decides from, without deciding.
 */
export function countTallies(input: CountInput): ProposalTallies[] {
	const parsed = RulesSchema.safeParse(input.rules);
	if (!parsed.success) throw new CountInputError(`Rules: ${parsed.error.issues[0].message}`);
	return tally(input, parsed.data).tallies;
}

/**
 * Puts segments given as totals into the tallies, as if their ballots had named them.
 * @returns the totals, checked, in segment order (as the digest writes them)
 */
function applySegmentTotals(
	ix: CountIndex,
	tallies: ProposalTallies[],
	given: readonly SegmentTotals[]
): SegmentTotals[] {
	const bySegment = new Map<string, SegmentTotals>();
	for (const t of given) {
		const what = `Totals of segment "${t.segment}"`;
		if (!ix.segmentIndex.has(t.segment))
			throw new CountInputError(`${what}: not a segment of this vote`);
		if (bySegment.has(t.segment)) throw new CountInputError(`${what}: given twice`);
		// No ballot may also name it: it would be counted twice.
		if (tallies.length > 0 && tallies[0].bySegment[t.segment].ballots > 0)
			throw new CountInputError(`${what}: ballots name this segment too`);
		const whole = (x: number) => Number.isSafeInteger(x) && x >= 0;
		const amount = (x: number) => Number.isFinite(x) && x >= 0;
		if (!whole(t.ballots) || !amount(t.n))
			throw new CountInputError(`${what}: ballots must be a whole number and n at least 0`);
		for (const id of Object.keys(t.marks)) {
			if (!ix.proposalIndex.has(id))
				throw new CountInputError(`${what}: "${id}" is not a proposal of this vote`);
		}
		ix.proposals.forEach((p, i) => {
			const [w, d] = t.marks[p.id] ?? [0, 0];
			if (!amount(w) || !amount(d) || w + d > t.n * (1 + 1e-9) + 1e-9)
				throw new CountInputError(`${what}: the marks for "${p.id}" do not fit its ballots`);
			tallies[i].bySegment[t.segment] = makeTally(t.ballots, t.n, w, d);
		});
		bySegment.set(t.segment, t);
	}
	return ix.segments.flatMap((s) => {
		const t = bySegment.get(s.id);
		return t ? [t] : [];
	});
}

function checkPopulation(input: CountInput): NonNullable<CountInput['population']> {
	const population = input.population;
	if (!population || population.length === 0) {
		throw new CountInputError('Population weighting is on, but no population figures were given');
	}
	const withBand = population.filter((c) => c.ageBand).length;
	if (withBand > 0 && withBand < population.length) {
		throw new CountInputError(
			'Population figures must all have an age band, or none: cells are areas, or areas by age band'
		);
	}
	for (const c of population) {
		if (!Number.isFinite(c.population) || c.population < 0) {
			throw new CountInputError(`The population of ${c.area} must be a number of at least 0`);
		}
	}
	return population;
}

/** The developments as a costed approval vote: wants are approvals, one voter group per want set. */
function developmentProfile(
	ix: CountIndex,
	agg: BallotAggregate,
	weightOf: (cell: string) => number,
	tieRank: number[],
	rules: Rules
): ApprovalProfile {
	const devs = ix.developments;
	// Identical want sets from different cells merge, weighted by their cells.
	const weights = new Map<string, number>();
	const ws = agg.wantSets;
	for (let e = 0; e < ws.size; e++) {
		const cell = agg.cellKeys[ws.at(e, 0)];
		// One character per development: a short, exact key for the set.
		let set = '';
		for (let k = 1; k < ws.length(e); k++) set += String.fromCharCode(ws.at(e, k));
		weights.set(set, (weights.get(set) ?? 0) + ws.count(e) * weightOf(cell));
	}
	const sets = [...weights.keys()].sort();
	const devRank = devs.map((p) => tieRank[p]);
	return {
		ids: devs.map((p) => ix.proposals[p].id),
		costs: devs.map((p) => ix.proposals[p].amount),
		budget: rules.developmentBudget,
		voters: sets.map((set) => ({
			approvals: Array.from(set, (ch) => ch.charCodeAt(0)),
			weight: weights.get(set) as number
		})),
		tieRank: devRank
	};
}

interface DevelopmentOutcome {
	/** Proposal indices funded, in the order chosen. */
	selected: number[];
	/** Those chosen by Equal Shares itself (not the completion). */
	core: Set<number>;
}

/** Which developments a method funds. */
function developmentOutcome(b: Ballots, method: Method): DevelopmentOutcome {
	const { ix, rules, options } = b;
	const none: DevelopmentOutcome = { selected: [], core: new Set() };
	if (rules.developmentBudget === 0 || ix.developments.length === 0) return none;
	if (method === 'majority') {
		// Rank order; fund each development more people want than don't that still fits.
		let left = rules.developmentBudget;
		const selected: number[] = [];
		for (const p of b.ranking) {
			const prop = ix.proposals[p];
			if (prop.kind !== 'development' || b.tallies[p].overall.net <= 0) continue;
			if (prop.amount <= left) {
				selected.push(p);
				left -= prop.amount;
			}
		}
		return { selected, core: new Set() };
	}
	const pp = b.profile();
	const devs = ix.developments;
	const utility: Utility = options.utility;
	const fill = (start: number[]) =>
		greedy(pp, utility, { start, includeUnsupported: options.fundUnwanted });
	if (method === 'greedy') {
		return { selected: fill([]).map((d) => devs[d]), core: new Set() };
	}
	let core: number[];
	let selected: number[];
	switch (options.completion) {
		case 'none':
			core = equalShares(pp, utility);
			selected = core;
			break;
		case 'add1':
		case 'add1-greedy':
		case 'add1u':
		case 'add1u-greedy': {
			core = equalSharesAdd1(pp, {
				utility,
				integral: options.completion.startsWith('add1u'),
				increment: options.add1Increment
			});
			selected = options.completion.endsWith('-greedy') ? fill(core) : core;
			break;
		}
	}
	return { selected: selected.map((d) => devs[d]), core: new Set(core.map((d) => devs[d])) };
}

interface InternalOutcome extends MethodOutcome {
	/** Savings left out only because the target was already met. */
	notNeeded: Set<number>;
}

/** Decisions of one method: savings by rank (with protection where the method has it). */
function outcome(b: Ballots, method: Method, dev: DevelopmentOutcome): InternalOutcome {
	const { ix, rules } = b;
	const protects = method === 'protected' || method === 'equalShares';
	const decisions: Record<string, Decision> = {};
	for (const p of ix.proposals) decisions[p.id] = 'notSelected';
	const accepted: string[] = [];
	const notNeeded = new Set<number>();
	let saved = 0;
	const target = rules.savingsTarget;
	for (const p of b.ranking) {
		const prop = ix.proposals[p];
		if (prop.kind !== 'saving') continue;
		if (protects && b.findings.protection[p].length > 0) {
			decisions[prop.id] = 'protected';
			continue;
		}
		if (b.tallies[p].overall.net <= 0) continue;
		if (target > 0 && saved >= target) {
			notNeeded.add(p);
			continue;
		}
		decisions[prop.id] = 'accept';
		accepted.push(prop.id);
		saved += prop.amount;
	}
	let spent = 0;
	for (const p of dev.selected) {
		decisions[ix.proposals[p].id] = 'fund';
		spent += ix.proposals[p].amount;
	}
	return {
		method,
		decisions,
		selected: dev.selected.map((p) => ix.proposals[p].id),
		accepted,
		spent,
		saved,
		shortfall: target > 0 ? Math.max(0, target - saved) : 0,
		notNeeded
	};
}
