/**
 * Evaluation: what a project's supporters would each pay to fund it from a simulation's money
 * (the payment q and ρ = q / utility, with an error bound), or that they cannot afford it, or
 * that floats cannot tell. Runs evaluate at one simulation; range proofs at lo and hi at once.
 */
import type { PreparedProfile } from '../approval-profile';
import {
	AFFORDABLE,
	EPS,
	sumError,
	UNAFFORDABLE,
	UNCERTAIN,
	type Scratch,
	type Sim,
	type SupporterLists,
	type Utility
} from './simulation';

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

/**
 * Evaluates project p against one simulation's money: whether its supporters can afford it, the
 * payment q, ρ = q / utility, and an error bound on ρ. Writes into the simulation's arrays.
 */
export function evaluate(
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
export function evaluatePair(
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
