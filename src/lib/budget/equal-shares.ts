/**
 * The Method of Equal Shares (Peters, Pierczyński, Skowron) for costed approval ballots, and its
 * "Add1" completion, as defined in refdata/DEFINITIONS.md and implemented by pabutools.
 *
 * Each voter starts with an equal share of the budget. Repeatedly, the project whose supporters
 * can pay for it with the smallest ρ is funded, each supporter paying min(their money left,
 * ρ·utility). With cost utilities (a supporter's utility is the project's cost) this tends to
 * fund projects in order of votes; with cardinality utilities (utility 1), in order of votes per
 * cost.
 *
 * Arithmetic: the reference uses exact fractions and is slow (minutes on a city-wide vote). We
 * count in doubles and keep, for every value that decides a choice, a bound on its rounding
 * error. When two candidates cannot be told apart within those bounds, or a project's supporters
 * hold almost exactly its cost, the choice is made in exact rational arithmetic: by integers when
 * every supporter can pay in full (ρ is then cost / (votes · utility)), otherwise by replaying the
 * run so far in exact fractions. Floats decide only what they decide for certain.
 *
 * Add1 runs Equal Shares again and again with a slightly larger share; a run can also prove that
 * the next few shares would give the same outcome, and those runs are skipped
 * (`runEqualShares`, `equalSharesAdd1`).
 */
import * as Q from './rational';
import type { Rational } from './rational';
import { byRank, totalCost, type PreparedProfile } from './approval-profile';

export type Utility = 'cost' | 'cardinality';

/**
 * Relative size of the error bounds. Budgets pass through at most a few hundred subtractions
 * and sums over at most a few million terms, so the real rounding error is below 1e-12 of the
 * values compared; 1e-10 leaves a wide margin and still sends only genuine near ties to exact
 * arithmetic.
 */
const EPS = 1e-10;

/** Supporters with less than this many times the last payment are set aside to find the new one. */
const LOW_FACTOR = 4;
/** Passes over those before sorting them instead. */
const MAX_PASSES = 12;

/** Affordability of a project in this round, as far as floats can tell. */
const UNAFFORDABLE = 0;
const AFFORDABLE = 1;
const UNCERTAIN = 2;

export interface MesRunOptions {
	utility: Utility;
	/** Starting money per voter (per unit of weight), exactly. */
	start: Rational;
	/** Stop early, returning null, as soon as the projects chosen cost more than this. */
	abortAbove?: number;
	/** Resolve every round in exact arithmetic (slow; for tests of the exact path). */
	alwaysExact?: boolean;
}

/** Counters that show how the work went (and how often the exact fallback was needed). */
export interface MesStats {
	/** Runs of Equal Shares (Add1 does many). */
	runs: number;
	/** Add1 steps skipped because a run proved they give the same outcome. */
	skipped: number;
	rounds: number;
	evaluations: number;
	integerTieBreaks: number;
	exactResolutions: number;
}

/** Counters at zero, to pass to the rules and read afterwards. */
export function emptyStats(): MesStats {
	return {
		runs: 0,
		skipped: 0,
		rounds: 0,
		evaluations: 0,
		integerTieBreaks: 0,
		exactResolutions: 0
	};
}

/** The state of one simulation: every voter's money, and what was last found per project. */
interface Sim {
	budgets: Float64Array;
	/** ρ last found, a lower bound on ρ now (ρ never falls during a run), and its error. */
	staleRho: Float64Array;
	staleErr: Float64Array;
	/** Results of the latest evaluation. */
	rho: Float64Array;
	err: Float64Array;
	q: Float64Array;
	status: Uint8Array;
	allRich: Uint8Array;
}

/** Scratch space for runs, reused between the runs of Add1. */
interface Scratch {
	/** The run itself, and a shadow run at a higher start that follows the same choices. */
	lo: Sim;
	hi: Sim;
	order: Int32Array;
	sortBuf: Int32Array;
	lowB: Float64Array;
	lowW: Float64Array;
}

