/**
 * Who answered, against who lives there: respondents by area and by age band beside the
 * population counts the commissioner entered, and the optional population weights
 * (docs/counting.md, "Population weighting"), always reported, never silent.
 */
import { DEFAULT_WEIGHT_CAP, populationWeights } from '$lib/weighting/population';

export type WeightingMode = 'none' | 'area' | 'areaAndAge';

/** Population counts the commissioner entered; any part may be missing. */
export interface PopulationCounts {
	byArea?: Readonly<Record<string, number>>;
	byAgeBand?: Readonly<Record<string, number>>;
	/** area -> age band -> count, needed to weight by area and age together. */
	byAreaAndAge?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The profile fields weighting and representativeness read from a response. */
export interface ProfiledResponse {
	area?: string;
	ageBand?: string;
}

export interface RepresentativenessRow {
	id: string;
	/** Respondents who gave this answer. */
	n: number;
	/** Their share of the respondents who answered the question. */
	share: number | null;
	population: number | null;
	/** Share of the population over the rows that have a population figure. */
	populationShare: number | null;
	/** share / populationShare: above 1 over-represented, below 1 under-represented. */
	ratio: number | null;
	suppressed: boolean;
}

export interface Representativeness {
	total: number;
	byArea: RepresentativenessRow[];
	/** Respondents with no area (preferred not to say, or not asked). */
	areaNotStated: number;
	byAgeBand: RepresentativenessRow[];
	ageBandNotStated: number;
}

export interface WeightingCell {
	area: string;
	/** Null when weighting by area only. */
	ageBand: string | null;
	responses: number;
	population: number;
	weight: number;
	capped: boolean;
}

export interface WeightingReport {
	mode: Exclude<WeightingMode, 'none'>;
	cap: number;
	cells: WeightingCell[];
	cappedCells: number;
	cappedResponses: number;
	/** Responses that kept weight 1 because they have no cell answer or their cell no population. */
	unweightedResponses: number;
}

/** Separates area and age band in a cell key; ids from forms cannot contain it. */
const SEP = '\u001f';

/** Rows in the given order, then any other ids seen, sorted. */
export function orderedIds(
	given: readonly string[] | undefined,
	...seen: Iterable<string>[]
): string[] {
	const ids = [...(given ?? [])];
	const known = new Set(ids);
	const extra = new Set<string>();
	for (const list of seen) for (const id of list) if (!known.has(id)) extra.add(id);
	return [...ids, ...[...extra].sort()];
}

function rows(
	counts: ReadonlyMap<string, number>,
	stated: number,
	population: Readonly<Record<string, number>> | undefined,
	given: readonly string[] | undefined
): RepresentativenessRow[] {
	const ids = orderedIds(given, counts.keys(), Object.keys(population ?? {}));
	let popTotal = 0;
	for (const id of ids) {
		const p = population?.[id];
		if (p !== undefined && p > 0) popTotal += p;
	}
	return ids.map((id) => {
		const n = counts.get(id) ?? 0;
		const p = population?.[id];
		const share = stated > 0 ? n / stated : null;
		const populationShare = p !== undefined && p > 0 && popTotal > 0 ? p / popTotal : null;
		return {
			id,
			n,
			share,
			population: p ?? null,
			populationShare,
			ratio: share !== null && populationShare !== null ? share / populationShare : null,
			suppressed: false
		};
	});
}

/**
 * Respondents by area and by age band, each beside its population count and share.
 * `areaIds` / `ageBandIds` fix the row order (the council's list); ids seen in responses or
 * population but not listed follow, sorted.
 */
export function representativeness(
	responses: readonly ProfiledResponse[],
	population: PopulationCounts = {},
	areaIds?: readonly string[],
	ageBandIds?: readonly string[]
): Representativeness {
	const byArea = new Map<string, number>();
	const byAge = new Map<string, number>();
	for (const r of responses) {
		if (r.area !== undefined) byArea.set(r.area, (byArea.get(r.area) ?? 0) + 1);
		if (r.ageBand !== undefined) byAge.set(r.ageBand, (byAge.get(r.ageBand) ?? 0) + 1);
	}
	return representativenessFromCounts(
		responses.length,
		byArea,
		byAge,
		population,
		areaIds,
		ageBandIds
	);
}

function sum(counts: ReadonlyMap<string, number>): number {
	let total = 0;
	for (const n of counts.values()) total += n;
	return total;
}

/** As {@link representativeness}, from respondent counts already made (the analysis makes them in its one pass). */
export function representativenessFromCounts(
	total: number,
	byArea: ReadonlyMap<string, number>,
	byAgeBand: ReadonlyMap<string, number>,
	population: PopulationCounts = {},
	areaIds?: readonly string[],
	ageBandIds?: readonly string[]
): Representativeness {
	const areaStated = sum(byArea);
	const ageStated = sum(byAgeBand);
	return {
		total,
		byArea: rows(byArea, areaStated, population.byArea, areaIds),
		areaNotStated: total - areaStated,
		byAgeBand: rows(byAgeBand, ageStated, population.byAgeBand, ageBandIds),
		ageBandNotStated: total - ageStated
	};
}

function cellKey(r: ProfiledResponse, mode: Exclude<WeightingMode, 'none'>): string | undefined {
	if (r.area === undefined) return undefined;
	if (mode === 'area') return r.area;
	return r.ageBand === undefined ? undefined : r.area + SEP + r.ageBand;
}

function populationByCell(
	population: PopulationCounts,
	mode: Exclude<WeightingMode, 'none'>
): Map<string, number> {
	const out = new Map<string, number>();
	if (mode === 'area') {
		for (const [area, n] of Object.entries(population.byArea ?? {})) out.set(area, n);
	} else {
		for (const [area, ages] of Object.entries(population.byAreaAndAge ?? {})) {
			for (const [age, n] of Object.entries(ages)) out.set(area + SEP + age, n);
		}
	}
	return out;
}

/**
 * One weight per response (same order), or null when weighting is off (every weight 1).
 * Weight = population share of the response's cell / response share of that cell, capped at
 * `cap`; responses with no cell answer, or in a cell without a population, weigh 1.
 */
export function responseWeights(
	responses: readonly ProfiledResponse[],
	mode: WeightingMode,
	population: PopulationCounts = {},
	cap: number = DEFAULT_WEIGHT_CAP
): { weights: Float64Array | null; report: WeightingReport | null } {
	if (mode === 'none') return { weights: null, report: null };
	const keys: (string | undefined)[] = new Array(responses.length);
	const counts = new Map<string, number>();
	for (let i = 0; i < responses.length; i++) {
		const key = cellKey(responses[i], mode);
		keys[i] = key;
		if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	const result = populationWeights(counts, populationByCell(population, mode), cap);
	const weights = new Float64Array(responses.length);
	let unweightedResponses = 0;
	for (let i = 0; i < responses.length; i++) {
		const key = keys[i];
		const w = key === undefined ? undefined : result.weights.get(key);
		if (w === undefined) unweightedResponses++;
		weights[i] = w ?? 1;
	}
	return {
		weights,
		report: {
			mode,
			cap,
			cells: result.cells.map((c) => {
				const [area, ageBand] = c.key.split(SEP);
				return {
					area,
					ageBand: mode === 'area' ? null : (ageBand ?? null),
					responses: c.responses,
					population: c.population,
					weight: c.weight,
					capped: c.capped
				};
			}),
			cappedCells: result.cappedCells.length,
			cappedResponses: result.cappedResponses,
			unweightedResponses
		}
	};
}
