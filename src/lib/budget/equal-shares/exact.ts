/**
 * Exact replay: a run's choices replayed in rational arithmetic, for the choices floats cannot
 * make for certain.
 */
import * as Q from '../rational';
import type { Rational } from '../rational';
import type { PreparedProfile } from '../approval-profile';
import type { Utility } from './simulation';

/**
 * Exact state of a run, rebuilt by replaying its choices in rational arithmetic. Voters whose
 * money has moved identically share a class, so the replay does one rational operation per class
 * rather than per voter.
 */
export class ExactState {
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