function makeSim(P: number, V: number): Sim {
	return {
		budgets: new Float64Array(V),
		staleRho: new Float64Array(P),
		staleErr: new Float64Array(P),
		rho: new Float64Array(P),
		err: new Float64Array(P),
		q: new Float64Array(P),
		status: new Uint8Array(P),
		allRich: new Uint8Array(P)
	};
}

function makeScratch(pp: PreparedProfile): Scratch {
	const P = pp.projectCount;
	const V = pp.voterCount;
	return {
		lo: makeSim(P, V),
		hi: makeSim(P, V),
		order: new Int32Array(P),
		sortBuf: new Int32Array(V),
		lowB: new Float64Array(V),
		lowW: new Float64Array(V)
	};
}

function resetSim(pp: PreparedProfile, sim: Sim, utility: Utility, start: number): void {
	sim.budgets.fill(start);
	for (let p = 0; p < pp.projectCount; p++) {
		// The payment is at least cost / votes, whatever the start.
		const rho0 = pp.votes[p] > 0 ? (utility === 'cost' ? 1 : pp.cost[p]) / pp.votes[p] : 0;
		sim.staleRho[p] = rho0;
		sim.staleErr[p] = rho0 * EPS;
		sim.q[p] = 0;
	}
}

/** Projects that cost nothing but have a supporter: pabutools funds them before anything else. */
function freeProjects(pp: PreparedProfile): number[] {
	const free: number[] = [];
	for (let p = 0; p < pp.projectCount; p++) if (pp.cost[p] === 0 && pp.votes[p] > 0) free.push(p);
	return byRank(pp, free);
}

/** Projects Equal Shares can choose from: they cost something and someone approves them. */
export function mesCandidates(pp: PreparedProfile): number[] {
	const c: number[] = [];
	for (let p = 0; p < pp.projectCount; p++) if (pp.cost[p] > 0 && pp.votes[p] > 0) c.push(p);
	return c;
}

/** The per-voter share B / n, exactly. */
export function equalShare(pp: PreparedProfile): Rational {
	if (pp.exactTotal.n === 0n) return Q.ZERO;
	return Q.div(Q.rational(BigInt(pp.budget)), pp.exactTotal);
}

/**
 * Exact state of a run, rebuilt by replaying its choices in rational arithmetic. Voters whose
 * money has moved identically share a class, so the replay does one rational operation per class
 * rather than per voter.
 */
class ExactState {
	private readonly voterClass: Int32Array;
	private readonly classBudget: Rational[];

	constructor(
		private readonly pp: PreparedProfile,
		private readonly utility: Utility,
		start: Rational,
		history: readonly number[]
	) {
		this.voterClass = new Int32Array(pp.voterCount);
		this.classBudget = [start];
		for (const s of history) this.select(s);
	}

	/** The payment per unit of weight that funds p, or null if its supporters cannot afford it. */
	payment(p: number): Rational | null {
		const pp = this.pp;
		const weights = pp.exactWeights();
		const byClass = new Map<number, Rational>();
		for (const v of pp.supporters[p]) {
			const c = this.voterClass[v];
			const prev = byClass.get(c);
			byClass.set(c, prev ? Q.add(prev, weights[v]) : weights[v]);
		}
		const classes = [...byClass.keys()].sort((a, b) =>
			Q.compare(this.classBudget[a], this.classBudget[b])
		);
		const cost = Q.rational(BigInt(pp.cost[p]));
		let total = Q.ZERO;
		let remaining = Q.ZERO;
		for (const c of classes) {
			const w = byClass.get(c) as Rational;
			total = Q.add(total, Q.mul(w, this.classBudget[c]));
			remaining = Q.add(remaining, w);
		}
		if (Q.compare(total, cost) < 0) return null;
		// Walk up from the poorest: those who cannot pay the equal payment pay all they have.
		let paid = Q.ZERO;
		for (const c of classes) {
			const q = Q.div(Q.sub(cost, paid), remaining);
			const b = this.classBudget[c];
			if (Q.compare(q, b) <= 0) return q;
			const w = byClass.get(c) as Rational;
			paid = Q.add(paid, Q.mul(w, b));
			remaining = Q.sub(remaining, w);
		}
		throw new Error('Equal Shares: no supporter could pay, although the total covers the cost');
	}

