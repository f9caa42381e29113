/**
 * The community survey's analysis (docs/survey.md, "Analysis"): per-service means and
 * shares, the priority map, the community map, representativeness and weighting, and the
 * five-steps read-out, from plain responses in one pass.
 */
import {
	accumulate,
	CON,
	G_CON_HIT,
	G_CON_N,
	G_CON_W,
	G_WIL_HIT,
	G_WIL_N,
	G_WIL_W,
	GROUP_STRIDE,
	IMP,
	SAT,
	SERVICE_STRIDE,
	WIL,
	type GroupSums,
	type Sums,
	type SurveyResponse
} from './accumulate';
import { priorityMap, type PriorityMap } from './priority';
import { readOut, type ReadOut, type ReadOutLabels } from './readout';
import {
	orderedIds,
	representativenessFromCounts,
	responseWeights,
	type PopulationCounts,
	type Representativeness,
	type WeightingMode,
	type WeightingReport
} from './representativeness';
import type { CommunityMap, CrossTable, ServiceResult } from './results';
import { meanCell, shareCell, type MeanCell } from './statistics';
import { SUPPRESSION_MIN_N, suppressCell } from './suppression';
import { CONTRIBUTION_CODES, type ContributionCode } from './template';

export type { SurveyResponse } from './accumulate';

export interface AnalysisOptions {
	/** The survey's services, in order. */
	serviceIds: readonly string[];
	/** Row order of the segment tables (segment ids seen in responses but not listed follow, sorted). */
	segmentIds?: readonly string[];
	/** Row order of the area tables, likewise. */
	areaIds?: readonly string[];
	ageBandIds?: readonly string[];
	/** Population counts the commissioner entered, for representativeness and weighting. */
	population?: PopulationCounts;
	/** Off unless asked for; when on, every mean and share is weighted and the report says so. */
	weighting?: WeightingMode;
	weightCap?: number;
	/** Names for the read-out's sentences. */
	labels?: ReadOutLabels;
	/** Published figures rest on at least this many answers or people (10 unless a test asks). */
	suppressBelow?: number;
}

export interface SurveyAnalysis {
	respondents: number;
	/** Null when weighting is off. */
	weighting: WeightingReport | null;
	services: ServiceResult[];
	priority: PriorityMap;
	community: CommunityMap;
	representativeness: Representativeness;
	readout: ReadOut;
	/**
	 * The community map as it may be published: areas of fewer than 10 respondents merged
	 * into one row (`OTHER_AREAS`, or left out if even together they are fewer than 10), and
	 * segments of fewer than 10 respondents left out, so that no published row counts fewer
	 * than 10 people (`publishedAnalysis` shows it instead of `community`).
	 */
	publishable: CommunityMap;
	/** The least number of answers or people a published figure rests on. */
	suppressBelow: number;
	/** True in a view prepared for publishing or export. */
	published: boolean;
	labels: ReadOutLabels;
}

function scaleMean(v: Float64Array, at: number): MeanCell {
	return meanCell(v[at], v[at + 1], v[at + 2], v[at + 3], v[at + 4]);
}

function serviceResults(sums: Sums): ServiceResult[] {
	const v = sums.services;
	return sums.serviceIds.map((serviceId, s) => {
		const at = s * SERVICE_STRIDE;
		const imp = at + IMP;
		const sat = at + SAT;
		const con = at + CON;
		const wil = at + WIL;
		const kinds = {} as Record<ContributionCode, ReturnType<typeof shareCell>>;
		CONTRIBUTION_CODES.forEach((code, i) => {
			kinds[code] = shareCell(v[con], v[con + 1], v[con + 3 + i]);
		});
		return {
			serviceId,
			importance: scaleMean(v, imp),
			// Don't-know share: over every importance answer, numbers and don't know alike.
			importanceDontKnow: shareCell(v[imp] + v[imp + 5], v[imp + 1] + v[imp + 6], v[imp + 6]),
			satisfaction: scaleMean(v, sat),
			satisfactionDontUse: shareCell(v[sat] + v[sat + 5], v[sat + 1] + v[sat + 6], v[sat + 6]),
			contributing: shareCell(v[con], v[con + 1], v[con + 2]),
			contributionKinds: kinds,
			willing: shareCell(v[wil], v[wil + 1], v[wil + 2]),
			willingALot: shareCell(v[wil], v[wil + 1], v[wil + 3])
		};
	});
}

