/**
 * Add1: Equal Shares run again and again with a slightly larger share, skipping by range proofs
 * the steps that cannot stop it.
 */
import * as Q from '../rational';
import { totalCost, type PreparedProfile } from '../approval-profile';
import { PROOF_FAILED, RangeProof } from './range-proof';
import { runEqualShares } from './run';
import {
	equalShare,
	freeProjects,
	makeScratch,
	mesCandidates,
	type MesStats,
	type Utility
} from './simulation';

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
