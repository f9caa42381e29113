import { describe, expect, it } from 'vitest';
import { populationWeights } from './population';

describe('populationWeights', () => {
	it.each([
		// north is 50% of people but 80% of responses: 0.5/0.8
		{ name: 'over-represented cell weighs less', cell: 'north', expected: 0.625 },
		// south is 50% of people but 20% of responses: 0.5/0.2
		{ name: 'under-represented cell weighs more', cell: 'south', expected: 2.5 }
	])('$name', ({ cell, expected }) => {
		const result = populationWeights(
			new Map([
				['north', 80],
				['south', 20]
			]),
			new Map([
				['north', 1000],
				['south', 1000]
			])
		);
		expect(result.weights.get(cell)).toBeCloseTo(expected, 10);
	});

	it('caps a tiny cell at the cap and reports it', () => {
		const result = populationWeights(
			new Map([
				['north', 99],
				['south', 1]
			]),
			new Map([
				['north', 500],
				['south', 500]
			])
		);
		expect(result.weights.get('south')).toBe(5);
		expect(result.cappedCells).toEqual(['south']);
		expect(result.cappedResponses).toBe(1);
	});

	it('leaves a cell without a population at weight 1', () => {
		const result = populationWeights(
			new Map([
				['north', 10],
				['east', 10]
			]),
			new Map([['north', 100]])
		);
		expect(result.weights.has('east')).toBe(false);
		expect(result.weights.get('north')).toBe(1);
	});
});
