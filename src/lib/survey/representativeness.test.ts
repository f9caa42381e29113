import { describe, expect, it } from 'vitest';
import { representativeness, responseWeights } from './representativeness';

describe('representativeness', () => {
	const responses = [
		{ area: 'b', ageBand: 'young' },
		{ area: 'b' },
		{ area: 'z' },
		{ ageBand: 'old' }
	];
	// Listed a, b; z seen in responses; y only in the population.
	const rep = representativeness(responses, { byArea: { a: 100, b: 300, y: 100 } }, ['a', 'b']);

	it('orders rows: the council’s list, then others seen, sorted', () => {
		expect(rep.byArea.map((r) => r.id)).toEqual(['a', 'b', 'y', 'z']);
	});

	it.each([
		// 3 stated an area: b 2 of 3; population shares over a + b + y = 500.
		{ id: 'a', n: 0, share: 0, populationShare: 0.2, ratio: 0 },
		{ id: 'b', n: 2, share: 2 / 3, populationShare: 0.6, ratio: 2 / 3 / 0.6 },
		{ id: 'z', n: 1, share: 1 / 3, populationShare: null, ratio: null }
	])('row $id', ({ id, n, share, populationShare, ratio }) => {
		const row = rep.byArea.find((r) => r.id === id);
		expect(row?.n).toBe(n);
		expect(row?.share).toBeCloseTo(share, 10);
		if (populationShare === null) expect(row?.populationShare).toBeNull();
		else expect(row?.populationShare).toBeCloseTo(populationShare, 10);
		if (ratio === null) expect(row?.ratio).toBeNull();
		else expect(row?.ratio).toBeCloseTo(ratio, 10);
	});

	it('counts those who did not say', () => {
		expect([rep.total, rep.areaNotStated, rep.ageBandNotStated]).toEqual([4, 1, 2]);
	});

	it('has no population share without population figures', () => {
		expect(rep.byAgeBand.every((r) => r.populationShare === null)).toBe(true);
	});
});

describe('responseWeights', () => {
	it('is off unless asked for', () => {
		expect(responseWeights([{ area: 'a' }], 'none', { byArea: { a: 1 } })).toEqual({
			weights: null,
			report: null
		});
	});

	it('gives weight 1 to responses with no area and to areas with no population', () => {
		// a: 2 responses, population 10; b: no population; third response: no area.
		// Only a takes part, so its weight is (10/10) / (2/2) = 1 too.
		const { weights, report } = responseWeights(
			[{ area: 'a' }, { area: 'a' }, { area: 'b' }, {}],
			'area',
			{ byArea: { a: 10 } }
		);
		expect([...(weights ?? [])]).toEqual([1, 1, 1, 1]);
		expect(report?.unweightedResponses).toBe(2);
	});

	it('weights under- and over-represented areas', () => {
		// a: 3 of 4 responses, half the people -> 0.5 / 0.75 = 2/3; b: 0.5 / 0.25 = 2.
		const { weights } = responseWeights(
			[{ area: 'a' }, { area: 'a' }, { area: 'a' }, { area: 'b' }],
			'area',
			{ byArea: { a: 50, b: 50 } }
		);
		expect([...(weights ?? [])].map((w) => Math.round(w * 1000) / 1000)).toEqual([
			0.667, 0.667, 0.667, 2
		]);
	});
});
