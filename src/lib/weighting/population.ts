/**
 * Population weighting, shared by the budget count and the survey analysis
 * (docs/counting.md, "Population weighting").
 *
 * Each response falls in a cell (an area, or an area and an age band). Its weight is the
 * cell's share of the population divided by the cell's share of the responses, capped so
 * that a handful of people cannot speak for a whole ward. Responses with no cell answer (they
 * preferred not to say) and cells the commissioner gave no population for keep weight 1.
 */

export const DEFAULT_WEIGHT_CAP = 5;

export interface WeightingResult {
	/** Weight per cell key; a cell not listed here weighs 1. */
	weights: Map<string, number>;
	/**
	 * The same weights exactly, as [numerator, denominator]: the budget count compares weighted
	 * figures exactly (docs/counting.md), so it must not inherit a float's rounding.
	 */
	exact: Map<string, [bigint, bigint]>;
	/** Cells whose raw weight was above the cap. */
	cappedCells: string[];
	/** How many responses sit in capped cells. */
	cappedResponses: number;
	/** Responses and population per cell, for the "sample against population" table. */
	cells: { key: string; responses: number; population: number; weight: number; capped: boolean }[];
}

/**
 * @param responsesByCell how many responses fall in each cell (responses without a cell are left out)
 * @param populationByCell population count per cell, as the commissioner entered it
 * @param cap the highest weight any cell may get
 */
export function populationWeights(
	responsesByCell: ReadonlyMap<string, number>,
	populationByCell: ReadonlyMap<string, number>,
	cap: number = DEFAULT_WEIGHT_CAP
): WeightingResult {
	// Only cells that have both responses and a population take part: shares are computed
	// over those, so an area with no population figure neither gains nor loses weight.
	let totalResponses = 0;
	let totalPopulation = 0;
	for (const [key, n] of responsesByCell) {
		const pop = populationByCell.get(key) ?? 0;
		if (n > 0 && pop > 0) {
			totalResponses += n;
			totalPopulation += pop;
		}
	}
	const weights = new Map<string, number>();
	const exact = new Map<string, [bigint, bigint]>();
	const cappedCells: string[] = [];
	let cappedResponses = 0;
	const cells: WeightingResult['cells'] = [];
	const keys = new Set([...responsesByCell.keys(), ...populationByCell.keys()]);
	for (const key of [...keys].sort()) {
		const n = responsesByCell.get(key) ?? 0;
		const pop = populationByCell.get(key) ?? 0;
		let weight = 1;
		let capped = false;
		if (n > 0 && pop > 0 && totalResponses > 0) {
			// raw = (pop / totalPopulation) / (n / totalResponses), decided exactly.
			const num = BigInt(pop) * BigInt(totalResponses);
			const den = BigInt(totalPopulation) * BigInt(n);
			capped = Number.isInteger(cap) ? num > BigInt(cap) * den : Number(num) / Number(den) > cap;
			weight = capped ? cap : pop / totalPopulation / (n / totalResponses);
			weights.set(key, weight);
			exact.set(
				key,
				!capped
					? [num, den]
					: Number.isInteger(cap)
						? [BigInt(cap), 1n]
						: [BigInt(Math.round(cap * 1e6)), 1_000_000n]
			);
			if (capped) {
				cappedCells.push(key);
				cappedResponses += n;
			}
		}
		cells.push({ key, responses: n, population: pop, weight, capped });
	}
	return { weights, exact, cappedCells, cappedResponses, cells };
}