	/** ρ for p (payment divided by the utility of one supporter), or null if unaffordable. */
	rho(p: number): { rho: Rational; q: Rational } | null {
		const q = this.payment(p);
		if (!q) return null;
		const u = this.utility === 'cost' ? Q.rational(BigInt(this.pp.cost[p])) : Q.rational(1n);
		return { rho: Q.div(q, u), q };
	}

	/** Funds s: every supporter pays the payment, or all they have left. */
	select(s: number): Rational {
		const q = this.payment(s);
		if (!q) throw new Error('Equal Shares: replaying a choice its supporters cannot afford');
		const moved = new Map<number, number>();
		for (const v of this.pp.supporters[s]) {
			const c = this.voterClass[v];
			let nc = moved.get(c);
			if (nc === undefined) {
				const b = this.classBudget[c];
				nc = this.classBudget.length;
				this.classBudget.push(Q.compare(b, q) > 0 ? Q.sub(b, q) : Q.ZERO);
				moved.set(c, nc);
			}
			this.voterClass[v] = nc;
		}
		return q;
	}
}

/**
 * Evaluates project p against one simulation's money: whether its supporters can afford it, the
 * payment q, ρ = q / utility, and an error bound on ρ. Writes into the simulation's arrays.
 */
function evaluate(
	pp: PreparedProfile,
	sim: Sim,
	sc: Scratch,
	utility: Utility,
	p: number,
	b0: number
): void {
	const s = pp.supporters[p];
	const sw = pp.supporterWeights[p];
	const budgets = sim.budgets;
	const lowB = sc.lowB;
	const lowW = sc.lowW;
	const c = pp.cost[p];
	const N = pp.votes[p];
	const u = utility === 'cost' ? c : 1;
	const q0 = c / N;
	// The payment only rises during a run, so the last one found is a lower bound to start from.
	const qStart = sim.q[p] > q0 ? sim.q[p] : q0;
	// Supporters with some money but less than `bound` are copied aside: the payment usually
	// settles below it, so only they need looking at again. The penniless pay all they have
	// (nothing) whatever q is, so they are only counted.
	const bound = LOW_FACTOR * qStart;
	let total = 0;
	let minB = Infinity;
	let zeroWeight = 0;
	let nLow = 0;
	for (let j = 0; j < s.length; j++) {
		const b = budgets[s[j]];
		const w = sw[j];
		total += w * b;
		if (b < bound) {
			if (b < minB) minB = b;
			if (b === 0) zeroWeight += w;
			else {
				lowB[nLow] = b;
				lowW[nLow] = w;
				nLow++;
			}
		}
	}
	// Absolute error bound on any sum of these supporters' money.
	const E = (N * b0 + c) * EPS;
	if (total < c - E) {
		sim.status[p] = UNAFFORDABLE;
		return;
	}
	if (total <= c + E) {
		sim.status[p] = UNCERTAIN;
		return;
	}
	// Newton's method on Σ min(b, q)·w = c from below: those who cannot pay q pay all they have,
	// the rest share what is left. The set of the poor only grows as q rises towards the answer,
	// and once a step adds no one, q is the answer.
	let q = qStart;
	let poorWeight = -1;
	for (let pass = 0; ; pass++) {
		let ps = 0;
		let pw = zeroWeight;
		for (let j = 0; j < nLow; j++) {
			const b = lowB[j];
			if (b < q) {
				ps += lowW[j] * b;
				pw += lowW[j];
			}
		}
		if (pw === poorWeight) break;
		poorWeight = pw;
		q = (c - ps) / (N - pw);
		if (q >= bound || pass === MAX_PASSES) {
			// Someone above the bound may be poor after all: do it the slow, sure way.
			const r = waterfillBySorting(pp, budgets, sc, p);
			q = r.q;
			poorWeight = r.poorWeight;
			break;
		}
	}
	const rich = N - poorWeight;
	if (!(rich > 0) || !Number.isFinite(q)) {
		sim.status[p] = UNCERTAIN;
		return;
	}
	sim.status[p] = AFFORDABLE;
	sim.q[p] = q;
	sim.rho[p] = q / u;
	sim.err[p] = E / rich / u + (q / u) * EPS;
	// Everyone pays in full, for certain: then ρ = cost / (votes · utility) exactly.
	sim.allRich[p] = poorWeight === 0 && minB - q0 > (b0 + q0) * EPS ? 1 : 0;
}

