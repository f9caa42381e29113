/**
 * Survey analysis at scale: 50,000 responses x 30 services, generated with a seeded PRNG,
 * analysed unweighted, weighted by area and age, and prepared for publishing. The target is
 * under 1 second per analysis. `npm run bench -- survey` runs it. Prints figures; never fails
 * on timing.
 */
import { analyseSurvey, publishedAnalysis, type SurveyResponse } from '../src/lib/survey/analyse';
import type { PopulationCounts } from '../src/lib/survey/representativeness';
import { serviceQuestionId } from '../src/lib/survey/template';

const RESPONSES = 50_000;
const SERVICES = 30;
const AREAS = 20;
const AGE_BANDS = 6;
const SEGMENTS = 8;
const RUNS = 5;
const TARGET_MS = 1000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const serviceIds = Array.from({ length: SERVICES }, (_, i) => `service-${i + 1}`);
const areaIds = Array.from({ length: AREAS }, (_, i) => `area-${i + 1}`);
const ageBandIds = Array.from({ length: AGE_BANDS }, (_, i) => `age-${i + 1}`);
const segmentIds = Array.from({ length: SEGMENTS }, (_, i) => `segment-${i + 1}`);
const contributionCodes = ['informal', 'volunteer', 'organise', 'other'];

/**
 * Responses as the server would hand them over: answers parsed from stored JSON text, which
 * is how the lead stores them, so the objects have the shape the analysis really meets.
 */
function generate(rng: () => number): SurveyResponse[] {
	const out: SurveyResponse[] = new Array(RESPONSES);
	const scores = ['1', '2', '3', '4', '5'];
	for (let r = 0; r < RESPONSES; r++) {
		const answers: Record<string, string | string[]> = {};
		for (let s = 0; s < SERVICES; s++) {
			const id = serviceIds[s];
			// Skewed per service so that the quadrants and shares are not all alike.
			const bias = (s % 5) / 5;
			const u = rng();
			if (u < 0.85)
				answers[serviceQuestionId(id, 'importance')] =
					scores[Math.min(4, Math.floor(rng() * 4 + bias * 2))];
			else if (u < 0.93) answers[serviceQuestionId(id, 'importance')] = 'dontKnow';
			const v = rng();
			if (v < 0.7) answers[serviceQuestionId(id, 'satisfaction')] = scores[Math.floor(rng() * 5)];
			else if (v < 0.9) answers[serviceQuestionId(id, 'satisfaction')] = 'dontUse';
			const c = rng();
			if (c < 0.5) answers[serviceQuestionId(id, 'contribution')] = ['none'];
			else if (c < 0.8) {
				answers[serviceQuestionId(id, 'contribution')] =
					rng() < 0.8 ? [contributionCodes[Math.floor(rng() * 4)]] : ['volunteer', 'organise'];
			}
			const w = rng();
			if (w < 0.8) {
				answers[serviceQuestionId(id, 'willingness')] =
					w < 0.4 ? 'no' : w < 0.65 ? 'aLittle' : 'aLot';
			}
			if (rng() < 0.05) answers[serviceQuestionId(id, 'willingnessText')] = 'Help at the weekend';
		}
		const segments: string[] = [];
		for (const seg of segmentIds) if (rng() < 0.15) segments.push(seg);
		const response: SurveyResponse = {
			answers: JSON.parse(JSON.stringify(answers)),
			segments
		};
		if (rng() < 0.9) response.area = areaIds[Math.floor(rng() * rng() * AREAS)];
		if (rng() < 0.85) response.ageBand = ageBandIds[Math.floor(rng() * AGE_BANDS)];
		out[r] = response;
	}
	return out;
}

function population(): PopulationCounts {
	const byArea: Record<string, number> = {};
	const byAgeBand: Record<string, number> = {};
	const byAreaAndAge: Record<string, Record<string, number>> = {};
	for (const a of areaIds) {
		byArea[a] = 0;
		byAreaAndAge[a] = {};
		for (const g of ageBandIds) {
			byAreaAndAge[a][g] = 1000;
			byArea[a] += 1000;
			byAgeBand[g] = (byAgeBand[g] ?? 0) + 1000;
		}
	}
	return { byArea, byAgeBand, byAreaAndAge };
}

function time(label: string, fn: () => unknown): number {
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		globalThis.gc?.();
		const start = performance.now();
		fn();
		times.push(performance.now() - start);
	}
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[Math.floor(RUNS / 2)];
	const worst = sorted[RUNS - 1];
	console.log(
		`${label.padEnd(34)} first ${times[0].toFixed(0).padStart(5)} ms, median ${median
			.toFixed(0)
			.padStart(
				5
			)} ms, worst ${worst.toFixed(0).padStart(5)} ms ${worst < TARGET_MS ? 'OK' : 'OVER TARGET'}`
	);
	return worst;
}

const genStart = performance.now();
const responses = generate(mulberry32(20240605));
globalThis.gc?.();
const rssAfterGenerate = process.memoryUsage().rss / 2 ** 20;
console.log(
	`generated ${RESPONSES} responses x ${SERVICES} services in ${(performance.now() - genStart).toFixed(0)} ms; ` +
		`RSS then ${rssAfterGenerate.toFixed(0)} MB`
);
const pop = population();
const base = { serviceIds, segmentIds, areaIds, ageBandIds, population: pop };

time('analyse (unweighted)', () => analyseSurvey(responses, base));
time('analyse (weighted, area x age)', () =>
	analyseSurvey(responses, { ...base, weighting: 'areaAndAge' })
);
const staff = analyseSurvey(responses, base);
time('publishedAnalysis (suppression)', () => publishedAnalysis(staff));

const check = analyseSurvey(responses, { ...base, weighting: 'areaAndAge' });
console.log(
	`check: ${check.respondents} respondents, importance n for ${serviceIds[0]} = ${check.services[0].importance.n}, ` +
		`capped cells = ${check.weighting?.cappedCells ?? 0}, ` +
		`quadrants = ${check.priority.services.map((p) => p.quadrant?.[0] ?? '-').join('')}`
);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
	`peak RSS ${peakMb.toFixed(0)} MB over the whole run (generating the responses included); ` +
		`RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`
);
