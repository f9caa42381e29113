import { describe, expect, it } from 'vitest';
import { priorityChart, priorityMap, quadrant, type PriorityMap } from './priority';
import type { MeanCell } from './statistics';

function mean(value: number | null): MeanCell {
	return { n: value === null ? 0 : 20, mean: value, ciLow: null, ciHigh: null, suppressed: false };
}

describe('quadrant', () => {
	// Split at importance 3, satisfaction 3.
	it.each([
		{ imp: 4, sat: 2, expected: 'fixFirst' },
		{ imp: 4, sat: 4, expected: 'keep' },
		{ imp: 2, sat: 4, expected: 'rethink' },
		{ imp: 2, sat: 2, expected: 'watch' },
		// Ties count as high on both axes.
		{ imp: 3, sat: 2, expected: 'fixFirst' },
		{ imp: 3, sat: 3, expected: 'keep' },
		{ imp: 2, sat: 3, expected: 'rethink' },
		{ imp: 4, sat: 3, expected: 'keep' },
		// Just below the split is low.
		{ imp: 2.999, sat: 2, expected: 'watch' },
		{ imp: 4, sat: 2.999, expected: 'fixFirst' }
	])('importance $imp, satisfaction $sat is $expected', ({ imp, sat, expected }) => {
		expect(quadrant(imp, sat, 3, 3)).toBe(expected);
	});

	it('treats a rounding error below the mean as a tie', () => {
		// (0.1 + 0.2 + 0.3) / 3 is 0.20000000000000004 in floating point, not 0.2.
		const split = (0.1 + 0.2 + 0.3) / 3;
		expect(quadrant(0.2, 0.2, split, split)).toBe('keep');
	});
});

describe('priorityMap', () => {
	it('splits at the plain average of the services’ means', () => {
		// Means (4, 2), (2, 4), (3, 3): split at 3 and 3, each service counting once.
		const map = priorityMap([
			{ serviceId: 'a', importance: mean(4), satisfaction: mean(2) },
			{ serviceId: 'b', importance: mean(2), satisfaction: mean(4) },
			{ serviceId: 'c', importance: mean(3), satisfaction: mean(3) }
		]);
		expect([map.meanImportance, map.meanSatisfaction]).toEqual([3, 3]);
		expect(map.services.map((s) => s.quadrant)).toEqual(['fixFirst', 'rethink', 'keep']);
	});

	it('leaves out a service with no satisfaction mean, from the split and the map', () => {
		// Only a and b are placed: split (4 + 2) / 2 = 3 and (2 + 4) / 2 = 3.
		const map = priorityMap([
			{ serviceId: 'a', importance: mean(4), satisfaction: mean(2) },
			{ serviceId: 'b', importance: mean(2), satisfaction: mean(4) },
			{ serviceId: 'c', importance: mean(5), satisfaction: mean(null) }
		]);
		expect(map.meanImportance).toBe(3);
		expect(map.services[2].quadrant).toBeNull();
	});

	it('has no split when no service can be placed', () => {
		const map = priorityMap([{ serviceId: 'a', importance: mean(null), satisfaction: mean(3) }]);
		expect(map.meanImportance).toBeNull();
	});
});

describe('priorityChart', () => {
	const name = (id: string) => `Service ${id}`;
	const map = (services: PriorityMap['services']): PriorityMap => ({
		meanImportance: 3,
		meanSatisfaction: 3,
		services
	});
	it.each([
		{
			case: 'a placed service is a point, named',
			services: [{ serviceId: 'a', importance: 4, satisfaction: 2, quadrant: 'fixFirst' as const }],
			points: [{ label: 'Service a', importance: 4, satisfaction: 2, quadrant: 'fixFirst' }]
		},
		{
			case: 'a service without importance is left out',
			services: [{ serviceId: 'a', importance: null, satisfaction: 2, quadrant: null }],
			points: []
		},
		{
			case: 'a service without satisfaction is left out',
			services: [{ serviceId: 'a', importance: 4, satisfaction: null, quadrant: null }],
			points: []
		},
		{
			case: 'a service with both means but no quadrant is left out',
			services: [{ serviceId: 'a', importance: 4, satisfaction: 2, quadrant: null }],
			points: []
		},
		{
			case: 'the map order is kept',
			services: [
				{ serviceId: 'b', importance: 2, satisfaction: 4, quadrant: 'rethink' as const },
				{ serviceId: 'a', importance: 2, satisfaction: 2, quadrant: 'watch' as const }
			],
			points: [
				{ label: 'Service b', importance: 2, satisfaction: 4, quadrant: 'rethink' },
				{ label: 'Service a', importance: 2, satisfaction: 2, quadrant: 'watch' }
			]
		}
	])('$case', ({ services, points }) => {
		expect(priorityChart(map(services), name)).toEqual({
			meanImportance: 3,
			meanSatisfaction: 3,
			points
		});
	});

	it('keeps the split lines when nothing is placed', () => {
		expect(
			priorityChart({ meanImportance: null, meanSatisfaction: null, services: [] }, name)
		).toEqual({ meanImportance: null, meanSatisfaction: null, points: [] });
	});
});