/** The payment for p, and the weight of those who pay all they have, by sorting supporters. */
function waterfillBySorting(
	pp: PreparedProfile,
	budgets: Float64Array,
	sc: Scratch,
	p: number
): { q: number; poorWeight: number } {
	const s = pp.supporters[p];
	const idx = sc.sortBuf.subarray(0, s.length);
	idx.set(s);
	idx.sort((a, b) => budgets[a] - budgets[b]);
	let paid = 0;
	let poorWeight = 0;
	const N = pp.votes[p];
	const c = pp.cost[p];
	let q = c / N;
	for (let j = 0; j < idx.length; j++) {
		const v = idx[j];
		q = (c - paid) / (N - poorWeight);
		if (q <= budgets[v]) break;
		paid += pp.weight[v] * budgets[v];
		poorWeight += pp.weight[v];
	}
	return { q, poorWeight };
}

/** Supporters of p pay q each, or all they have when that is less. */
function pay(pp: PreparedProfile, budgets: Float64Array, p: number, q: number): void {
	const s = pp.supporters[p];
	for (let j = 0; j < s.length; j++) {
		const v = s[j];
		const b = budgets[v];
		budgets[v] = b < q ? 0 : b - q;
	}
}

/** Sorts the live candidates by their last known ρ (a lower bound on their ρ now), then rank. */
function sortOrder(pp: PreparedProfile, sc: Scratch, m: number): void {
	const order = sc.order;
	const key = sc.lo.staleRho;
	const rank = pp.rank;
	// Insertion sort: only the few projects evaluated last round have moved.
	for (let i = 1; i < m; i++) {
		const p = order[i];
		const k = key[p];
		let j = i - 1;
		while (j >= 0 && (key[order[j]] > k || (key[order[j]] === k && rank[order[j]] > rank[p]))) {
			order[j + 1] = order[j];
			j--;
		}
		order[j + 1] = p;
	}
}

export interface MesRun {
	/** Project indices in the order chosen (free supported projects first). */
	selected: number[];
	/** True when the run proved that every start up to `upper` gives exactly this outcome. */
	certified: boolean;
}

/**
 * One run of the Method of Equal Shares from the given starting money per voter.
 *
 * With `upper`, it also tries to prove that every start between `start` and `upper` gives the
 * same outcome. Along one sequence of choices, more starting money never leaves a voter with
 * less, so every payment and every ρ can only be lower. A shadow run from `upper` follows the
 * same choices; if at every round the winner's ρ from `start` is clearly below every other
 * candidate's ρ from `upper`, and the projects dropped as unaffordable are unaffordable from
 * `upper` too, then every start in between makes the same choices.
 * @returns the outcome, or null when `abortAbove` is set and the chosen projects came to cost
 * more than it
 */
