/**
 * The priority map: each service's mean importance against its mean satisfaction, split
 * into quadrants at the means across services (docs/survey.md, "Priority map").
 */
import type { MeanCell } from './statistics';

export type Quadrant = 'fixFirst' | 'keep' | 'rethink' | 'watch';

/** Each quadrant as staff pages and exports name it. */
export const QUADRANT_LABELS: Record<Quadrant, string> = {
	fixFirst: 'Fix first',
	keep: 'Keep',
	rethink: 'Rethink',
	watch: 'Watch'
};

export interface PriorityPoint {
	serviceId: string;
	importance: number | null;
	satisfaction: number | null;
	/** Null when the service has no importance or no satisfaction mean (or it is suppressed). */
	quadrant: Quadrant | null;
}

export interface PriorityMap {
	/** The split lines: the average of the placed services' means, each service counting once. */
	meanImportance: number | null;
	meanSatisfaction: number | null;
	services: PriorityPoint[];
}

/**
 * Means averaged over a few services can miss an exact tie by a rounding error (three
 * services at 3.1 average to 3.1000000000000005); differences below this count as ties.
 */
const TIE = 1e-9;

/**
 * The quadrant of one service. Boundary rule: a mean equal to the split (within 1e-9) counts
 * as high, on both axes. So a service exactly at the mean importance can be fix first or
 * keep, never watch or rethink; one exactly at the mean satisfaction is keep or rethink,
 * never fix first: a service must be below the average satisfaction to be fixed first.
 */
export function quadrant(
	importance: number,
	satisfaction: number,
	meanImportance: number,
	meanSatisfaction: number
): Quadrant {
	const important = importance >= meanImportance - TIE;
	const satisfied = satisfaction >= meanSatisfaction - TIE;
	if (important) return satisfied ? 'keep' : 'fixFirst';
	return satisfied ? 'rethink' : 'watch';
}

/**
 * Places every service that has both means; the split is the plain average of those
 * services' means (each service counts once, whatever its number of answers).
 */
export function priorityMap(
	services: readonly { serviceId: string; importance: MeanCell; satisfaction: MeanCell }[]
): PriorityMap {
	let sumImp = 0;
	let sumSat = 0;
	let placed = 0;
	for (const s of services) {
		if (s.importance.mean !== null && s.satisfaction.mean !== null) {
			sumImp += s.importance.mean;
			sumSat += s.satisfaction.mean;
			placed++;
		}
	}
	const meanImportance = placed > 0 ? sumImp / placed : null;
	const meanSatisfaction = placed > 0 ? sumSat / placed : null;
	return {
		meanImportance,
		meanSatisfaction,
		services: services.map((s) => {
			const imp = s.importance.mean;
			const sat = s.satisfaction.mean;
			return {
				serviceId: s.serviceId,
				importance: imp,
				satisfaction: sat,
				quadrant:
					imp !== null && sat !== null && meanImportance !== null && meanSatisfaction !== null
						? quadrant(imp, sat, meanImportance, meanSatisfaction)
						: null
			};
		})
	};
}

/** One placed service as the priority chart draws it. */
export interface ChartPoint {
	label: string;
	importance: number;
	satisfaction: number;
	quadrant: Quadrant;
}

/** The priority map as the chart takes it: the split lines and the placed services, named. */
export interface PriorityChartData {
	meanImportance: number | null;
	meanSatisfaction: number | null;
	points: ChartPoint[];
}

/**
 * The chart of a priority map: only the services that have both means and a quadrant, in
 * the map's order, each labelled by `name` (the page's language decides the name).
 */
export function priorityChart(
	map: PriorityMap,
	name: (serviceId: string) => string
): PriorityChartData {
	return {
		meanImportance: map.meanImportance,
		meanSatisfaction: map.meanSatisfaction,
		points: map.services.flatMap((p) =>
			p.quadrant && p.importance !== null && p.satisfaction !== null
				? [
						{
							label: name(p.serviceId),
							importance: p.importance,
							satisfaction: p.satisfaction,
							quadrant: p.quadrant
						}
					]
				: []
		)
	};
}
