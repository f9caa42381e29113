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
 * Add1 runs Equal Shares again and again with a slightly larger share. Only the step where it
 * stops matters, so whole ranges of steps are skipped once a range proof shows that none of them
 * could stop it (`RangeProof`, `equalSharesAdd1`).
 */
import * as Q from '../rational';
import type { Rational } from '../rational';
import { byRank, totalCost, type PreparedProfile } from '../approval-profile';

export type Utility = 'cost' | 'cardinality';

/**
 * Relative size of the error bounds. Budgets pass through at most a few hundred subtractions
 * and sums over at most a few million terms, so the real rounding error is below 1e-12 of the
 * values compared; 1e-10 leaves a wide margin and still sends only genuine near ties to exact
 * arithmetic.
 */
const EPS = 1e-10;

/**
 * Absolute error bound on any float sum of the money of a project's supporters (total weight N,
 * each holding at most b0), as compared with its cost c.
 */
function sumError(N: number, c: number, b0: number): number {
	return (N * b0 + c) * EPS;
}

/**
 * Supporters with less than this many times the last payment are set aside to find the new one.
 * Set by measurement: the payment rarely moves far, so a narrow band sets few aside and Newton's
 * steps over them are short; a wider one (4 was tried) costs more than the rescans it saves.
 */
const LOW_FACTOR = 1.5;
/**
 * In range proofs, a project whose supporters' money is bounded by less than this many times
 * its cost is first totalled alone at hi: it is often unaffordable there (and so everywhere in
 * the range), which that settles at half the cost of a full evaluation.
 */
const UB_PREDICT = 1.3;
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
	/** Add1 steps not run because a range proof showed they could not stop Add1. */
	skipped: number;
	rounds: number;
	/** Projects' payments worked out, in runs and in range proofs. */
	evaluations: number;
	integerTieBreaks: number;
	exactResolutions: number;
	/**
	 * Supporters looked at, in evaluations and payments: a measure of the work done that, unlike
	 * time, does not depend on the machine or on its other load.
	 */
	work: number;
}

/** Counters at zero, to pass to the rules and read afterwards. */
export function emptyStats(): MesStats {
	return {
		runs: 0,
		skipped: 0,
		rounds: 0,
		evaluations: 0,
		integerTieBreaks: 0,
		exactResolutions: 0,
		work: 0
	};
}

/** The state of one simulation: every voter's money, and what was last found per project. */
interface Sim {
	budgets: Float64Array;
	/**
	 * A certain lower bound on each project's ρ now: the last ρ found less its error bound. ρ never
	 * falls while money only falls (during a run, or down one branch of a range proof).
	 */
	low: Float64Array;
	/** Results of the latest evaluation. */
	rho: Float64Array;
	err: Float64Array;
	q: Float64Array;
	status: Uint8Array;
	allRich: Uint8Array;
	/**
	 * A certain upper bound on the exact total money of each project's supporters: set by each
	 * evaluation, lowered by range proofs as money is paid (`RangeProof.lowerTotals`), so that a
	 * project can be found unaffordable without looking at its supporters.
	 */
	ub: Float64Array;
}

/**
 * Each project's supporters and their weights, of which only the first `live[p]` can have any
 * money; the rest, of total weight `deadW[p]`, have none. Runs use the profile's lists whole;
 * a range proof keeps copies, and moves to the end of a list whoever it finds with nothing left
 * at hi (so nothing at lo either), since money only falls down a branch (`evaluatePair`).
 */
interface SupporterLists {
	sup: Int32Array[];
	supW: Float64Array[];
	live: Int32Array;
	deadW: Float64Array;
}

function wholeLists(pp: PreparedProfile): SupporterLists {
	return {
		sup: pp.supporters,
		supW: pp.supporterWeights,
		live: Int32Array.from(pp.supporters, (s) => s.length),
		deadW: new Float64Array(pp.projectCount)
	};
}

/** Scratch space for runs, reused between the runs of Add1. */
interface Scratch {
	/**
	 * The run itself; in a range proof, the lower and the upper bounds on everyone's money.
	 */
	lo: Sim;
	hi: Sim;
	order: Int32Array;
	sortBuf: Int32Array;
	lowB: Float64Array;
	lowW: Float64Array;
	/** The same for hi, in evaluations at lo and hi at once. */
	lowB2: Float64Array;
	lowW2: Float64Array;
	/** The profile's supporter lists, whole. */
	whole: SupporterLists;
	/**
	 * Supporters looked at so far (in evaluations and payments): the measure of work by which
	 * Add1 weighs range proofs against plain runs.
	 */
	work: number;
}

function makeSim(P: number, V: number): Sim {
	return {
		budgets: new Float64Array(V),
		low: new Float64Array(P),
		rho: new Float64Array(P),
		err: new Float64Array(P),
		q: new Float64Array(P),
		status: new Uint8Array(P),
		allRich: new Uint8Array(P),
		ub: new Float64Array(P)
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
		lowW: new Float64Array(V),
		lowB2: new Float64Array(V),
		lowW2: new Float64Array(V),
		whole: wholeLists(pp),
		work: 0
	};
}

