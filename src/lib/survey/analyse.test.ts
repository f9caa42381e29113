import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSurvey, type SurveyAnalysis, type SurveyResponse } from './analyse';
import {
	FIXTURE_AGE_BANDS,
	FIXTURE_AREAS,
	FIXTURE_SEGMENTS,
	FIXTURE_SERVICES,
	SMALL_SURVEY
} from './fixtures';
import { serviceQuestionId } from './template';

const options = {
	serviceIds: FIXTURE_SERVICES,
	segmentIds: FIXTURE_SEGMENTS,
	areaIds: FIXTURE_AREAS,
	ageBandIds: FIXTURE_AGE_BANDS
};

function service(a: SurveyAnalysis, id: string) {
	const s = a.services.find((x) => x.serviceId === id);
	if (!s) throw new Error(`no ${id}`);
	return s;
}

describe('analyseSurvey on the hand-worked fixture (see fixtures.ts)', () => {
	const a = analyseSurvey(SMALL_SURVEY, options);

	it.each([
		{ id: 'parks', q: 'importance', n: 5, mean: 4.2, low: 3.16117, high: 5.23883 },
		{ id: 'parks', q: 'satisfaction', n: 5, mean: 2.8, low: 1.76117, high: 3.83883 },
		{ id: 'libraries', q: 'importance', n: 5, mean: 2.0, low: 0.75836, high: 3.24164 },
		{ id: 'libraries', q: 'satisfaction', n: 5, mean: 4.0, low: 3.12203, high: 4.87797 },
		{ id: 'roads', q: 'importance', n: 5, mean: 4.2, low: 3.16117, high: 5.23883 },
		{ id: 'roads', q: 'satisfaction', n: 5, mean: 1.6, low: 0.91992, high: 2.28008 }
	] as const)('$id $q: mean $mean [$low, $high], n $n', ({ id, q, n, mean, low, high }) => {
		const cell = service(a, id)[q];
		expect(cell.n).toBe(n);
		expect(cell.mean).toBeCloseTo(mean, 10);
		expect(cell.ciLow).toBeCloseTo(low, 4);
		expect(cell.ciHigh).toBeCloseTo(high, 4);
	});

	it.each([
		{ id: 'parks', field: 'importanceDontKnow', n: 6, share: 1 / 6 },
		{ id: 'parks', field: 'satisfactionDontUse', n: 6, share: 1 / 6 },
		{ id: 'libraries', field: 'importanceDontKnow', n: 6, share: 1 / 6 },
		{ id: 'roads', field: 'importanceDontKnow', n: 5, share: 0 },
		{ id: 'roads', field: 'satisfactionDontUse', n: 6, share: 1 / 6 },
		{ id: 'parks', field: 'contributing', n: 5, share: 0.6 },
		{ id: 'libraries', field: 'contributing', n: 6, share: 1 / 6 },
		{ id: 'roads', field: 'contributing', n: 6, share: 2 / 6 },
		{ id: 'parks', field: 'willing', n: 6, share: 4 / 6 },
		{ id: 'libraries', field: 'willing', n: 5, share: 1 / 5 },
		{ id: 'roads', field: 'willing', n: 6, share: 4 / 6 },
		{ id: 'parks', field: 'willingALot', n: 6, share: 2 / 6 },
		{ id: 'libraries', field: 'willingALot', n: 5, share: 0 },
		{ id: 'roads', field: 'willingALot', n: 6, share: 1 / 6 }
	] as const)('$id $field: $share of $n', ({ id, field, n, share }) => {
		const cell = service(a, id)[field];
		expect(cell.n).toBe(n);
		expect(cell.share).toBeCloseTo(share, 10);
	});

	it.each([
		{ code: 'none', share: 2 / 5 },
		{ code: 'informal', share: 1 / 5 },
		{ code: 'volunteer', share: 2 / 5 },
		{ code: 'organise', share: 1 / 5 },
		{ code: 'other', share: 0 }
	] as const)('parks contribution kind $code: $share', ({ code, share }) => {
		expect(service(a, 'parks').contributionKinds[code].share).toBeCloseTo(share, 10);
	});

	it('places the services on the priority map (parks ties on satisfaction: keep)', () => {
		expect(a.priority.meanImportance).toBeCloseTo(10.4 / 3, 10);
		expect(a.priority.meanSatisfaction).toBeCloseTo(2.8, 10);
		expect(a.priority.services.map((s) => [s.serviceId, s.quadrant])).toEqual([
			['parks', 'keep'],
			['libraries', 'rethink'],
			['roads', 'fixFirst']
		]);
	});

	const table = (t: SurveyAnalysis['community']['bySegment'], group: string, svc: string) =>
		t.cells[t.groupIds.indexOf(group)][t.serviceIds.indexOf(svc)];

	it.each([
		{ group: 'carer', svc: 'parks', con: [2, 3], wil: [3, 3] },
		{ group: 'carer', svc: 'libraries', con: [0, 3], wil: [0, 3] },
		{ group: 'carer', svc: 'roads', con: [1, 3], wil: [2, 3] },
		{ group: 'disabled', svc: 'parks', con: [1, 1], wil: [1, 2] },
		{ group: 'disabled', svc: 'libraries', con: [0, 2], wil: [0, 1] },
		{ group: 'disabled', svc: 'roads', con: [1, 2], wil: [1, 2] }
	])('segment $group x $svc', ({ group, svc, con, wil }) => {
		const cell = table(a.community.bySegment, group, svc);
		expect([cell.contributing.n, cell.willing.n]).toEqual([con[1], wil[1]]);
		expect(cell.contributing.share).toBeCloseTo(con[0] / con[1], 10);
		expect(cell.willing.share).toBeCloseTo(wil[0] / wil[1], 10);
	});

	it.each([
		{ group: 'north', svc: 'parks', con: [3, 3], wil: [3, 3] },
		{ group: 'north', svc: 'libraries', con: [0, 3], wil: [0, 3] },
		{ group: 'north', svc: 'roads', con: [2, 3], wil: [3, 3] },
		{ group: 'south', svc: 'parks', con: [0, 1], wil: [0, 2] },
		{ group: 'south', svc: 'libraries', con: [1, 2], wil: [1, 1] },
		{ group: 'south', svc: 'roads', con: [0, 2], wil: [1, 2] }
	])('area $group x $svc', ({ group, svc, con, wil }) => {
		const cell = table(a.community.byArea, group, svc);
		expect([cell.contributing.n, cell.willing.n]).toEqual([con[1], wil[1]]);
		expect(cell.contributing.share).toBeCloseTo(con[0] / con[1], 10);
		expect(cell.willing.share).toBeCloseTo(wil[0] / wil[1], 10);
	});

	it('counts respondents per group', () => {
		expect(a.community.bySegment.respondents).toEqual([3, 2]);
		expect(a.community.byArea.respondents).toEqual([3, 2]);
	});

	it('reports no weighting when it is off', () => {
		expect(a.weighting).toBeNull();
	});
});

