import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSurvey, publishedAnalysis, type SurveyResponse } from './analyse';
import {
	FIXTURE_AREAS,
	FIXTURE_SEGMENTS,
	FIXTURE_SERVICES,
	SMALL_SURVEY,
	repeated
} from './fixtures';
import { suppressCell } from './suppression';
import { serviceQuestionId } from './template';

describe('suppressCell', () => {
	it.each([
		{ n: 0, suppressed: true },
		{ n: 9, suppressed: true },
		{ n: 10, suppressed: false },
		{ n: 250, suppressed: false }
	])('a share over $n answers: suppressed $suppressed', ({ n, suppressed }) => {
		const cell = suppressCell({ n, share: 0.5, suppressed: false });
		expect(cell).toEqual({ n, share: suppressed ? null : 0.5, suppressed });
	});

	it('hides a mean and its interval together', () => {
		expect(suppressCell({ n: 3, mean: 4, ciLow: 2, ciHigh: 6, suppressed: false })).toEqual({
			n: 3,
			mean: null,
			ciLow: null,
			ciHigh: null,
			suppressed: true
		});
	});

	it('keeps a representativeness row’s population figures', () => {
		const row = suppressCell({
			id: 'north',
			n: 4,
			share: 0.1,
			population: 900,
			populationShare: 0.2,
			ratio: 0.5,
			suppressed: false
		});
		expect(row).toEqual({
			id: 'north',
			n: 4,
			share: null,
			population: 900,
			populationShare: 0.2,
			ratio: null,
			suppressed: true
		});
	});

	it('takes another threshold when asked', () => {
		expect(suppressCell({ n: 12, share: 0.5, suppressed: false }, 20).suppressed).toBe(true);
	});
});

const options = {
	serviceIds: FIXTURE_SERVICES,
	segmentIds: FIXTURE_SEGMENTS,
	areaIds: FIXTURE_AREAS
};

describe('publishedAnalysis', () => {
	it('suppresses every cell of the six-response fixture', () => {
		const p = publishedAnalysis(analyseSurvey(SMALL_SURVEY, options));
		expect(p.services.every((s) => s.importance.mean === null && s.willing.share === null)).toBe(
			true
		);
		expect(p.priority.meanImportance).toBeNull();
		expect(p.published).toBe(true);
	});

	it('publishes cells of 10 or more and suppresses the rest', () => {
		// Twice over: parks importance n 10 (published), carer x parks willingness n 6 (not).
		const p = publishedAnalysis(analyseSurvey(repeated(SMALL_SURVEY, 2), options));
		expect(p.services[0].importance.mean).toBeCloseTo(4.2, 10);
		expect(p.community.bySegment.cells[0][0].willing).toEqual({
			n: 6,
			share: null,
			suppressed: true
		});
	});

	it('leaves the staff view untouched', () => {
		const staff = analyseSurvey(SMALL_SURVEY, options);
		publishedAnalysis(staff);
		expect(staff.services[0].importance.mean).toBeCloseTo(4.2, 10);
	});

	it('splits the priority map again without the suppressed services', () => {
		// Twice over, without R1's roads importance: roads importance n 8 (suppressed).
		// Published split: parks (4.2, 2.8) and libraries (2.0, 4.0) only, at 3.1 and 3.4:
		// parks becomes fix first. In the staff view roads (mean 17/4 = 4.25) is in the split
		// ((4.2 + 2.0 + 4.25) / 3, 2.8) and parks ties on satisfaction: keep.
		const responses = repeated(SMALL_SURVEY, 2).map((r, i) => {
			if (i % 6 !== 0) return r;
			const answers = { ...r.answers };
			delete answers[serviceQuestionId('roads', 'importance')];
			return { ...r, answers };
		});
		const staff = analyseSurvey(responses, options);
		const p = publishedAnalysis(staff);
		expect(staff.priority.services.map((s) => s.quadrant)).toEqual(['keep', 'rethink', 'fixFirst']);
		expect(p.priority.meanImportance).toBeCloseTo(3.1, 10);
		expect(p.priority.meanSatisfaction).toBeCloseTo(3.4, 10);
		expect(p.priority.services.map((s) => s.quadrant)).toEqual(['fixFirst', 'rethink', null]);
	});
});

// ---------------------------------------------------------------------------------------------
// Property: nothing published rests on fewer than minN answers
// ---------------------------------------------------------------------------------------------

const HIDDEN = ['mean', 'ciLow', 'ciHigh', 'share', 'ratio'];

/** Every cell (an object with a numeric n and a suppressed flag) anywhere in the value. */
function cells(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
	if (Array.isArray(value)) {
		for (const v of value) cells(v, out);
	} else if (value !== null && typeof value === 'object') {
		const obj = value as Record<string, unknown>;
		if (typeof obj.n === 'number' && 'suppressed' in obj) out.push(obj);
		for (const v of Object.values(obj)) cells(v, out);
	}
	return out;
}

const responseArb: fc.Arbitrary<SurveyResponse> = fc
	.record({
		imp: fc.constantFrom('1', '3', '5', 'dontKnow'),
		sat: fc.constantFrom('2', '4', 'dontUse'),
		con: fc.constantFrom(['none'], ['volunteer']),
		wil: fc.constantFrom('no', 'aLittle', 'aLot'),
		area: fc.constantFrom('north', 'south', 'east'),
		segments: fc.subarray(['carer', 'disabled'])
	})
	.map(({ imp, sat, con, wil, area, segments }) => ({
		answers: {
			[serviceQuestionId('parks', 'importance')]: imp,
			[serviceQuestionId('parks', 'satisfaction')]: sat,
			[serviceQuestionId('parks', 'contribution')]: con,
			[serviceQuestionId('parks', 'willingness')]: wil
		},
		area,
		segments
	}));

describe('publishedAnalysis never leaks a small cell', () => {
	it('hides every value resting on fewer than minN answers, and the read-out never cites one', () => {
		fc.assert(
			fc.property(
				fc.array(responseArb, { maxLength: 60 }),
				fc.integer({ min: 2, max: 25 }),
				(responses, minN) => {
					const p = publishedAnalysis(
						analyseSurvey(responses, {
							serviceIds: ['parks'],
							population: { byArea: { north: 1, south: 1, east: 1 } },
							labels: { services: { parks: 'Parks' } }
						}),
						minN
					);
					const found = cells({ ...p, readout: null });
					expect(found.length).toBeGreaterThan(0);
					for (const cell of found) {
						if ((cell.n as number) >= minN) continue;
						expect(cell.suppressed).toBe(true);
						for (const key of HIDDEN) if (key in cell) expect(cell[key]).toBeNull();
					}
					for (const e of p.readout.mapIt.ranked) expect(e.n).toBeGreaterThanOrEqual(minN);
					for (const e of p.readout.focusIt.services) expect(e.n).toBeGreaterThanOrEqual(minN);
					for (const e of p.readout.peopleIt) {
						for (const g of [...e.segments, ...e.areas]) expect(g.n).toBeGreaterThanOrEqual(minN);
					}
					for (const point of p.priority.services) {
						if (p.services[0].importance.suppressed) expect(point.importance).toBeNull();
					}
				}
			)
		);
	});
});
