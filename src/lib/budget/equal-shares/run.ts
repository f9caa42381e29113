/**
 * One run of the Method of Equal Shares from a given share per voter: round by round, the
 * project whose supporters can pay for it with the smallest ρ, ties settled in integers when
 * everyone pays in full and by exact replay otherwise.
 */
import * as Q from '../rational';
import type { Rational } from '../rational';
import type { PreparedProfile } from '../approval-profile';
import { evaluate } from './evaluation';
import { ExactState } from './exact';
import {
	AFFORDABLE,
	EPS,
	equalShare,
	freeProjects,
	makeScratch,
	mesCandidates,
	resetSim,
	sortOrder,
	sumError,
	UNAFFORDABLE,
	UNCERTAIN,
	type MesStats,
	type Scratch,
	type Utility
} from './simulation';

export interface MesRunOptions {
	utility: Utility;
	/** Starting money per voter (per unit of weight), exactly. */
	start: Rational;
	/** Stop early, returning null, as soon as the projects chosen cost more than this. */
	abortAbove?: number;
	/** Resolve every round in exact arithmetic (slow; for tests of the exact path). */
	alwaysExact?: boolean;
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
 * One run of the Method of Equal Shares from the given starting money per voter.
 * @returns project indices in the order chosen (free supported projects first), or null when
 * `abortAbove` is set and the chosen projects came to cost more than it
 */
export function runEqualShares(
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
export function beatsFullPayment(
	pp: PreparedProfile,
	utility: Utility,
	a: number,
	b: number
): boolean {
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
