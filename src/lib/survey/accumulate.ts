/**
 * The single pass over responses: every figure the analysis reports is a ratio of sums that
 * this loop adds up into flat typed arrays, so 50,000 responses x 30 services cost one walk
 * and no objects per response. Kept apart from the arithmetic that turns sums into cells.
 */
import { CONTRIBUTION_CODES, DONT_KNOW, DONT_USE, serviceQuestionId } from './template';

/** A response as the analysis reads it. */
export interface SurveyResponse {
	/** Question id -> answer (`svc:<serviceId>:importance` -> '4', contribution -> ['volunteer']). */
	answers: Readonly<Record<string, string | readonly string[] | undefined>>;
	area?: string;
	ageBand?: string;
	segments: readonly string[];
}

// Per-service sums, at these offsets within a service's stride.
export const IMP = 0; // importance: n, sumW, sumWX, sumWX2, sumW2, dontKnowN, dontKnowW
export const SAT = 7; // satisfaction: the same seven, "don't use / don't know" in place of don't know
export const CON = 14; // contribution: answeredN, answeredW, contributingW, then one W per code
export const WIL = 22; // willingness: answeredN, answeredW, willingW, aLotW
export const SERVICE_STRIDE = 26;

// Per group x service sums (a group is a segment or an area). Each question's three sums sit
// side by side (answered n, answered weight, weight of the answers that count): addGroups relies on it.
export const G_CON_N = 0;
export const G_CON_W = 1;
export const G_CON_HIT = 2;
export const G_WIL_N = 3;
export const G_WIL_W = 4;
export const G_WIL_HIT = 5;
export const GROUP_STRIDE = 6;

const Q_IMPORTANCE = 0;
const Q_SATISFACTION = 1;
const Q_CONTRIBUTION = 2;
const Q_WILLINGNESS = 3;

const CONTRIBUTION_INDEX = new Map<string, number>(CONTRIBUTION_CODES.map((c, i) => [c, i]));

/** '1'..'5' -> 1..5, anything else -> 0. */
function score(value: string | readonly string[] | undefined): number {
	if (typeof value !== 'string' || value.length !== 1) return 0;
	const v = value.charCodeAt(0) - 48;
	return v >= 1 && v <= 5 ? v : 0;
}

function addScale(
	s: Float64Array,
	at: number,
	value: string | readonly string[] | undefined,
	optOut: string,
	w: number
): void {
	const x = score(value);
	if (x > 0) {
		s[at] += 1;
		s[at + 1] += w;
		s[at + 2] += w * x;
		s[at + 3] += w * x * x;
		s[at + 4] += w * w;
	} else if (value === optOut) {
		s[at + 5] += 1;
		s[at + 6] += w;
	}
}

/**
 * Adds a contribution answer; returns 0 when unanswered, 1 when answered "none", 2 when
 * contributing. A single string is accepted as well as a list.
 */
function addContribution(
	s: Float64Array,
	at: number,
	value: string | readonly string[] | undefined,
	w: number
): number {
	if (value === undefined) return 0;
	let answered = false;
	let contributing = false;
	if (typeof value === 'string') {
		const i = CONTRIBUTION_INDEX.get(value);
		if (i === undefined) return 0;
		s[at + 3 + i] += w;
		answered = true;
		contributing = i > 0;
	} else {
		for (let k = 0; k < value.length; k++) {
			const i = CONTRIBUTION_INDEX.get(value[k]);
			if (i === undefined) continue;
			s[at + 3 + i] += w;
			answered = true;
			if (i > 0) contributing = true;
		}
	}
	if (!answered) return 0;
	s[at] += 1;
	s[at + 1] += w;
	if (contributing) s[at + 2] += w;
	return contributing ? 2 : 1;
}

/** Adds a willingness answer; returns 0 when unanswered, 1 for "no", 2 for a little or a lot. */
function addWillingness(
	s: Float64Array,
	at: number,
	value: string | readonly string[] | undefined,
	w: number
): number {
	let willing: boolean;
	if (value === 'no') willing = false;
	else if (value === 'aLittle' || value === 'aLot') willing = true;
	else return 0;
	s[at] += 1;
	s[at + 1] += w;
	if (willing) s[at + 2] += w;
	if (value === 'aLot') s[at + 3] += w;
	return willing ? 2 : 1;
}

/** Sums per group (segment or area), created the first time a group is met. */
export interface GroupSums {
	/** The ids the caller listed, then any others in the order first met. */
	ids: string[];
	/** Respondents per group (not weighted). */
	respondents: number[];
	/** Per group: serviceIds.length * GROUP_STRIDE sums, by service. */
	sums: Float64Array[];
}

interface GroupRegistry extends GroupSums {
	index: Map<string, number>;
}

