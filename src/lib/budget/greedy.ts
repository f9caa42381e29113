/**
 * The standard participatory-budgeting greedy rule (pabutools `greedy_utilitarian_welfare`,
 * refdata/DEFINITIONS.md): order projects by total satisfaction per unit of cost, then walk the
 * list once, funding each project that still fits in what is left of the budget.
 */
import type { PreparedProfile } from './approval-profile';
import type { Utility } from './equal-shares';

export interface GreedyOptions {
	/** Projects already funded (kept, in this order, before the greedy ones). */
	start?: readonly number[];
	/**
	 * Whether projects nobody approved may be funded, last, if they fit. The Pabulib reference
	 * does this; a council vote does not fund what nobody asked for.
	 */
	includeUnsupported?: boolean;
}

/**
 * Compares the greedy scores of two projects, exactly: negative when a comes first.
 * With cost utilities the score is the number of approvals (a project that costs nothing gives
 * no satisfaction and scores 0, as in pabutools); with cardinality utilities it is approvals per
 * unit of cost (infinite for a free project that someone approves).
 */
function compareScores(pp: PreparedProfile, utility: Utility, a: number, b: number): number {
	const va = pp.votes[a];
	const vb = pp.votes[b];
	if (utility === 'cost') {
		const sa = pp.cost[a] > 0 ? va : 0;
		const sb = pp.cost[b] > 0 ? vb : 0;
		return sb - sa;
	}
	const infA = pp.cost[a] === 0 && va > 0;
	const infB = pp.cost[b] === 0 && vb > 0;
	if (infA || infB) return infA === infB ? 0 : infA ? -1 : 1;
	if (va === 0 || vb === 0) return (vb > 0 ? 1 : 0) - (va > 0 ? 1 : 0);
	// va / ca against vb / cb, by cross-multiplication; exact in BigInt for whole counts.
	if (Number.isInteger(va) && Number.isInteger(vb)) {
		const l = BigInt(va) * BigInt(pp.cost[b]);
		const r = BigInt(vb) * BigInt(pp.cost[a]);
		return l > r ? -1 : l < r ? 1 : 0;
	}
	return vb * pp.cost[a] - va * pp.cost[b];
}

/** Project indices in greedy order: best score first, ties by rank. */
export function greedyOrder(pp: PreparedProfile, utility: Utility): number[] {
	const all = Array.from({ length: pp.projectCount }, (_, p) => p);
	return all.sort((a, b) => compareScores(pp, utility, a, b) || pp.rank[a] - pp.rank[b]);
}

/**
 * Greedy selection within the budget, optionally completing an earlier outcome.
 * @returns project indices in the order funded
 */
export function greedy(
	pp: PreparedProfile,
	utility: Utility,
	options: GreedyOptions = {}
): number[] {
	const start = options.start ?? [];
	const includeUnsupported = options.includeUnsupported ?? true;
	const chosen = new Uint8Array(pp.projectCount);
	let remaining = pp.budget;
	for (const p of start) {
		chosen[p] = 1;
		remaining -= pp.cost[p];
	}
	const selected = [...start];
	for (const p of greedyOrder(pp, utility)) {
		if (chosen[p]) continue;
		if (!includeUnsupported && pp.votes[p] === 0) continue;
		if (pp.cost[p] <= remaining) {
			selected.push(p);
			chosen[p] = 1;
			remaining -= pp.cost[p];
		}
	}
	return selected;
}
