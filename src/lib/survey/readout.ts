/**
 * The five-steps read-out (docs/survey.md): Map it, Focus it, People it, as structured data
 * and as plain-English sentences. Figures resting on fewer than `minN` answers are never
 * used, so the read-out makes no claim about a handful of people and is safe to publish.
 */
import type { PriorityMap } from './priority';
import type { CommunityMap, CrossTable, ServiceResult } from './results';
import type { ShareCell } from './statistics';

/** Names to use in sentences; ids stand in for any missing. */
export interface ReadOutLabels {
	services?: Readonly<Record<string, string>>;
	segments?: Readonly<Record<string, string>>;
	areas?: Readonly<Record<string, string>>;
}

export interface MapItEntry {
	serviceId: string;
	contributing: number;
	n: number;
}

export interface FocusItEntry {
	serviceId: string;
	importance: number;
	satisfaction: number;
	willing: number;
	n: number;
	/** Willingness at or above the average across services. */
	highWillingness: boolean;
}

export interface KeenGroup {
	groupId: string;
	willing: number;
	n: number;
}

export interface PeopleItEntry {
	serviceId: string;
	/** Everyone's willingness share for the service, when it rests on enough answers. */
	overall: number | null;
	n: number;
	/** Up to three segments, then areas, keener than everyone, keenest first. */
	segments: KeenGroup[];
	areas: KeenGroup[];
}

export interface ReadOut {
	minN: number;
	mapIt: {
		/** Services by share already contributing, highest first. */
		ranked: MapItEntry[];
		/** Services with fewer than minN contribution answers. */
		tooFew: string[];
	};
	focusIt: {
		/** Average willingness over services with enough answers. */
		meanWilling: number | null;
		/** Fix-first services, most willing first. */
		services: FocusItEntry[];
	};
	peopleIt: PeopleItEntry[];
	sentences: { mapIt: string[]; focusIt: string[]; peopleIt: string[] };
}

/** How many services Map it names, and groups People it names per service. */
const TOP = 3;
const TIE = 1e-9;

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