describe('analyseSurvey: what it ignores and how it orders', () => {
	it.each([
		{ name: 'a score out of range', value: '6' },
		{ name: 'a decimal', value: '4.5' },
		{ name: 'an unknown code', value: 'maybe' },
		{ name: 'a list', value: ['4'] }
	])('ignores $name as an importance answer', ({ value }) => {
		const a = analyseSurvey(
			[{ answers: { [serviceQuestionId('parks', 'importance')]: value }, segments: [] }],
			{ serviceIds: ['parks'] }
		);
		expect(a.services[0].importance.n).toBe(0);
	});

	it('accepts a contribution sent as a single string', () => {
		const a = analyseSurvey(
			[{ answers: { [serviceQuestionId('parks', 'contribution')]: 'volunteer' }, segments: [] }],
			{ serviceIds: ['parks'] }
		);
		expect(a.services[0].contributing.share).toBe(1);
	});

	it('counts a segment listed twice in one response once', () => {
		const a = analyseSurvey(
			[
				{
					answers: { [serviceQuestionId('parks', 'willingness')]: 'aLot' },
					segments: ['carer', 'carer']
				}
			],
			{ serviceIds: ['parks'] }
		);
		expect(a.community.bySegment.cells[0][0].willing.n).toBe(1);
	});

	it('lists the council’s groups first, even when empty, then others met, sorted', () => {
		const a = analyseSurvey(
			[
				{ answers: {}, area: 'zeta', segments: ['y'] },
				{ answers: {}, area: 'alpha', segments: ['x'] }
			],
			{ serviceIds: ['parks'], areaIds: ['north'], segmentIds: ['carer'] }
		);
		expect(a.community.byArea.groupIds).toEqual(['north', 'alpha', 'zeta']);
		expect(a.community.bySegment.groupIds).toEqual(['carer', 'x', 'y']);
		expect(a.community.byArea.respondents).toEqual([0, 1, 1]);
	});

	it('ignores answers about services not in the survey', () => {
		const a = analyseSurvey(
			[{ answers: { [serviceQuestionId('pools', 'importance')]: '5' }, segments: [] }],
			{ serviceIds: ['parks'] }
		);
		expect(a.services.map((s) => s.importance.n)).toEqual([0]);
	});
});