export function runEqualShares(
	pp: PreparedProfile,
	options: MesRunOptions & { upper?: Rational },
	stats?: MesStats,
	scratch?: Scratch
): MesRun | null {
	const sc = scratch ?? makeScratch(pp);
	const utility = options.utility;
	const lo = sc.lo;
	const hi = sc.hi;
	const b0 = Q.toNumber(options.start);
	let certifying = options.upper !== undefined && !options.alwaysExact;
	const b1 = certifying ? Q.toNumber(options.upper as Rational) : b0;
	const selected = freeProjects(pp);
	if (stats) stats.runs++;
	let spent = 0;
	resetSim(pp, lo, utility, b0);
	if (certifying) resetSim(pp, hi, utility, b1);
	// At the start every supporter has the same money, so a project whose supporters hold less
	// than its cost in total is dropped without looking at them one by one.
	let m = 0;
	for (const p of mesCandidates(pp)) {
		const c = pp.cost[p];
		const N = pp.votes[p];
		const E = (N * b0 + c) * EPS;
		if (N * b0 < c - E) {
			// Dropped from the lower start; a proof needs it dropped from the higher one too.
			if (certifying && !(N * b1 < c - (N * b1 + c) * EPS)) certifying = false;
			continue;
		}
		sc.order[m++] = p;
	}
	sortOrder(pp, sc, m);
	// Choices made after the free projects, for replaying in exact arithmetic.
	const history: number[] = [];
	const dropped = new Set<number>();
	const contenders: number[] = [];

	while (m > 0) {
		if (stats) stats.rounds++;
		let best = Infinity;
		let bestErr = 0;
		let evaluated = 0;
		for (; evaluated < m; evaluated++) {
			const p = sc.order[evaluated];
			// ρ never falls during a run, so a stale ρ clearly above the best cannot win.
			if (lo.staleRho[p] - lo.staleErr[p] > best + bestErr) break;
			evaluate(pp, lo, sc, utility, p, b0);
			if (stats) stats.evaluations++;
			if (lo.status[p] === AFFORDABLE) {
				lo.staleRho[p] = lo.rho[p];
				lo.staleErr[p] = lo.err[p];
				if (lo.rho[p] < best) {
					best = lo.rho[p];
					bestErr = lo.err[p];
				}
			}
		}
		// Contenders: everything evaluated that could be, within error, the best this round.
		contenders.length = 0;
		dropped.clear();
		let allCertainRich = true;
		for (let k = 0; k < evaluated; k++) {
			const p = sc.order[k];
			const st = lo.status[p];
			if (st === UNAFFORDABLE) {
				dropped.add(p);
				continue;
			}
			if (st === UNCERTAIN || lo.rho[p] - lo.err[p] <= best + bestErr || options.alwaysExact) {
				contenders.push(p);
				if (st !== AFFORDABLE || !lo.allRich[p]) allCertainRich = false;
			}
		}
		let winner = -1;
		let payment = 0;
		let exactUsed = false;
		if (
			contenders.length === 1 &&
			lo.status[contenders[0]] === AFFORDABLE &&
			!options.alwaysExact
		) {
			winner = contenders[0];
			payment = lo.q[winner];
		} else if (
			contenders.length > 1 &&
			allCertainRich &&
			pp.integerWeights &&
			!options.alwaysExact
		) {
			// Everyone pays in full: ρ = cost / (votes · utility), compared in integers.
			if (stats) stats.integerTieBreaks++;
			winner = contenders[0];
			for (let k = 1; k < contenders.length; k++) {
				const p = contenders[k];
				const cmp = compareFullPayment(pp, utility, p, winner);
				if (cmp < 0 || (cmp === 0 && pp.rank[p] < pp.rank[winner])) winner = p;
			}
			payment = lo.q[winner];
		} else if (contenders.length > 0) {
			if (stats) stats.exactResolutions++;
			exactUsed = true;
			const exact = new ExactState(pp, utility, options.start, history);
			let bestExact: Rational | null = null;
			let bestQ: Rational | null = null;
			for (const p of contenders) {
				const r = exact.rho(p);
				if (!r) {
					dropped.add(p);
					continue;
				}
				// Keep the exact value as this project's lower bound for the next rounds.
				lo.staleRho[p] = Q.toNumber(r.rho);
				lo.staleErr[p] = lo.staleRho[p] * EPS;
				const cmp = bestExact ? Q.compare(r.rho, bestExact) : -1;
				if (cmp < 0 || (cmp === 0 && pp.rank[p] < pp.rank[winner])) {
					winner = p;
					bestExact = r.rho;
					bestQ = r.q;
				}
			}
			if (bestQ) payment = Q.toNumber(bestQ);
		}
		if (certifying) {
			// A near tie settled in exact fractions holds at this start only: prove nothing.
			certifying = !exactUsed && certifyRound(pp, sc, utility, b1, m, winner, dropped, contenders);
		}
		// Remove the dropped and the winner, keeping the order of the rest.
		let w = 0;
		for (let k = 0; k < m; k++) {
			const p = sc.order[k];
			if (p === winner || dropped.has(p)) continue;
			sc.order[w++] = p;
		}
		m = w;
		if (winner < 0) {
			// Nothing affordable this round. Every candidate was evaluated (the best stayed at
			// infinity), so once the unaffordable are dropped the run is over.
			if (dropped.size === 0) break;
			continue;
		}
		selected.push(winner);
		history.push(winner);
		spent += pp.cost[winner];
		if (options.abortAbove !== undefined && spent > options.abortAbove) return null;
		pay(pp, lo.budgets, winner, payment);
		if (certifying) pay(pp, hi.budgets, winner, hi.q[winner]);
		sortOrder(pp, sc, m);
	}
	return { selected, certified: certifying };
}

