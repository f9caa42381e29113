/**
 * The state Equal Shares works on (the simulation): every voter's money, per project what was
 * last found (ρ, its error bound, the payment, a bound on the supporters' money), the supporter
 * lists and scratch space that runs and range proofs share; the error bounds that let floats
 * decide only what they decide for certain; and the counters of the work done.
 */
import * as Q from '../rational';
import type { Rational } from '../rational';
import { byRank, type PreparedProfile } from '../approval-profile';

export type Utility = 'cost' | 'cardinality';

/**
 * Relative size of the error bounds. Budgets pass through at most a few hundred subtractions
 * and sums over at most a few million terms, so the real rounding error is below 1e-12 of the
 * values compared; 1e-10 leaves a wide margin and still sends only genuine near ties to exact
 * arithmetic.
 */
export const EPS = 1e-10;

/**
 * Absolute error bound on any float sum of the money of a project's supporters (total weight N,
 * each holding at most b0), as compared with its cost c.
 */
export function sumError(N: number, c: number, b0: number): number {
	return (N * b0 + c) * EPS;
}

/** Affordability of a project in this round, as far as floats can tell. */
export const UNAFFORDABLE = 0;
export const AFFORDABLE = 1;
export const UNCERTAIN = 2;

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
export interface Sim {
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
export interface SupporterLists {
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
export interface Scratch {
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

export function makeScratch(pp: PreparedProfile): Scratch {
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

export function resetSim(pp: PreparedProfile, sim: Sim, utility: Utility, start: number): void {
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
export function freeProjects(pp: PreparedProfile): number[] {
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

/** Sorts projects by the simulation's lower bound on their ρ, then by rank. */
export function sortOrder(pp: PreparedProfile, sim: Sim, order: Int32Array, m: number): void {
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