describe('representativeness in the analysis', () => {
	const a = analyseSurvey(SMALL_SURVEY, {
		...options,
		population: { byArea: { north: 4000, south: 6000 }, byAgeBand: { young: 5000, old: 5000 } }
	});

	it.each([
		// north: 3 of 5 stated = .6 against 4000 of 10000 = .4, ratio 1.5.
		{ dim: 'byArea', id: 'north', n: 3, share: 0.6, pop: 0.4, ratio: 1.5 },
		{ dim: 'byArea', id: 'south', n: 2, share: 0.4, pop: 0.6, ratio: 0.4 / 0.6 },
		{ dim: 'byAgeBand', id: 'young', n: 2, share: 0.4, pop: 0.5, ratio: 0.8 },
		{ dim: 'byAgeBand', id: 'old', n: 3, share: 0.6, pop: 0.5, ratio: 1.2 }
	] as const)('$dim $id', ({ dim, id, n, share, pop, ratio }) => {
		const row = a.representativeness[dim].find((r) => r.id === id);
		expect(row?.n).toBe(n);
		expect(row?.share).toBeCloseTo(share, 10);
		expect(row?.populationShare).toBeCloseTo(pop, 10);
		expect(row?.ratio).toBeCloseTo(ratio, 10);
	});

	it('counts those who did not say', () => {
		expect([a.representativeness.areaNotStated, a.representativeness.ageBandNotStated]).toEqual([
			1, 1
		]);
	});
});