/** The row that areas of fewer than 10 respondents are published as, together. */
export const OTHER_AREAS = 'other-areas';
/** Its name, in English and Welsh. */
export const OTHER_AREAS_LABEL = {
	en: 'Other areas (fewer than 10 people each)',
	cy: 'Ardaloedd eraill (llai na 10 o bobl yr un)'
};

/**
 * Groups as they may be published: those of fewer than `minN` respondents left out, or, when
 * `merge` (areas, which do not overlap and add up to the respondents who gave one), added
 * together as one `OTHER_AREAS` group. If that is under `minN` too, the smallest published
 * areas join it until it is not (or it is left out with them), so no small area can be worked
 * out by taking the others from the total.
 */
function publishableGroups(groups: GroupSums, minN: number, merge: boolean): GroupSums {
	const big = groups.ids.flatMap((_, i) => (groups.respondents[i] >= minN ? [i] : []));
	const small = groups.ids.flatMap((_, i) =>
		groups.respondents[i] < minN && groups.respondents[i] > 0 ? [i] : []
	);
	const total = (rows: number[]) => rows.reduce((n, i) => n + groups.respondents[i], 0);
	if (merge && small.length > 0) {
		const bySize = [...big].sort((a, b) => groups.respondents[a] - groups.respondents[b]);
		while (total(small) < minN && bySize.length > 0) small.push(bySize.shift()!);
		big.splice(0, big.length, ...big.filter((i) => !small.includes(i)));
	}
	const out: GroupSums = {
		ids: big.map((i) => groups.ids[i]),
		respondents: big.map((i) => groups.respondents[i]),
		sums: big.map((i) => groups.sums[i])
	};
	if (merge && small.length > 0 && total(small) >= minN) {
		const other = new Float64Array(groups.sums[small[0]].length);
		for (const i of small) for (let k = 0; k < other.length; k++) other[k] += groups.sums[i][k];
		out.ids.push(OTHER_AREAS);
		out.respondents.push(total(small));
		out.sums.push(other);
	}
	return out;
}

/** The table of one kind of group, rows in the council's order then others sorted. */
function crossTable(
	serviceIds: readonly string[],
	groups: GroupSums,
	given: readonly string[] | undefined
): CrossTable {
	const rows = orderedIds(given, groups.ids);
	const index = new Map(groups.ids.map((id, i) => [id, i]));
	return {
		groupIds: rows,
		respondents: rows.map((id) => groups.respondents[index.get(id) ?? -1] ?? 0),
		serviceIds: [...serviceIds],
		cells: rows.map((id) => {
			const g = index.get(id);
			const sums = g === undefined ? null : groups.sums[g];
			return serviceIds.map((_, s) => {
				const at = s * GROUP_STRIDE;
				if (sums === null) {
					return { contributing: shareCell(0, 0, 0), willing: shareCell(0, 0, 0) };
				}
				return {
					contributing: shareCell(sums[at + G_CON_N], sums[at + G_CON_W], sums[at + G_CON_HIT]),
					willing: shareCell(sums[at + G_WIL_N], sums[at + G_WIL_W], sums[at + G_WIL_HIT])
				};
			});
		})
	};
}

/**
 * Analyses the responses (the staff view: every cell, however small). Answers to services
 * not in `options.serviceIds` are ignored, as are unknown codes. Means use only 1-5 answers;
 * shares are over the respondents who answered that question. Weighting, when on, applies
 * to every mean and share; `n` is always the count of answers.
 */