/**
 * Checks, for the shadow run from the higher start, that this round's choice is the same for
 * every start in between (see `runEqualShares`). Evaluates projects in the shadow run as needed;
 * on success the shadow run knows the winner's payment.
 */
function certifyRound(
	pp: PreparedProfile,
	sc: Scratch,
	utility: Utility,
	b1: number,
	m: number,
	winner: number,
	dropped: ReadonlySet<number>,
	contenders: readonly number[]
): boolean {
	const lo = sc.lo;
	const hi = sc.hi;
	// Dropped from the lower start: must be unaffordable from the higher one too (money only
	// grows with the start, so they are then unaffordable everywhere in between).
	for (const p of dropped) {
		evaluate(pp, hi, sc, utility, p, b1);
		if (hi.status[p] !== UNAFFORDABLE) return false;
	}
	if (winner < 0) return true;
	evaluate(pp, hi, sc, utility, winner, b1);
	if (hi.status[winner] !== AFFORDABLE) return false;
	hi.staleRho[winner] = hi.rho[winner];
	hi.staleErr[winner] = hi.err[winner];
	// The winner's ρ is at most its ρ from the lower start; every other candidate's at least its
	// ρ from the higher start. They must be clearly apart.
	const top = lo.rho[winner] + lo.err[winner];
	for (let k = 0; k < m; k++) {
		const p = sc.order[k];
		if (p === winner || dropped.has(p)) continue;
		if (hi.staleRho[p] - hi.staleErr[p] > top) continue;
		evaluate(pp, hi, sc, utility, p, b1);
		const st = hi.status[p];
		// Unaffordable from the higher start: unaffordable from any start in between, so it
		// cannot win this round.
		if (st === UNAFFORDABLE) continue;
		if (st !== AFFORDABLE) return false;
		hi.staleRho[p] = hi.rho[p];
		hi.staleErr[p] = hi.err[p];
		if (hi.rho[p] - hi.err[p] > top) continue;
		// A tie that does not depend on the start: both fully paid by all their supporters from
		// the lower start (so from any higher one), decided by the same integer comparison.
		if (lo.allRich[winner] && lo.allRich[p] && contenders.includes(p) && pp.integerWeights) {
			continue;
		}
		return false;
	}
	return true;
}

/** Compares ρ of two projects whose supporters all pay in full, exactly. */
function compareFullPayment(pp: PreparedProfile, utility: Utility, a: number, b: number): number {
	// ρ = cost / (votes · utility): 1 / votes for cost utilities, cost / votes for cardinality.
	const va = BigInt(pp.votes[a]);
	const vb = BigInt(pp.votes[b]);
	if (utility === 'cost') return va > vb ? -1 : va < vb ? 1 : 0;
	const l = BigInt(pp.cost[a]) * vb;
	const r = BigInt(pp.cost[b]) * va;
	return l < r ? -1 : l > r ? 1 : 0;
}

/** Plain Method of Equal Shares: every voter starts with B / n, no completion. */
export function equalShares(
	pp: PreparedProfile,
	utility: Utility,
	stats?: MesStats,
	alwaysExact = false
): number[] {
	return runEqualShares(pp, { utility, start: equalShare(pp), alwaysExact }, stats)?.selected ?? [];
}

