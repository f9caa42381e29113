/**
 * A costed approval vote in the shape the counting rules work on: projects with costs, a budget,
 * and voters grouped into identical ballots. Both Pabulib files and council want / don't-want
 * votes (developments only, wants as approvals) are turned into one of these.
 */
import * as Q from './rational';
import type { Rational } from './rational';

export interface ApprovalVoter {
	/** Indices of the projects approved (wanted). */
	approvals: readonly number[];
	/** How many identical voters this stands for, or their total population weight. */
	weight: number;
}

export interface ApprovalProfile {
	/** Project ids; a project's index in this list is how voters refer to it. */
	ids: readonly string[];
	/** Costs in whole units (non-negative safe integers), by project index. */
	costs: readonly number[];
	/** The budget in the same units. */
	budget: number;
	voters: readonly ApprovalVoter[];
	/**
	 * Tie-break rank by project index: when two projects tie, the smaller rank goes first.
	 * Defaults to the order of `ids`.
	 */
	tieRank?: readonly number[];
}

/** An approval profile indexed for counting; build once with `prepareProfile`, count many times. */
export interface PreparedProfile {
	readonly ids: readonly string[];
	/** Number of projects and of (grouped) voters. */
	readonly projectCount: number;
	readonly voterCount: number;
	readonly cost: Float64Array;
	readonly budget: number;
	readonly rank: Int32Array;
	readonly weight: Float64Array;
	/** Supporters of each project, as voter indices. */
	readonly supporters: Int32Array[];
	/** The weights of those supporters, in the same order (kept beside them for speed). */
	readonly supporterWeights: Float64Array[];
	/** Total weight of each project's supporters (its approval count). */
	readonly votes: Float64Array;
	/** Total weight of all voters (n). */
	readonly totalWeight: number;
	/** True when every weight is a whole number, so counts are exact integers. */
	readonly integerWeights: boolean;
	/** Exact weights (computed on first use: only the exact fallback needs them). */
	exactWeights(): readonly Rational[];
	/** The exact total weight. */
	readonly exactTotal: Rational;
}

/** A profile whose numbers cannot be counted (the message says which). */
export class ProfileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ProfileError';
	}
}

/**
 * Checks and indexes an approval profile.
 * @throws ProfileError on costs, budget or weights that are not usable numbers, or on an approval
 * of a project that does not exist.
 */
export function prepareProfile(profile: ApprovalProfile): PreparedProfile {
	const P = profile.ids.length;
	if (profile.costs.length !== P) throw new ProfileError('One cost is needed for each project');
	if (!Number.isSafeInteger(profile.budget) || profile.budget < 0) {
		throw new ProfileError(
			`The budget must be a whole number of at least 0, not ${profile.budget}`
		);
	}
	const cost = new Float64Array(P);
	let costSum = 0;
	for (let p = 0; p < P; p++) {
		const c = profile.costs[p];
		if (!Number.isSafeInteger(c) || c < 0) {
			throw new ProfileError(
				`Project ${profile.ids[p]} has a cost that is not a whole number: ${c}`
			);
		}
		cost[p] = c;
		costSum += c;
	}
	// Sums of costs are compared exactly as doubles; keep them inside the safe-integer range.
	if (!Number.isSafeInteger(costSum + profile.budget)) {
		throw new ProfileError('The costs and budget are too large to count exactly');
	}
	const rank = new Int32Array(P);
	const tie = profile.tieRank;
	if (tie && tie.length !== P) throw new ProfileError('One tie-break rank is needed per project');
	for (let p = 0; p < P; p++) rank[p] = tie ? tie[p] : p;

	const V = profile.voters.length;
	const weight = new Float64Array(V);
	const votes = new Float64Array(P);
	// Supporter lists are filled in two passes (count, then place) straight into typed arrays.
	const size = new Int32Array(P);
	let integerWeights = true;
	let totalWeight = 0;
	const seen = new Int32Array(P).fill(-1);
	for (let v = 0; v < V; v++) {
		const voter = profile.voters[v];
		const w = voter.weight;
		if (!Number.isFinite(w) || w <= 0) {
			throw new ProfileError(`Voter group ${v + 1} has a weight that is not a positive number`);
		}
		if (!Number.isInteger(w)) integerWeights = false;
		weight[v] = w;
		totalWeight += w;
		const approvals = voter.approvals;
		for (let k = 0; k < approvals.length; k++) {
			const p = approvals[k];
			if (!Number.isInteger(p) || p < 0 || p >= P) {
				throw new ProfileError(`Voter group ${v + 1} approves a project that does not exist`);
			}
			// An approval ballot is a set: a repeated approval counts once.
			if (seen[p] === v) continue;
			seen[p] = v;
			size[p]++;
			votes[p] += w;
		}
	}
	const supporters: Int32Array[] = [];
	const supporterWeights: Float64Array[] = [];
	for (let p = 0; p < P; p++) {
		supporters.push(new Int32Array(size[p]));
		supporterWeights.push(new Float64Array(size[p]));
	}
	const fill = size.fill(0);
	seen.fill(-1);
	for (let v = 0; v < V; v++) {
		const approvals = profile.voters[v].approvals;
		const w = weight[v];
		for (let k = 0; k < approvals.length; k++) {
			const p = approvals[k];
			if (seen[p] === v) continue;
			seen[p] = v;
			const j = fill[p]++;
			supporters[p][j] = v;
			supporterWeights[p][j] = w;
		}
	}
	if (integerWeights && !Number.isSafeInteger(totalWeight)) integerWeights = false;
	let exact: Rational[] | undefined;
	const exactWeights = () => (exact ??= Array.from(weight, (w) => Q.fromNumber(w)));
	let exactTotal = Q.ZERO;
	if (integerWeights) exactTotal = Q.rational(BigInt(totalWeight));
	else for (const w of exactWeights()) exactTotal = Q.add(exactTotal, w);
	return {
		ids: profile.ids,
		projectCount: P,
		voterCount: V,
		cost,
		budget: profile.budget,
		rank,
		weight,
		supporters,
		supporterWeights,
		votes,
		totalWeight,
		integerWeights,
		exactWeights,
		exactTotal
	};
}

/** Project indices in tie-break order (smallest rank first). */
export function byRank(pp: PreparedProfile, projects: Iterable<number>): number[] {
	return [...projects].sort((a, b) => pp.rank[a] - pp.rank[b]);
}

/** Total cost of a list of projects. */
export function totalCost(pp: PreparedProfile, projects: readonly number[]): number {
	let s = 0;
	for (const p of projects) s += pp.cost[p];
	return s;
}