describe('population weighting in the analysis', () => {
	// By area: north 3 of 5 responses against 40% of people -> 0.4 / 0.6 = 2/3;
	// south 2 of 5 against 60% -> 0.6 / 0.4 = 1.5; R6 (no area) keeps 1.
	const a = analyseSurvey(SMALL_SURVEY, {
		...options,
		population: { byArea: { north: 4000, south: 6000 } },
		weighting: 'area'
	});

	it('reports the weights per cell', () => {
		expect(a.weighting?.cells.map((c) => [c.area, c.weight])).toEqual([
			['north', expect.closeTo(2 / 3, 10)],
			['south', expect.closeTo(1.5, 10)]
		]);
		expect(a.weighting?.unweightedResponses).toBe(1);
	});

	it('weights the mean and its interval (Kish effective size)', () => {
		// Parks importance: R1 5, R2 4, R5 5 at 2/3; R3 4, R4 3 at 1.5.
		// sum w = 5, sum wx = 2/3 * 14 + 1.5 * 7 = 19.8333, mean 3.96667.
		// sum wx^2 = 2/3 * 66 + 1.5 * 25 = 81.5; sum w^2 = 3 * 4/9 + 2 * 2.25 = 5.8333.
		// n_eff = 25 / 5.8333 = 4.2857; spread 81.5/5 - 3.96667^2 = 0.565556;
		// s^2 = 0.565556 * 4.2857 / 3.2857 = 0.737681; se = sqrt(s^2 / n_eff) = 0.414880;
		// df = floor(3.2857) = 3, t = 3.1824, half 1.320315 -> [2.64635, 5.28698].
		const cell = service(a, 'parks').importance;
		expect(cell.n).toBe(5);
		expect(cell.mean).toBeCloseTo(119 / 30, 10);
		expect(cell.ciLow).toBeCloseTo(2.64635, 4);
		expect(cell.ciHigh).toBeCloseTo(5.28698, 4);
	});

	it('weights shares but keeps n as the count of answers', () => {
		// Parks willing: R1 (2/3), R2 (2/3), R5 (2/3), R6 (1) willing; R3, R4 (1.5) not.
		// 3 of a total weight 6 = 0.5 (unweighted it is 4 of 6).
		const cell = service(a, 'parks').willing;
		expect(cell.share).toBeCloseTo(0.5, 10);
		expect(cell.n).toBe(6);
	});

	it('weights by area and age band together when asked', () => {
		// Cells north/young (R1), north/old (R2), south/young (R3), south/old (R4): one
		// response each, equal populations, so every weight is 1; R5 and R6 lack a cell.
		const b = analyseSurvey(SMALL_SURVEY, {
			...options,
			population: {
				byAreaAndAge: { north: { young: 10, old: 10 }, south: { young: 10, old: 10 } }
			},
			weighting: 'areaAndAge'
		});
		expect(b.weighting?.cells.map((c) => [c.area, c.ageBand, c.weight])).toEqual([
			['north', 'old', 1],
			['north', 'young', 1],
			['south', 'old', 1],
			['south', 'young', 1]
		]);
		expect(b.weighting?.unweightedResponses).toBe(2);
	});

	it('caps a tiny cell and says how many responses it holds', () => {
		// south is 1 of 20 responses but 90% of people: raw weight 0.9 / 0.05 = 18, capped at 5.
		const responses: SurveyResponse[] = [
			...Array.from({ length: 19 }, () => ({ answers: {}, area: 'north', segments: [] })),
			{ answers: {}, area: 'south', segments: [] }
		];
		const b = analyseSurvey(responses, {
			serviceIds: ['parks'],
			population: { byArea: { north: 100, south: 900 } },
			weighting: 'area'
		});
		expect(b.weighting?.cells.find((c) => c.area === 'south')).toMatchObject({
			weight: 5,
			capped: true
		});
		expect([b.weighting?.cappedCells, b.weighting?.cappedResponses]).toEqual([1, 1]);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const SERVICES = ['a', 'b', 'c'];
const AREAS = ['n', 's', 'e'];

const answerFor = {
	importance: fc.constantFrom('1', '2', '3', '4', '5', 'dontKnow', 'junk'),
	satisfaction: fc.constantFrom('1', '2', '3', '4', '5', 'dontUse'),
	contribution: fc.subarray(['none', 'informal', 'volunteer', 'organise', 'other', 'x']),
	willingness: fc.constantFrom('no', 'aLittle', 'aLot', 'junk')
};

const responseArb: fc.Arbitrary<SurveyResponse> = fc
	.record({
		blocks: fc.array(
			fc.record(
				{
					importance: answerFor.importance,
					satisfaction: answerFor.satisfaction,
					contribution: answerFor.contribution,
					willingness: answerFor.willingness
				},
				{ requiredKeys: [] }
			),
			{ minLength: SERVICES.length, maxLength: SERVICES.length }
		),
		area: fc.option(fc.constantFrom(...AREAS), { nil: undefined }),
		segments: fc.subarray(['x', 'y'])
	})
	.map(({ blocks, area, segments }) => {
		const answers: Record<string, string | string[]> = {};
		blocks.forEach((b, i) => {
			for (const [field, value] of Object.entries(b)) {
				answers[serviceQuestionId(SERVICES[i], field as 'importance')] = value;
			}
		});
		return { answers, segments, ...(area ? { area } : {}) };
	});

/** Every share and mean in the analysis, in a fixed order, for comparing two analyses. */
function figures(a: SurveyAnalysis): (number | null)[] {
	const out: (number | null)[] = [];
	for (const s of a.services) {
		out.push(s.importance.mean, s.importance.ciLow, s.satisfaction.mean, s.contributing.share);
		out.push(s.willing.share, s.importanceDontKnow.share, s.willingALot.share);
	}
	for (const t of [a.community.bySegment, a.community.byArea]) {
		for (const row of t.cells) for (const c of row) out.push(c.contributing.share, c.willing.share);
	}
	return out;
}

function expectSameFigures(a: SurveyAnalysis, b: SurveyAnalysis): void {
	const fa = figures(a);
	const fb = figures(b);
	expect(fb.length).toBe(fa.length);
	fa.forEach((x, i) => {
		if (x === null) expect(fb[i]).toBeNull();
		else expect(fb[i]).toBeCloseTo(x, 9);
	});
}

describe('analyseSurvey properties', () => {
	it('keeps every share in [0, 1] and every mean in [1, 5], weighted or not', () => {
		fc.assert(
			fc.property(
				fc.array(responseArb, { maxLength: 30 }),
				fc.constantFrom('none', 'area') as fc.Arbitrary<'none' | 'area'>,
				(responses, weighting) => {
					const a = analyseSurvey(responses, {
						serviceIds: SERVICES,
						weighting,
						population: { byArea: { n: 100, s: 300, e: 50 } }
					});
					for (const s of a.services) {
						for (const m of [s.importance.mean, s.satisfaction.mean]) {
							if (m !== null) {
								expect(m).toBeGreaterThanOrEqual(1 - 1e-9);
								expect(m).toBeLessThanOrEqual(5 + 1e-9);
							}
						}
					}
					for (const x of figures(a)) {
						if (x === null) continue;
						expect(Number.isFinite(x)).toBe(true);
					}
					const shares = a.services.flatMap((s) => [
						s.contributing.share,
						s.willing.share,
						s.willingALot.share,
						s.importanceDontKnow.share,
						s.satisfactionDontUse.share
					]);
					for (const t of [a.community.bySegment, a.community.byArea]) {
						for (const row of t.cells) {
							for (const c of row) shares.push(c.contributing.share, c.willing.share);
						}
					}
					for (const x of shares) {
						if (x === null) continue;
						expect(x).toBeGreaterThanOrEqual(0);
						expect(x).toBeLessThanOrEqual(1 + 1e-12);
					}
				}
			)
		);
	});

	it('gives the unweighted figures when each area’s population share equals its response share', () => {
		fc.assert(
			fc.property(
				fc.array(responseArb, { minLength: 1, maxLength: 30 }),
				fc.integer({ min: 1, max: 1000 }),
				(responses, perResponse) => {
					const byArea: Record<string, number> = {};
					for (const r of responses) {
						if (r.area) byArea[r.area] = (byArea[r.area] ?? 0) + perResponse;
					}
					const plain = analyseSurvey(responses, { serviceIds: SERVICES });
					const weighted = analyseSurvey(responses, {
						serviceIds: SERVICES,
						population: { byArea },
						weighting: 'area'
					});
					expectSameFigures(plain, weighted);
				}
			)
		);
	});

	it('does not depend on the order of the responses', () => {
		fc.assert(
			fc.property(
				fc
					.array(responseArb, { maxLength: 20 })
					.chain((rs) =>
						fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))
					),
				([responses, shuffled]) => {
					const opts = { serviceIds: SERVICES, areaIds: AREAS, segmentIds: ['x', 'y'] };
					expectSameFigures(analyseSurvey(responses, opts), analyseSurvey(shuffled, opts));
				}
			)
		);
	});
});