function registry(ids: readonly string[], serviceCount: number): GroupRegistry {
	return {
		ids: [...ids],
		index: new Map(ids.map((id, i) => [id, i])),
		respondents: ids.map(() => 0),
		sums: ids.map(() => new Float64Array(serviceCount * GROUP_STRIDE))
	};
}

function groupSums(reg: GroupRegistry, id: string, serviceCount: number): Float64Array {
	let g = reg.index.get(id);
	if (g === undefined) {
		g = reg.ids.length;
		reg.index.set(id, g);
		reg.ids.push(id);
		reg.respondents.push(0);
		reg.sums.push(new Float64Array(serviceCount * GROUP_STRIDE));
	}
	reg.respondents[g]++;
	return reg.sums[g];
}

export interface Sums {
	serviceIds: readonly string[];
	/** serviceIds.length * SERVICE_STRIDE. */
	services: Float64Array;
	segments: GroupSums;
	areas: GroupSums;
	/** Respondents per age band, for representativeness. */
	ageBands: Map<string, number>;
}

/** Adds one answer (answered, and whether it counts) to the cells of each group the respondent is in. */
function addGroups(
	member: readonly Float64Array[],
	m: number,
	s: number,
	field: number,
	w: number,
	hit: boolean
): void {
	const at = s * GROUP_STRIDE + field;
	for (let j = 0; j < m; j++) {
		const g = member[j];
		g[at] += 1;
		g[at + 1] += w;
		if (hit) g[at + 2] += w;
	}
}

/**
 * Sums every figure in one pass. `weights` holds one weight per response, or is null for
 * all 1. `segmentIds` and `areaIds` are the groups to list first (the council's order);
 * groups met in responses but not listed are added as they are met.
 */
export function accumulate(
	responses: readonly SurveyResponse[],
	serviceIds: readonly string[],
	segmentIds: readonly string[],
	areaIds: readonly string[],
	weights: Float64Array | null
): Sums {
	const S = serviceIds.length;
	// Question id -> service * 4 + which of the four questions. Walking a response's own keys
	// and looking each up here costs half as much as probing 120 ids per response, and
	// answers that are not analysed (text, custom questions) fall through at once.
	const slots = new Map<string, number>();
	serviceIds.forEach((id, s) => {
		slots.set(serviceQuestionId(id, 'importance'), s * 4 + Q_IMPORTANCE);
		slots.set(serviceQuestionId(id, 'satisfaction'), s * 4 + Q_SATISFACTION);
		slots.set(serviceQuestionId(id, 'contribution'), s * 4 + Q_CONTRIBUTION);
		slots.set(serviceQuestionId(id, 'willingness'), s * 4 + Q_WILLINGNESS);
	});
	const segments = registry(segmentIds, S);
	const areas = registry(areaIds, S);
	const ageBands = new Map<string, number>();
	const services = new Float64Array(S * SERVICE_STRIDE);
	// The sums of the groups one response belongs to, reused across responses.
	const member: Float64Array[] = [];

	for (let r = 0; r < responses.length; r++) {
		const response = responses[r];
		const w = weights === null ? 1 : weights[r];
		const answers = response.answers;

		let m = 0;
		const segs = response.segments;
		for (let k = 0; k < segs.length; k++) {
			// A segment listed twice counts once.
			let seen = false;
			for (let j = 0; j < k; j++) if (segs[j] === segs[k]) seen = true;
			if (!seen) member[m++] = groupSums(segments, segs[k], S);
		}
		if (response.area !== undefined) member[m++] = groupSums(areas, response.area, S);
		if (response.ageBand !== undefined) {
			ageBands.set(response.ageBand, (ageBands.get(response.ageBand) ?? 0) + 1);
		}

		for (const key in answers) {
			const slot = slots.get(key);
			if (slot === undefined) continue;
			const s = slot >> 2;
			const at = s * SERVICE_STRIDE;
			const value = answers[key];
			switch (slot & 3) {
				case Q_IMPORTANCE:
					addScale(services, at + IMP, value, DONT_KNOW, w);
					break;
				case Q_SATISFACTION:
					addScale(services, at + SAT, value, DONT_USE, w);
					break;
				case Q_CONTRIBUTION: {
					const con = addContribution(services, at + CON, value, w);
					if (con > 0) addGroups(member, m, s, G_CON_N, w, con === 2);
					break;
				}
				default: {
					const wil = addWillingness(services, at + WIL, value, w);
					if (wil > 0) addGroups(member, m, s, G_WIL_N, w, wil === 2);
				}
			}
		}
	}
	const strip = ({ ids, respondents, sums }: GroupRegistry): GroupSums => ({
		ids,
		respondents,
		sums
	});
	return { serviceIds, services, segments: strip(segments), areas: strip(areas), ageBands };
}