export interface Add1Options {
	utility: Utility;
	/** Start from floor(B / n) instead of B / n (the equalshares.net "integral" option). */
	integral?: boolean;
	/** Money added to every voter's share at each step, in the units of the costs (default 1). */
	increment?: number;
	/**
	 * Stop at the first exhaustive outcome (default). Without it, keep raising the share while the
	 * outcome still fits the budget (the "_noexh" variants).
	 */
	exhaustiveStop?: boolean;
	/** Resolve every choice exactly and never skip a step (slow; for tests). */
	alwaysExact?: boolean;
}

/** Add1 asked to do something it cannot (a bad increment, or a loop that would never end). */
export class Add1Error extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'Add1Error';
	}
}

/**
 * Iterated Method of Equal Shares ("Add1"): run with B/n, B/n + 1, B/n + 2, ... per voter; stop at
 * the first outcome that is exhaustive (no unchosen candidate fits in what is left of B), or
 * return the previous outcome as soon as one costs more than B.
 *
 * A run can also prove that the next few steps repeat its outcome (see `runEqualShares`); such
 * steps would be feasible and not exhaustive, changing nothing, so they are skipped. How many to
 * try for grows while proofs succeed and shrinks when they fail. The answer is the one trying
 * every step would give.
 */
export function equalSharesAdd1(
	pp: PreparedProfile,
	options: Add1Options,
	stats?: MesStats
): number[] {
	const increment = options.increment ?? 1;
	if (!Number.isSafeInteger(increment) || increment < 1) {
		throw new Add1Error('The Add1 increment must be a whole number of at least 1');
	}
	const exhaustiveStop = options.exhaustiveStop ?? true;
	const B = pp.budget;
	const cands = mesCandidates(pp);
	if (!exhaustiveStop && totalCost(pp, cands) <= B) {
		throw new Add1Error(
			'Add1 without the exhaustive stop never ends here: every supported project fits in the budget'
		);
	}
	let start = equalShare(pp);
	if (options.integral) start = Q.rational(Q.floor(start));
	const step = BigInt(increment);
	const scratch = makeScratch(pp);
	let previous = freeProjects(pp);
	const chosen = new Uint8Array(pp.projectCount);
	let ahead = options.alwaysExact ? 0 : 1;
	let lastProved = false;
	let failures = 0;
	let bare = 0;
	for (;;) {
		const upper = ahead > 0 ? Q.add(start, Q.rational(BigInt(ahead) * step)) : undefined;
		const run = runEqualShares(
			pp,
			{ utility: options.utility, start, abortAbove: B, alwaysExact: options.alwaysExact, upper },
			stats,
			scratch
		);
		if (!run) return previous;
		const outcome = run.selected;
		if (exhaustiveStop) {
			const spent = totalCost(pp, outcome);
			chosen.fill(0);
			for (const p of outcome) chosen[p] = 1;
			let exhaustive = true;
			for (const p of cands) {
				if (!chosen[p] && spent + pp.cost[p] <= B) {
					exhaustive = false;
					break;
				}
			}
			if (exhaustive) return outcome;
		}
		previous = outcome;
		let steps = 1;
		if (options.alwaysExact) {
			// No proofs: every step is run.
		} else if (run.certified && ahead > 0) {
			steps = ahead + 1;
			if (stats) stats.skipped += ahead;
			// Reach further only after two proofs in a row: a failed proof costs a shadow run.
			if (lastProved) ahead *= 2;
			lastProved = true;
			failures = 0;
		} else if (ahead > 1) {
			ahead = Math.floor(ahead / 2);
			lastProved = false;
		} else if (ahead === 1) {
			// Even one step could not be proved: where the outcome changes at nearly every step,
			// proofs only cost time, so wait longer and longer before trying again.
			failures++;
			ahead = 0;
			bare = 2 ** Math.min(failures, 6);
			lastProved = false;
		} else if (--bare <= 0) {
			ahead = 1;
		}
		start = Q.add(start, Q.rational(BigInt(steps) * step));
	}
}
