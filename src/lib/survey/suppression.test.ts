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

	it.each([
		// Twice over: carers 6, disabled 4; north 6, south 4: no segment, the areas together.
		{ times: 2, segments: [], areas: [['other-areas', 10]] },
		// Three times: north 9 and south 6 together.
		{ times: 3, segments: [], areas: [['other-areas', 15]] },
		// Four times: carers 12 (published); south 8 alone could be worked out from the total,
		// so north (12) joins it.
		{ times: 4, segments: [['carer', 12]], areas: [['other-areas', 20]] },
		// Five times: carers 15, disabled 10; north 15, south 10.
		{
			times: 5,
			segments: [
				['carer', 15],
				['disabled', 10]
			],
			areas: [
				['north', 15],
				['south', 10]
			]
		}
	])(
		'publishes no group of fewer than 10 people ($times times the fixture)',
		({ times, segments, areas }) => {
			const p = publishedAnalysis(analyseSurvey(repeated(SMALL_SURVEY, times), options));
			const rows = (t: { groupIds: string[]; respondents: number[] }) =>
				t.groupIds.map((id, i) => [id, t.respondents[i]]);
			expect(rows(p.community.bySegment)).toEqual(segments);
			expect(rows(p.community.byArea)).toEqual(areas);
			expect(p.publishable).toEqual(p.community);
		}
	);

	it('suppresses a cell of fewer than 10 answers in a published row', () => {
		// Five times, without R1's willingness about parks: carers x parks is 10, not 15.
		const responses = repeated(SMALL_SURVEY, 5).map((r, i) => {
			if (i % 6 !== 0) return r;
			const answers = { ...r.answers };
			delete answers[serviceQuestionId('parks', 'willingness')];
			return { ...r, answers };
		});
		const p = publishedAnalysis(analyseSurvey(responses, options));
		const staff = analyseSurvey(responses, options);
		expect(staff.community.bySegment.cells[1][0].willing.n).toBe(
			p.community.bySegment.cells[1][0].willing.n
		);
		const small = p.community.bySegment.cells.flat().filter((c) => c.willing.n < 10);
		expect(small.length).toBeGreaterThan(0);
		for (const c of small) expect(c.willing).toMatchObject({ share: null, suppressed: true });
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
							labels: { services: { parks: 'Parks' } },
							suppressBelow: minN
						})
					);
					for (const t of [p.community.bySegment, p.community.byArea])
						for (const n of t.respondents) expect(n).toBeGreaterThanOrEqual(minN);
					// Areas do not overlap: published ones never leave a small remainder (an area
					// anyone could work out from the total), unless none is published at all.
					const areasGiven = responses.filter((r) => r.area).length;
					const published = p.community.byArea.respondents.reduce((a, b) => a + b, 0);
					expect(
						published === 0 || areasGiven - published === 0 || areasGiven - published >= minN
					).toBe(true);
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