export function analyseSurvey(
	responses: readonly SurveyResponse[],
	options: AnalysisOptions
): SurveyAnalysis {
	const { weights, report } = responseWeights(
		responses,
		options.weighting ?? 'none',
		options.population,
		options.weightCap
	);
	const sums = accumulate(
		responses,
		options.serviceIds,
		options.segmentIds ?? [],
		options.areaIds ?? [],
		weights
	);
	const services = serviceResults(sums);
	const community: CommunityMap = {
		bySegment: crossTable(options.serviceIds, sums.segments, options.segmentIds),
		byArea: crossTable(options.serviceIds, sums.areas, options.areaIds)
	};
	const suppressBelow = options.suppressBelow ?? SUPPRESSION_MIN_N;
	const publishableTable = (groups: GroupSums, given: readonly string[] | undefined) => {
		const kept = publishableGroups(groups, suppressBelow, groups === sums.areas);
		const order = orderedIds(given, groups.ids).filter((id) => kept.ids.includes(id));
		return crossTable(options.serviceIds, kept, [
			...order,
			...kept.ids.filter((id) => id === OTHER_AREAS)
		]);
	};
	const publishable: CommunityMap = {
		bySegment: publishableTable(sums.segments, options.segmentIds),
		byArea: publishableTable(sums.areas, options.areaIds)
	};
	const areaCounts = new Map(sums.areas.ids.map((id, i) => [id, sums.areas.respondents[i]]));
	const priority = priorityMap(services);
	const labels = options.labels ?? {};
	return {
		respondents: responses.length,
		weighting: report,
		services,
		priority,
		community,
		publishable,
		suppressBelow,
		// Listed areas nobody chose are in the counts with 0: the table shows them.
		representativeness: representativenessFromCounts(
			responses.length,
			areaCounts,
			sums.ageBands,
			options.population,
			options.areaIds,
			options.ageBandIds
		),
		readout: readOut(services, priority, community, labels, SUPPRESSION_MIN_N),
		published: false,
		labels
	};
}

function suppressTable(table: CrossTable, minN: number): CrossTable {
	return {
		...table,
		cells: table.cells.map((row) =>
			row.map((c) => ({
				contributing: suppressCell(c.contributing, minN),
				willing: suppressCell(c.willing, minN)
			}))
		)
	};
}

/**
 * The analysis as it may be published or exported: the community map's rows of fewer than
 * `suppressBelow` people merged or left out (`publishable`), every cell with fewer answers
 * suppressed, and the priority map and read-out worked out again from what is left, so that
 * no published figure (not even the split means) rests on a suppressed cell.
 */
export function publishedAnalysis(analysis: SurveyAnalysis): SurveyAnalysis {
	const minN = analysis.suppressBelow;
	const services: ServiceResult[] = analysis.services.map((s) => {
		const kinds = {} as ServiceResult['contributionKinds'];
		for (const code of CONTRIBUTION_CODES) {
			kinds[code] = suppressCell(s.contributionKinds[code], minN);
		}
		return {
			serviceId: s.serviceId,
			importance: suppressCell(s.importance, minN),
			importanceDontKnow: suppressCell(s.importanceDontKnow, minN),
			satisfaction: suppressCell(s.satisfaction, minN),
			satisfactionDontUse: suppressCell(s.satisfactionDontUse, minN),
			contributing: suppressCell(s.contributing, minN),
			contributionKinds: kinds,
			willing: suppressCell(s.willing, minN),
			willingALot: suppressCell(s.willingALot, minN)
		};
	});
	// Rows of fewer than 10 respondents merged or left out, then cells of fewer than 10 answers.
	const community: CommunityMap = {
		bySegment: suppressTable(analysis.publishable.bySegment, minN),
		byArea: suppressTable(analysis.publishable.byArea, minN)
	};
	const priority = priorityMap(services);
	const rep = analysis.representativeness;
	return {
		...analysis,
		services,
		priority,
		community,
		publishable: community,
		representativeness: {
			...rep,
			byArea: rep.byArea.map((r) => suppressCell(r, minN)),
			byAgeBand: rep.byAgeBand.map((r) => suppressCell(r, minN))
		},
		readout: readOut(services, priority, community, analysis.labels, minN),
		published: true
	};
}
