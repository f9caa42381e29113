/**
 * Range proofs: that every share per voter in a range gives an outcome that fits the budget
 * (and is not exhaustive), shown at once by following the money's lower and upper bounds, so
 * that Add1 can skip the steps in the range.
 */
import * as Q from '../rational';
import type { Rational } from '../rational';
import type { PreparedProfile } from '../approval-profile';
import { evaluate, evaluatePair } from './evaluation';
import { beatsFullPayment } from './run';
import {
	AFFORDABLE,
	freeProjects,
	makeScratch,
	mesCandidates,
	resetSim,
	sortOrder,
	sumError,
	UNAFFORDABLE,
	type MesStats,
	type Scratch,
	type Sim,
	type SupporterLists,
	type Utility
} from './simulation';

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

export const PROOF_FAILED = -1;
export const PROOF_TOO_DEAR = -2;

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
export class RangeProof {
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