function answers(n: number): string {
	return n === 1 ? '1 answer' : `${n} answers`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function enough(cell: ShareCell, minN: number): cell is ShareCell & { share: number } {
	return cell.share !== null && cell.n >= minN;
}

function keenGroups(table: CrossTable, s: number, overall: number, minN: number): KeenGroup[] {
	const keen: KeenGroup[] = [];
	if (s < 0) return keen;
	for (let g = 0; g < table.groupIds.length; g++) {
		const cell = table.cells[g][s].willing;
		if (enough(cell, minN) && cell.share > overall + TIE) {
			keen.push({ groupId: table.groupIds[g], willing: cell.share, n: cell.n });
		}
	}
	// Stable sort: equal shares keep the council's order of groups.
	return keen.sort((a, b) => b.willing - a.willing).slice(0, TOP);
}

/**
 * Reads the five steps off the analysis.
 * - Map it: services ranked by the share already contributing.
 * - Focus it: fix-first services, with those whose willingness is at or above the average
 *   across services flagged as where co-production pays.
 * - People it: per service, the segments and areas keener to do more than everyone.
 */
export function readOut(
	services: readonly ServiceResult[],
	priority: PriorityMap,
	community: CommunityMap,
	labels: ReadOutLabels = {},
	minN = 10
): ReadOut {
	const serviceName = (id: string) => labels.services?.[id] ?? id;
	const segmentName = (id: string) => labels.segments?.[id] ?? id;
	const areaName = (id: string) => labels.areas?.[id] ?? id;

	// Map it
	const ranked: MapItEntry[] = [];
	const tooFew: string[] = [];
	for (const s of services) {
		if (enough(s.contributing, minN)) {
			ranked.push({
				serviceId: s.serviceId,
				contributing: s.contributing.share,
				n: s.contributing.n
			});
		} else {
			tooFew.push(s.serviceId);
		}
	}
	ranked.sort((a, b) => b.contributing - a.contributing);
	const mapSentences: string[] = [];
	if (ranked.length === 0) {
		mapSentences.push(
			`No service has enough answers (${minN} or more) to say where people already contribute.`
		);
	} else {
		const top = ranked.slice(0, TOP);
		mapSentences.push(
			`People already contribute most to ${listInWords(top.map((e) => serviceName(e.serviceId)))}.`
		);
		for (const e of top) {
			mapSentences.push(
				`${serviceName(e.serviceId)}: ${percent(e.contributing)} already contribute (${answers(e.n)}).`
			);
		}
	}
	if (tooFew.length > 0) {
		mapSentences.push(
			`Too few answers (fewer than ${minN}) to say for ${listInWords(tooFew.map(serviceName))}.`
		);
	}

	// Focus it
	let willingSum = 0;
	let willingCount = 0;
	for (const s of services) {
		if (enough(s.willing, minN)) {
			willingSum += s.willing.share;
			willingCount++;
		}
	}
	const meanWilling = willingCount > 0 ? willingSum / willingCount : null;
	const focus: FocusItEntry[] = [];
	let fixFirstCount = 0;
	const points = new Map(priority.services.map((p) => [p.serviceId, p]));
	for (const s of services) {
		const point = points.get(s.serviceId);
		if (
			point === undefined ||
			point.quadrant !== 'fixFirst' ||
			point.importance === null ||
			point.satisfaction === null
		) {
			continue;
		}
		fixFirstCount++;
		if (s.importance.n < minN || s.satisfaction.n < minN || !enough(s.willing, minN)) continue;
		focus.push({
			serviceId: s.serviceId,
			importance: point.importance,
			satisfaction: point.satisfaction,
			willing: s.willing.share,
			n: s.willing.n,
			highWillingness: meanWilling !== null && s.willing.share >= meanWilling - TIE
		});
	}
	focus.sort((a, b) => b.willing - a.willing);
	const focusSentences: string[] = [];
	const high = focus.filter((f) => f.highWillingness);
	if (fixFirstCount === 0) {
		focusSentences.push(
			'No service is both above average in importance and below average in satisfaction.'
		);
	} else if (high.length === 0) {
		focusSentences.push(
			meanWilling === null
				? `Too few answers (fewer than ${minN}) to compare willingness to help across services.`
				: `No fix-first service also has above-average willingness to help (${percent(meanWilling)} on average).`
		);
	}
	for (const f of high) {
		focusSentences.push(
			`${serviceName(f.serviceId)} matters to people (importance ${f.importance.toFixed(1)} out of 5) ` +
				`but satisfaction is below average (${f.satisfaction.toFixed(1)} out of 5), and ` +
				`${percent(f.willing)} would do more to help (${answers(f.n)}): a place to start co-producing.`
		);
	}

	// People it
	const peopleIt: PeopleItEntry[] = [];
	const peopleSentences: string[] = [];
	for (const s of services) {
		const overall = enough(s.willing, minN) ? s.willing.share : null;
		const entry: PeopleItEntry = {
			serviceId: s.serviceId,
			overall,
			n: s.willing.n,
			segments:
				overall === null
					? []
					: keenGroups(
							community.bySegment,
							indexIn(community.bySegment, s.serviceId),
							overall,
							minN
						),
			areas:
				overall === null
					? []
					: keenGroups(community.byArea, indexIn(community.byArea, s.serviceId), overall, minN)
		};
		peopleIt.push(entry);
		const named = [
			...entry.segments.map((g) => ({ name: segmentName(g.groupId), g })),
			...entry.areas.map((g) => ({ name: `people in ${areaName(g.groupId)}`, g }))
		];
		if (overall !== null && named.length > 0) {
			peopleSentences.push(
				`${serviceName(s.serviceId)}: keenest to do more are ` +
					listInWords(
						named.map(({ name, g }) => `${name} (${percent(g.willing)}, ${answers(g.n)})`)
					) +
					`, against ${percent(overall)} of everyone (${answers(entry.n)}).`
			);
		}
	}
	if (peopleSentences.length === 0) {
		peopleSentences.push(
			`No segment or area with ${minN} or more answers stands out as keener to do more.`
		);
	}

	return {
		minN,
		mapIt: { ranked, tooFew },
		focusIt: { meanWilling, services: focus },
		peopleIt,
		sentences: { mapIt: mapSentences, focusIt: focusSentences, peopleIt: peopleSentences }
	};
}

function indexIn(table: CrossTable, serviceId: string): number {
	return table.serviceIds.indexOf(serviceId);
}