function resetSim(pp: PreparedProfile, sim: Sim, utility: Utility, start: number): void {
	sim.budgets.fill(start);
	for (let p = 0; p < pp.projectCount; p++) {
		// The payment is at least cost / votes, whatever the start.
		const rho0 = pp.votes[p] > 0 ? (utility === 'cost' ? 1 : pp.cost[p]) / pp.votes[p] : 0;
		sim.low[p] = rho0 * (1 - EPS);
		sim.q[p] = 0;
		sim.ub[p] = pp.votes[p] * start;
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
	b0: number,
	L: SupporterLists = sc.whole
): void {
	const s = L.sup[p];
	const sw = L.supW[p];
	const n = L.live[p];
	const budgets = sim.budgets;
	sc.work += n;
	const lowB = sc.lowB;
	const lowW = sc.lowW;
	const q0 = pp.cost[p] / pp.votes[p];
	// The payment only rises during a run, so the last one found is a lower bound to start from.
	const qStart = sim.q[p] > q0 ? sim.q[p] : q0;
	// Those with less than qStart cannot pay the payment (it is at least qStart): they pay all
	// they have, so the scan sums them. Supporters with at least qStart but less than `bound` are
	// copied aside: the payment usually settles below the bound, so only they need looking at
	// again.
	const bound = LOW_FACTOR * qStart;
	let total = 0;
	let poorSum = 0;
	let poorW = L.deadW[p];
	let nLow = 0;
	for (let j = 0; j < n; j++) {
		const b = budgets[s[j]];
		const w = sw[j];
		total += w * b;
		if (b < bound) {
			if (b < qStart) {
				poorSum += w * b;
				poorW += w;
			} else {
				lowB[nLow] = b;
				lowW[nLow] = w;
				nLow++;
			}
		}
	}
	finishEvaluation(pp, sim, sc, utility, p, b0, L, qStart, total, poorSum, poorW, lowB, lowW, nLow);
}

/**
 * `evaluate` at two simulations at once (a range proof's lo and hi): one pass over the
 * supporters, with the same sums in the same order, so the same results as two evaluations.
 */
function evaluatePair(
	pp: PreparedProfile,
	lo: Sim,
	hi: Sim,
	sc: Scratch,
	utility: Utility,
	p: number,
	loB0: number,
	hiB0: number,
	L: SupporterLists
): void {
	const s = L.sup[p];
	const sw = L.supW[p];
	let n = L.live[p];
	const loBudgets = lo.budgets;
	const hiBudgets = hi.budgets;
	const c = pp.cost[p];
	if (hi.ub[p] < UB_PREDICT * c) {
		// Likely unaffordable at hi, and then at lo too (its money is no more than hi's): a
		// total alone settles both.
		let hiT = 0;
		for (let j = 0; j < n; j++) hiT += sw[j] * hiBudgets[s[j]];
		sc.work += n;
		const E = sumError(pp.votes[p], c, hiB0);
		if (hiT + E < hi.ub[p]) hi.ub[p] = hiT + E;
		if (hiT < c - E) {
			hi.status[p] = UNAFFORDABLE;
			lo.status[p] = UNAFFORDABLE;
			return;
		}
	}
	sc.work += 2 * n;
	const lowB = sc.lowB;
	const lowW = sc.lowW;
	const lowB2 = sc.lowB2;
	const lowW2 = sc.lowW2;
	const q0 = pp.cost[p] / pp.votes[p];
	const loStart = lo.q[p] > q0 ? lo.q[p] : q0;
	const hiStart = hi.q[p] > q0 ? hi.q[p] : q0;
	const loBound = LOW_FACTOR * loStart;
	const hiBound = LOW_FACTOR * hiStart;
	let dead = L.deadW[p];
	let loTotal = 0;
	let loPoorSum = 0;
	let nLo = 0;
	let hiTotal = 0;
	let hiPoorSum = 0;
	// Weights of the poor, less those with nothing at hi (counted in `dead`).
	let loPoorW = 0;
	let hiPoorW = 0;
	let nHi = 0;
	for (let j = 0; j < n;) {
		const v = s[j];
		const w = sw[j];
		const h = hiBudgets[v];
		if (h === 0) {
			// Nothing left at hi, so nothing at lo: move to the end of the list, out of later scans
			// on this branch.
			n--;
			s[j] = s[n];
			sw[j] = sw[n];
			s[n] = v;
			sw[n] = w;
			dead += w;
			continue;
		}
		j++;
		const b = loBudgets[v];
		loTotal += w * b;
		if (b < loBound) {
			if (b < loStart) {
				loPoorSum += w * b;
				loPoorW += w;
			} else {
				lowB[nLo] = b;
				lowW[nLo] = w;
				nLo++;
			}
		}
		hiTotal += w * h;
		if (h < hiBound) {
			if (h < hiStart) {
				hiPoorSum += w * h;
				hiPoorW += w;
			} else {
				lowB2[nHi] = h;
				lowW2[nHi] = w;
				nHi++;
			}
		}
	}
	L.live[p] = n;
	L.deadW[p] = dead;
	finishEvaluation(
		pp,
		lo,
		sc,
		utility,
		p,
		loB0,
		L,
		loStart,
		loTotal,
		loPoorSum,
		loPoorW + dead,
		lowB,
		lowW,
		nLo
	);
	finishEvaluation(
		pp,
		hi,
		sc,
		utility,
		p,
		hiB0,
		L,
		hiStart,
		hiTotal,
		hiPoorSum,
		hiPoorW + dead,
		lowB2,
		lowW2,
		nHi
	);
}

/**
 * The rest of an evaluation, from the scan's sums: those with less than qStart (poorW, poorSum),
 * and those set aside with at least qStart but less than LOW_FACTOR · qStart (lowB, lowW).
 */
function finishEvaluation(
	pp: PreparedProfile,
	sim: Sim,
	sc: Scratch,
	utility: Utility,
	p: number,
	b0: number,
	L: SupporterLists,
	qStart: number,
	total: number,
	poorSum: number,
	poorW: number,
	lowB: Float64Array,
	lowW: Float64Array,
	nLow: number
): void {
	const c = pp.cost[p];
	const N = pp.votes[p];
	const u = utility === 'cost' ? c : 1;
	const q0 = c / N;
	const bound = LOW_FACTOR * qStart;
	const E = sumError(N, c, b0);
	if (total + E < sim.ub[p]) sim.ub[p] = total + E;
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
	// and once a step adds no one, q is the answer. The first step, from qStart, is the scan's.
	let poorWeight = poorW;
	let q = (c - poorSum) / (N - poorW);
	let from = qStart;
	/** Whether some of those set aside have been dropped from the list (as poor). */
	let dropped = false;
	let limit = bound;
	for (let pass = 1; ; pass++) {
		if (q >= limit && q < Infinity && pass <= MAX_PASSES) {
			// Past the bound: someone not set aside may be poor. Newton's steps stay below the
			// answer, so scan again from this one, as from qStart.
			const s = L.sup[p];
			const sw = L.supW[p];
			const n = L.live[p];
			const budgets = sim.budgets;
			sc.work += n;
			from = q;
			limit = LOW_FACTOR * q;
			poorSum = 0;
			poorW = L.deadW[p];
			nLow = 0;
			dropped = false;
			for (let j = 0; j < n; j++) {
				const b = budgets[s[j]];
				if (b < limit) {
					const w = sw[j];
					if (b < from) {
						poorSum += w * b;
						poorW += w;
					} else {
						lowB[nLow] = b;
						lowW[nLow] = w;
						nLow++;
					}
				}
			}
			poorWeight = poorW;
			q = (c - poorSum) / (N - poorW);
			continue;
		}
		// Below the start by more than rounding (it was no lower bound), or too many steps:
		// someone's status may be wrong. Do it the slow, sure way.
		if (!(q < limit && q >= from * (1 - 1e-12)) || pass > MAX_PASSES) {
			const r = waterfillBySorting(pp, sim.budgets, sc, p);
			q = r.q;
			poorWeight = r.poorWeight;
			break;
		}
		// Those who cannot pay q join the poor for good (q only rises): add them to the sums and
		// drop them from the set-aside list, so that later steps look only at the rest. The sums
		// then come in another order than a fresh pass's, which the error bound E allows (it
		// bounds any sum of these supporters' money).
		let kept = 0;
		for (let j = 0; j < nLow; j++) {
			const b = lowB[j];
			const w = lowW[j];
			if (b < q) {
				poorSum += w * b;
				poorW += w;
			} else {
				lowB[kept] = b;
				lowW[kept] = w;
				kept++;
			}
		}
		if (kept === nLow) break;
		nLow = kept;
		dropped = true;
		poorWeight = poorW;
		q = (c - poorSum) / (N - poorW);
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
	// Everyone pays in full, for certain: then ρ = cost / (votes · utility) exactly. (With no one
	// poor, no one had less than qStart: the least money is among those set aside, if any.)
	let allRich = 0;
	// (After the sorting fallback, the list may have lost some; then make no claim.)
	if (poorWeight === 0 && !dropped) {
		let minB = Infinity;
		for (let j = 0; j < nLow; j++) if (lowB[j] < minB) minB = lowB[j];
		allRich = minB - q0 > (b0 + q0) * EPS ? 1 : 0;
	}
	sim.allRich[p] = allRich;
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

/**
 * A range proof's payment at lo and hi by the first n supporters in S (as `pay`), first saving
 * their money in `undo` from `top` when given. Kept out of `RangeProof.visit`, which recurses:
 * a long loop inside it is entered by on-stack replacement and left again at every return, which
 * threw V8 back to slow code about 650 times per Add1 on Budapest 2024.
 */
function payBoth(
	loB: Float64Array,
	hiB: Float64Array,
	S: Int32Array,
	n: number,
	ql: number,
	qh: number,
	undo: Float64Array | null,
	top: number
): void {
	for (let j = 0; j < n; j++) {
		const v = S[j];
		const b = loB[v];
		const h = hiB[v];
		if (undo) {
			undo[top + 2 * j] = b;
			undo[top + 2 * j + 1] = h;
		}
		loB[v] = b < ql ? 0 : b - ql;
		hiB[v] = h < qh ? 0 : h - qh;
	}
}

/** Puts back the money `payBoth` saved. */
function restoreBoth(
	loB: Float64Array,
	hiB: Float64Array,
	S: Int32Array,
	n: number,
	undo: Float64Array,
	top: number
): void {
	for (let j = 0; j < n; j++) {
		loB[S[j]] = undo[top + 2 * j];
		hiB[S[j]] = undo[top + 2 * j + 1];
	}
}

/** Sorts projects by the simulation's lower bound on their ρ, then by rank. */
function sortOrder(pp: PreparedProfile, sim: Sim, order: Int32Array, m: number): void {
	const key = sim.low;
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

/**
 * One run of the Method of Equal Shares from the given starting money per voter.
 * @returns project indices in the order chosen (free supported projects first), or null when
 * `abortAbove` is set and the chosen projects came to cost more than it
 */
function runEqualShares(
	pp: PreparedProfile,
	options: MesRunOptions,
	stats?: MesStats,
	scratch?: Scratch
): number[] | null {
	const sc = scratch ?? makeScratch(pp);
	const utility = options.utility;
	const lo = sc.lo;
	const b0 = Q.toNumber(options.start);
	const selected = freeProjects(pp);
	if (stats) stats.runs++;
	const workBefore = sc.work;
	let spent = 0;
	let aborted = false;
	resetSim(pp, lo, utility, b0);
	// At the start every supporter has the same money, so a project whose supporters hold less
	// than its cost in total is dropped without looking at them one by one.
	let m = 0;
	for (const p of mesCandidates(pp)) {
		const c = pp.cost[p];
		const N = pp.votes[p];
		if (N * b0 < c - sumError(N, c, b0)) continue;
		sc.order[m++] = p;
	}
	sortOrder(pp, lo, sc.order, m);
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
			// ρ never falls during a run, so a project whose lower bound is clearly above the best
			// cannot win (nor can those after it in the order).
			if (lo.low[p] > best + bestErr) break;
			evaluate(pp, lo, sc, utility, p, b0);
			if (stats) stats.evaluations++;
			if (lo.status[p] === AFFORDABLE) {
				lo.low[p] = lo.rho[p] - lo.err[p];
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
				if (beatsFullPayment(pp, utility, p, winner)) winner = p;
			}
			payment = lo.q[winner];
		} else if (contenders.length > 0) {
			if (stats) stats.exactResolutions++;
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
				lo.low[p] = Q.toNumber(r.rho) * (1 - EPS);
				const cmp = bestExact ? Q.compare(r.rho, bestExact) : -1;
				if (cmp < 0 || (cmp === 0 && pp.rank[p] < pp.rank[winner])) {
					winner = p;
					bestExact = r.rho;
					bestQ = r.q;
				}
			}
			if (bestQ) payment = Q.toNumber(bestQ);
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
		if (options.abortAbove !== undefined && spent > options.abortAbove) {
			aborted = true;
			break;
		}
		pay(pp, lo.budgets, winner, payment);
		sc.work += pp.supporters[winner].length;
		sortOrder(pp, lo, sc.order, m);
	}
	if (stats) stats.work += sc.work - workBefore;
	return aborted ? null : selected;
}

/**
 * Whether a beats b when every supporter of both pays in full: ρ = cost / (votes · utility),
 * compared exactly in integers, then the tie-break rank.
 */
function beatsFullPayment(pp: PreparedProfile, utility: Utility, a: number, b: number): boolean {
	// 1 / votes for cost utilities, cost / votes for cardinality. Costs and (integer) votes are
	// whole numbers, so products below 2^53 are exact in doubles; larger ones go to BigInt.
	if (utility === 'cost') {
		const d = pp.votes[b] - pp.votes[a];
		return d < 0 || (d === 0 && pp.rank[a] < pp.rank[b]);
	}
	const lf = pp.cost[a] * pp.votes[b];
	const rf = pp.cost[b] * pp.votes[a];
	if (lf <= Number.MAX_SAFE_INTEGER && rf <= Number.MAX_SAFE_INTEGER) {
		return lf < rf || (lf === rf && pp.rank[a] < pp.rank[b]);
	}
	const va = BigInt(pp.votes[a]);
	const vb = BigInt(pp.votes[b]);
	const l = BigInt(pp.cost[a]) * vb;
	const r = BigInt(pp.cost[b]) * va;
	return l < r || (l === r && pp.rank[a] < pp.rank[b]);
}

/** Plain Method of Equal Shares: every voter starts with B / n, no completion. */
export function equalShares(
	pp: PreparedProfile,
	utility: Utility,
	stats?: MesStats,
	alwaysExact = false
): number[] {
	return runEqualShares(pp, { utility, start: equalShare(pp), alwaysExact }, stats) ?? [];
}

/**
 * Weights of the voters who approve both of two projects, a row at a time: `row(x)[p]` is the
 * weight of those who approve both p and x. Rows are worked out when first asked for (only the
 * projects a range proof funds need one), from each voter's ballot, and kept. Exact for
 * whole-number weights below 2^53.
 */
export class SupportOverlaps {
	/** Each voter's ballot (projects approved), end to end, and where each starts. */
	private readonly ballots: Int32Array;
	private readonly start: Int32Array;
	private readonly rows = new Map<number, Float64Array>();

	constructor(private readonly pp: PreparedProfile) {
		const P = pp.projectCount;
		const V = pp.voterCount;
		const start = new Int32Array(V + 1);
		for (let p = 0; p < P; p++) for (const v of pp.supporters[p]) start[v + 1]++;
		for (let v = 1; v <= V; v++) start[v] += start[v - 1];
		const ballots = new Int32Array(start[V]);
		const fill = start.slice(0, V);
		for (let p = 0; p < P; p++) for (const v of pp.supporters[p]) ballots[fill[v]++] = p;
		this.ballots = ballots;
		this.start = start;
	}

	row(x: number): Float64Array {
		let row = this.rows.get(x);
		if (!row) {
			row = new Float64Array(this.pp.projectCount);
			const { ballots, start } = this;
			const S = this.pp.supporters[x];
			const W = this.pp.supporterWeights[x];
			for (let j = 0; j < S.length; j++) {
				const w = W[j];
				for (let i = start[S[j]]; i < start[S[j] + 1]; i++) row[ballots[i]] += w;
			}
			this.rows.set(x, row);
		}
		return row;
	}
}

/** Overlaps per profile, so that every Add1 variant counted on a vote shares the rows. */
const overlapsOf = new WeakMap<PreparedProfile, SupportOverlaps>();

export function supportOverlaps(pp: PreparedProfile): SupportOverlaps {
	let o = overlapsOf.get(pp);
	if (!o) overlapsOf.set(pp, (o = new SupportOverlaps(pp)));
	return o;
}

/** What a range proof needs to know about the Add1 it serves. */
interface RangeGoal {
	utility: Utility;
	budget: number;
	/** Every outcome must also leave room for another candidate (the exhaustive stop). */
	exhaustiveStop: boolean;
}

const PROOF_FAILED = -1;
const PROOF_TOO_DEAR = -2;

/**
 * A proof that every start in a range [s, u] gives an outcome that fits the budget and, with the
 * exhaustive stop, is not exhaustive: the Add1 steps in the range can then be skipped, since only
 * the outcome of the step where Add1 stops is ever returned, and that step is always run.
 *
 * The argument. Fix a sequence of choices and a start b in [s, u], and let lo and hi be money per
 * voter with lo ≤ (money at b) ≤ hi. The payment q_x a project x needs can only fall when anyone's
 * money rises, so q_x(hi) ≤ q_x(b) ≤ q_x(lo) (infinite when x is unaffordable at lo). Funding x
 * leaves each supporter max(0, money − q_x), which rises with the money and falls with q_x, so
 * max(0, lo − q_x(lo)) ≤ (money after, at b) ≤ max(0, hi − q_x(hi)). From lo = s and hi = u
 * everywhere, by induction, the bounds hold at every b whose run makes the same choices. In a
 * round, any project affordable at lo is affordable at b with ρ(b) ≤ ρ(lo), so the best ρ at b is
 * at most U = the smallest ρ at lo; and a project x can be chosen at b only if it is affordable at
 * hi and ρ_x(hi) ≤ ρ_x(b) ≤ U. Following every project that passes this test, and stopping a
 * branch as a possible end of the run where nothing is certainly affordable (U infinite), covers
 * the run of every start in [s, u]. Every branch is checked: chosen costs within the budget, and
 * at each possible end, some candidate still fits (with the exhaustive stop).
 *
 * The branches are visited depth first; a child undoes its changes to the money when it returns,
 * and the per-project bounds are restored from a snapshot taken at each fork.
 */
class RangeProof {
	private readonly alive: Uint8Array;
	private readonly loDead: Uint8Array;
	private readonly chosen: Uint8Array;
	private readonly stamp: Int32Array;
	/** The node where each project was last evaluated at hi (with `stamp`, at lo). */
	private readonly hiStamp: Int32Array;
	private readonly cands: number[];
	/** Saved money of the supporters of the projects chosen along the current branch. */
	private readonly undo: Float64Array;
	private nodes = 0;
	/** Forks on the current branch with siblings still to visit. */
	private pending = 0;
	private workLimit = 0;
	private tooDear = false;
	/** The choices along the current branch. */
	private readonly path: number[] = [];
	/** Per depth along the current branch: the live candidates in order, and how many. */
	private readonly orders: Int32Array[] = [];
	private readonly orderLength: number[] = [];
	/** When set, every possible outcome reached is recorded here (for tests). */
	outcomes: number[][] | null = null;
	/** The most choices on one branch of the last proof. */
	depth = 0;
	private s = 0;
	private u = 0;
	/** Weight of the voters who support both of two projects. */
	private readonly overlap: SupportOverlaps;
	/** Copies of the supporter lists, which evaluations here reorder (`SupporterLists`). */
	private readonly lists: SupporterLists;

	constructor(
		private readonly pp: PreparedProfile,
		private readonly sc: Scratch,
		private readonly goal: RangeGoal
	) {
		const P = pp.projectCount;
		this.alive = new Uint8Array(P);
		this.loDead = new Uint8Array(P);
		this.chosen = new Uint8Array(P);
		this.stamp = new Int32Array(P);
		this.hiStamp = new Int32Array(P);
		this.cands = mesCandidates(pp);
		let total = 0;
		for (const p of this.cands) total += pp.supporters[p].length;
		this.undo = new Float64Array(2 * total);
		this.overlap = supportOverlaps(pp);
		this.lists = {
			sup: pp.supporters.map((s) => s.slice()),
			supW: pp.supporterWeights.map((w) => w.slice()),
			live: new Int32Array(P),
			deadW: new Float64Array(P)
		};
	}

	/**
	 * Tries to prove the range [s, u] (money per voter as doubles; the error bounds cover their
	 * rounding), giving up once the work (`Scratch.work`) exceeds `maxWork`: the proof would then
	 * cost more than it saves. Returns the number of choices visited, or PROOF_FAILED when some
	 * branch could stop Add1 (or had to be given up for a near tie), or PROOF_TOO_DEAR.
	 */
	prove(s: number, u: number, maxWork: number, stats?: MesStats): number {
		const { pp, sc, goal } = this;
		this.s = s;
		this.u = u;
		this.nodes = 0;
		this.pending = 0;
		this.depth = 0;
		this.path.length = 0;
		this.workLimit = sc.work + maxWork;
		this.tooDear = false;
		resetSim(pp, sc.lo, goal.utility, s);
		resetSim(pp, sc.hi, goal.utility, u);
		this.alive.fill(0);
		this.loDead.fill(0);
		this.chosen.fill(0);
		this.stamp.fill(-1);
		this.hiStamp.fill(-1);
		// Everyone has money at the start: every supporter is live.
		for (let p = 0; p < pp.projectCount; p++) this.lists.live[p] = this.lists.sup[p].length;
		this.lists.deadW.fill(0);
		for (const p of this.cands) {
			const c = pp.cost[p];
			const N = pp.votes[p];
			// Certainly unaffordable at u: unaffordable at every start in the range.
			if (N * u < c - sumError(N, c, u)) continue;
			this.alive[p] = 1;
		}
		const ok = this.visit(0, 0, 0, stats);
		return ok ? this.nodes : this.tooDear ? PROOF_TOO_DEAR : PROOF_FAILED;
	}

	/** Visits one round of one branch; `depth` projects chosen so far, costing `spent`. */
	private visit(depth: number, spent: number, undoTop: number, stats?: MesStats): boolean {
		const { pp, sc, goal, alive, loDead, chosen } = this;
		const lo = sc.lo;
		const hi = sc.hi;
		const node = this.nodes++;
		if (sc.work > this.workLimit) {
			this.tooDear = true;
			return false;
		}
		if (depth > this.depth) this.depth = depth;
		const utility = goal.utility;
		// The live candidates, in order of their lower bound on ρ at lo. The parent's order is
		// nearly that (only the projects it evaluated have moved), which the insertion sort likes.
		if (this.orders.length <= depth) this.orders.push(new Int32Array(this.cands.length));
		const order = this.orders[depth];
		let m = 0;
		if (depth === 0) {
			for (const p of this.cands) if (alive[p] && !chosen[p]) order[m++] = p;
		} else {
			const parent = this.orders[depth - 1];
			const n = this.orderLength[depth - 1];
			for (let k = 0; k < n; k++) {
				const p = parent[k];
				if (alive[p] && !chosen[p]) order[m++] = p;
			}
		}
		this.orderLength[depth] = m;
		sortOrder(pp, lo, order, m);
		// U: the smallest ρ at lo, an upper bound on the best ρ at every start in the range. Also
		// the best project whose supporters all pay in full at lo (so at every start in the range,
		// with the same ρ): projects that also pay in full and lose to it cannot be chosen.
		let U = Infinity;
		let richBest = -1;
		for (let k = 0; k < m; k++) {
			const p = order[k];
			if (loDead[p]) continue;
			if (lo.low[p] > U) break;
			if (!alive[p] || this.surelyUnaffordable(hi, p, this.u)) {
				alive[p] = 0;
				continue;
			}
			if (this.surelyUnaffordable(lo, p, this.s)) {
				loDead[p] = 1;
				continue;
			}
			// Evaluated at hi too if the test below may need it.
			this.evaluateLo(p, node, hi.low[p] <= U, stats);
			if (lo.status[p] !== AFFORDABLE) continue;
			if (lo.rho[p] + lo.err[p] < U) U = lo.rho[p] + lo.err[p];
			if (lo.allRich[p] && pp.integerWeights) {
				if (richBest < 0 || beatsFullPayment(pp, utility, p, richBest)) richBest = p;
			}
		}
		// The projects some start in the range could choose now.
		const winners: number[] = [];
		const qLo: number[] = [];
		const qHi: number[] = [];
		for (let k = 0; k < m; k++) {
			const p = order[k];
			if (hi.low[p] > U || !alive[p]) continue;
			if (this.hiStamp[p] !== node && this.surelyUnaffordable(hi, p, this.u)) {
				alive[p] = 0;
				continue;
			}
			if (this.hiStamp[p] !== node) {
				if (!loDead[p] && this.stamp[p] !== node) this.evaluateLo(p, node, true, stats);
				else {
					this.hiStamp[p] = node;
					evaluate(pp, hi, sc, utility, p, this.u, this.lists);
					if (stats) stats.evaluations++;
				}
			}
			const st = hi.status[p];
			if (st === UNAFFORDABLE) {
				// Unaffordable at hi: unaffordable at every start, here and further down.
				alive[p] = 0;
				continue;
			}
			// Perhaps affordable, at an unknown ρ: no proof.
			if (st !== AFFORDABLE) return false;
			hi.low[p] = hi.rho[p] - hi.err[p];
			if (hi.low[p] > U) continue;
			if (!loDead[p]) this.evaluateLo(p, node, false, stats);
			const affordableLo = !loDead[p] && lo.status[p] === AFFORDABLE;
			if (
				affordableLo &&
				lo.allRich[p] &&
				richBest >= 0 &&
				p !== richBest &&
				beatsFullPayment(pp, utility, richBest, p)
			) {
				continue;
			}
			winners.push(p);
			qLo.push(affordableLo ? lo.q[p] : Infinity);
			qHi.push(hi.q[p]);
		}
		if (U === Infinity) {
			// Some start may find nothing affordable: its run ends here, with this outcome.
			if (goal.exhaustiveStop && this.exhaustive(spent)) return false;
			this.outcomes?.push([...freeProjects(pp), ...this.path]);
		}
		// Something is affordable at every start, yet nothing passed: only rounding could do that.
		if (winners.length === 0) return U === Infinity;
		// Bounds per project after this round's evaluations, for restoring between siblings.
		const snapshot = winners.length > 1 ? this.branchState().map((a) => a.slice()) : null;
		for (let i = 0; i < winners.length; i++) {
			const x = winners[i];
			const cost = spent + pp.cost[x];
			// Some start may choose projects costing more than the budget: Add1 would stop there.
			if (cost > goal.budget) return false;
			// Only x's live supporters pay (the rest have nothing at hi, so nothing at lo). Nothing
			// reorders x's list while it is chosen, so the same entries are restored below.
			const S = this.lists.sup[x];
			const n = this.lists.live[x];
			// The money needs restoring afterwards only if a sibling is visited later, here or
			// further up (a failed proof stops at once, and the next one starts afresh).
			const later = i + 1 < winners.length;
			const restore = later || this.pending > 0;
			payBoth(lo.budgets, hi.budgets, S, n, qLo[i], qHi[i], restore ? this.undo : null, undoTop);
			sc.work += 2 * n;
			chosen[x] = 1;
			if (qLo[i] < Infinity) this.lowerTotals(lo, x, qLo[i], this.s);
			this.lowerTotals(hi, x, qHi[i], this.u);
			this.path.push(x);
			if (later) this.pending++;
			const ok = this.visit(depth + 1, cost, undoTop + 2 * n, stats);
			if (later) this.pending--;
			this.path.pop();
			chosen[x] = 0;
			if (!ok) return false;
			if (restore) restoreBoth(lo.budgets, hi.budgets, S, n, this.undo, undoTop);
			if (snapshot && i + 1 < winners.length) {
				const state = this.branchState();
				for (let k = 0; k < state.length; k++) state[k].set(snapshot[k]);
			}
		}
		return true;
	}

	/**
	 * What a branch changes besides the money (which it undoes itself): the per-project bounds,
	 * and how much of each supporter list is live (the first live[p] entries are the same
	 * supporters as at the fork, reordered). Saved at each fork, restored between siblings.
	 */
	private branchState(): (Uint8Array | Int32Array | Float64Array)[] {
		const { lo, hi } = this.sc;
		return [
			this.alive,
			this.loDead,
			lo.low,
			lo.q,
			lo.ub,
			hi.low,
			hi.q,
			hi.ub,
			this.lists.live,
			this.lists.deadW
		];
	}

	/**
	 * Evaluates p at lo, once per node; marks it dead at lo when it is unaffordable there. With
	 * `withHi`, also at hi in the same pass, unless already done at this node (the results wait in
	 * hi's arrays for the test that uses them).
	 */
	private evaluateLo(p: number, node: number, withHi: boolean, stats?: MesStats): void {
		if (this.stamp[p] === node) return;
		this.stamp[p] = node;
		const { pp, sc } = this;
		const lo = sc.lo;
		if (withHi && this.hiStamp[p] !== node) {
			this.hiStamp[p] = node;
			evaluatePair(pp, lo, sc.hi, sc, this.goal.utility, p, this.s, this.u, this.lists);
			if (stats) stats.evaluations += 2;
		} else {
			evaluate(pp, lo, sc, this.goal.utility, p, this.s, this.lists);
			if (stats) stats.evaluations++;
		}
		// Money at lo only falls down a branch: unaffordable now, unaffordable below.
		if (lo.status[p] === UNAFFORDABLE) this.loDead[p] = 1;
		else if (lo.status[p] === AFFORDABLE) lo.low[p] = lo.rho[p] - lo.err[p];
	}

	/**
	 * Whether p's supporters certainly cannot afford it in this simulation, as its bound on their
	 * money (`Sim.ub`) shows without looking at them. The margin is `finishEvaluation`'s.
	 */
	private surelyUnaffordable(sim: Sim, p: number, b0: number): boolean {
		const c = this.pp.cost[p];
		return sim.ub[p] < c - sumError(this.pp.votes[p], c, b0);
	}

	/**
	 * Lowers every live project's bound on its supporters' money after x was funded with payment
	 * q (x's supporters having paid, by `pay`). Those of x's supporters who do not support p paid
	 * at most q each, so p's supporters paid at least x's cost less that: at least
	 * c_x − (votes_x − overlap)·q. The payment q is a float solution of Σ min(money, q) = c_x, and
	 * money after paying is rounded, so the total paid is only known to within a few of
	 * `finishEvaluation`'s error bounds; four are taken off.
	 */
	private lowerTotals(sim: Sim, x: number, q: number, b0: number): void {
		const O = this.overlap.row(x);
		const { pp, alive, chosen } = this;
		const cx = pp.cost[x];
		const Nx = pp.votes[x];
		const paid = cx - 4 * sumError(Nx, cx, b0);
		const ub = sim.ub;
		for (const p of this.cands) {
			if (!alive[p] || chosen[p]) continue;
			const drop = paid - (Nx - O[p]) * q;
			if (drop > 0) ub[p] -= drop;
		}
	}

	/** Whether the projects chosen on this branch (with the free ones) leave no room. */
	private exhaustive(spent: number): boolean {
		const B = this.goal.budget;
		for (const p of this.cands) if (!this.chosen[p] && spent + this.pp.cost[p] <= B) return false;
		return true;
	}
}

/**
 * Whether a range proof shows that every share per voter in [from, to] gives an outcome that fits
 * the budget and, with the exhaustive stop (default), is not exhaustive. Add1 uses the same proofs
 * to skip steps; this entry point is for tests, and can collect in `outcomes` every outcome the
 * proof found possible in the range.
 */
export function proveShareRange(
	pp: PreparedProfile,
	options: { utility: Utility; exhaustiveStop?: boolean; outcomes?: number[][] },
	from: Rational,
	to: Rational
): boolean {
	const proof = new RangeProof(pp, makeScratch(pp), {
		utility: options.utility,
		budget: pp.budget,
		exhaustiveStop: options.exhaustiveStop ?? true
	});
	proof.outcomes = options.outcomes ?? null;
	return proof.prove(Q.toNumber(from), Q.toNumber(to), Infinity) >= 0;
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
 * A range proof may cost at most this share of the work of the runs it replaces (measured by the
 * last run); beyond that it is given up, as not worth it. Wide ranges branch more (more starts,
 * more possible sequences), so this lets ranges grow where the outcome is stable and keeps proofs
 * from costing more than they save where it changes at every step.
 */
const PROOF_WORK_SHARE = 0.5;
/**
 * Ranges are widened while their proofs visit at most this many times the choices of one path,
 * and narrowed beyond four times as many. A heuristic only (any range proved is sound), set by
 * measurement: with cardinality utilities narrower ranges pay (on Budapest 2024, proofs then
 * evaluate 58,000 projects instead of 134,000); with cost utilities they save nothing.
 */
const BRANCHING: Record<Utility, number> = { cost: 2, cardinality: 1 };
/** Steps a proof first tries to cover, and again after a spell of plain runs. */
const FIRST_RANGE = 8;

/**
 * Iterated Method of Equal Shares ("Add1"): run with B/n, B/n + 1, B/n + 2, ... per voter; stop at
 * the first outcome that is exhaustive (no unchosen candidate fits in what is left of B), or
 * return the previous outcome as soon as one costs more than B.
 *
 * Only the outcome of the step where this stops is returned (or the one before it), so the steps
 * before it need only be known to be feasible and not exhaustive. A range proof (`RangeProof`)
 * shows that for a whole range of steps at once, without running them; how many steps to try for
 * grows while proofs are cheap and shrinks when they fail. Where no proof is found, the step is
 * run. The answer is the one running every step would give.
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
	let first = equalShare(pp);
	if (options.integral) first = Q.rational(Q.floor(first));
	const step = BigInt(increment);
	/** The share per voter at step k, exactly. */
	const share = (k: bigint) => Q.add(first, Q.rational(k * step));
	const scratch = makeScratch(pp);
	const run = (k: bigint) =>
		runEqualShares(
			pp,
			{
				utility: options.utility,
				start: share(k),
				abortAbove: B,
				alwaysExact: options.alwaysExact
			},
			stats,
			scratch
		);
	const chosen = new Uint8Array(pp.projectCount);
	const exhaustive = (outcome: readonly number[]) => {
		const spent = totalCost(pp, outcome);
		chosen.fill(0);
		for (const p of outcome) chosen[p] = 1;
		for (const p of cands) if (!chosen[p] && spent + pp.cost[p] <= B) return false;
		return true;
	};
	// Steps before k are known to be feasible and not exhaustive; `previous` is the outcome of
	// step k - 1 when it was run (null when a proof covered it).
	let k = 0n;
	let previous: number[] | null = freeProjects(pp);
	const proof = options.alwaysExact
		? null
		: new RangeProof(pp, scratch, { utility: options.utility, budget: B, exhaustiveStop });
	let runWork = 0;
	// Steps to try to prove next (0: run the next step); proofs given up in a row; runs left to
	// do before trying again.
	let ahead = 0;
	let failures = 0;
	let bare = 0;
	for (;;) {
		if (proof && ahead > 0) {
			const allowed = PROOF_WORK_SHARE * ahead * runWork;
			const from = Q.toNumber(share(k));
			const to = Q.toNumber(share(k + BigInt(ahead - 1)));
			const before = scratch.work;
			const result = proof.prove(from, to, allowed, stats);
			if (stats) stats.work += scratch.work - before;
			if (result >= 0) {
				if (stats) stats.skipped += ahead;
				k += BigInt(ahead);
				previous = null;
				failures = 0;
				// Widen the range while its proof stays close to a single path (few starts in it
				// choose differently); narrow it when the proof branches a lot.
				const path = proof.depth + 1;
				const branching = BRANCHING[options.utility];
				if (result <= branching * path) ahead *= 2;
				else if (result > 4 * branching * path) ahead = Math.max(1, Math.floor(ahead / 2));
				continue;
			}
			// Some start in the range may stop Add1 (or a near tie blocked the proof), or the range
			// is too wide to prove cheaply: narrow it.
			if (result === PROOF_FAILED || ahead > FIRST_RANGE) ahead = Math.floor(ahead / 2);
			else ahead = 0;
			if (ahead > 0) continue;
			// Where no proof succeeds (the outcome changes at every step, or exact ties), proofs
			// only cost time: run steps for a while, longer after each failure in a row.
			failures++;
			bare = 2 ** Math.min(failures, 6);
		}
		const before = scratch.work;
		const outcome = run(k);
		runWork = scratch.work - before;
		if (!outcome) return previous ?? run(k - 1n) ?? [];
		if (exhaustiveStop && exhaustive(outcome)) return outcome;
		previous = outcome;
		k++;
		if (proof && --bare <= 0) ahead = FIRST_RANGE;
	}
}
