import { describe, expect, it } from 'vitest';
import { analyseSurvey } from './analyse';
import {
	FIXTURE_AREAS,
	FIXTURE_SEGMENTS,
	FIXTURE_SERVICES,
	SMALL_SURVEY,
	repeated
} from './fixtures';
import { listInWords } from './readout';

const labels = {
	services: { parks: 'Parks', libraries: 'Libraries', roads: 'Roads' },
	segments: { carer: 'carers', disabled: 'disabled people' },
	areas: { north: 'North ward', south: 'South ward' }
};

// The fixture five times over: every share and mean as worked out in fixtures.ts, every n
// five times larger, so that cells of 2 or 3 answers become 10 or 15 and pass the minimum of 10.
const a = analyseSurvey(repeated(SMALL_SURVEY, 5), {
	serviceIds: FIXTURE_SERVICES,
	segmentIds: FIXTURE_SEGMENTS,
	areaIds: FIXTURE_AREAS,
	labels
});
const r = a.readout;

describe('Map it', () => {
	it('ranks services by the share already contributing', () => {
		// parks 0.6 (n 25), roads 1/3 (n 30), libraries 1/6 (n 30).
		expect(r.mapIt.ranked.map((e) => [e.serviceId, e.n])).toEqual([
			['parks', 25],
			['roads', 30],
			['libraries', 30]
		]);
	});

	it('says it in words', () => {
		expect(r.sentences.mapIt).toEqual([
			'People already contribute most to Parks, Roads and Libraries.',
			'Parks: 60% already contribute (25 answers).',
			'Roads: 33% already contribute (30 answers).',
			'Libraries: 17% already contribute (30 answers).'
		]);
	});

	it('names services with too few answers instead of ranking them', () => {
		// The bare fixture has at most 6 answers per service.
		const small = analyseSurvey(SMALL_SURVEY, { serviceIds: FIXTURE_SERVICES, labels });
		expect(small.readout.mapIt.ranked).toEqual([]);
		expect(small.readout.sentences.mapIt).toContain(
			'Too few answers (fewer than 10) to say for Parks, Libraries and Roads.'
		);
	});
});

describe('Focus it', () => {
	it('lists the fix-first services with their willingness', () => {
		// Roads is the only fix-first service; willing 2/3 against an average over services
		// of (2/3 + 1/5 + 2/3) / 3 = 0.5111: high.
		expect(r.focusIt.meanWilling).toBeCloseTo((2 / 3 + 1 / 5 + 2 / 3) / 3, 10);
		expect(r.focusIt.services).toEqual([
			{
				serviceId: 'roads',
				importance: expect.closeTo(4.2, 10),
				satisfaction: expect.closeTo(1.6, 10),
				willing: expect.closeTo(2 / 3, 10),
				n: 30,
				highWillingness: true
			}
		]);
	});

	it('says where to start', () => {
		expect(r.sentences.focusIt).toEqual([
			'Roads matters to people (importance 4.2 out of 5) but satisfaction is below average ' +
				'(1.6 out of 5), and 67% would do more to help (30 answers): a place to start co-producing.'
		]);
	});
});

describe('People it', () => {
	it.each([
		// parks: everyone 2/3; carers 3/3 (15) and north 3/3 (15) are keener; disabled 1/2
		// and south 0/2 are not.
		{ svc: 'parks', segments: ['carer'], areas: ['north'] },
		// libraries: everyone 1/5; south 1/1 is keener but has only 5 answers; nobody else.
		{ svc: 'libraries', segments: [], areas: [] },
		// roads: everyone 2/3; carers 2/3 only equal (not keener); north 3/3 keener.
		{ svc: 'roads', segments: [], areas: ['north'] }
	])('$svc: segments $segments, areas $areas', ({ svc, segments, areas }) => {
		const entry = r.peopleIt.find((e) => e.serviceId === svc);
		expect(entry?.segments.map((g) => g.groupId)).toEqual(segments);
		expect(entry?.areas.map((g) => g.groupId)).toEqual(areas);
	});

	it('says who is keenest', () => {
		expect(r.sentences.peopleIt).toEqual([
			'Parks: keenest to do more are carers (100%, 15 answers) and people in North ward ' +
				'(100%, 15 answers), against 67% of everyone (30 answers).',
			'Roads: keenest to do more are people in North ward (100%, 15 answers), against 67% of ' +
				'everyone (30 answers).'
		]);
	});
});

describe('listInWords', () => {
	it.each([
		{ items: [], words: '' },
		{ items: ['A'], words: 'A' },
		{ items: ['A', 'B'], words: 'A and B' },
		{ items: ['A', 'B', 'C'], words: 'A, B and C' }
	])('$items -> "$words"', ({ items, words }) => {
		expect(listInWords(items)).toBe(words);
	});
});
