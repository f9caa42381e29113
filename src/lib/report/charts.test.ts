import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainOf, priorityMapLayout, shareBar, type MapPoint } from './charts';

describe("the priority map's scales", () => {
	it.each([
		['the data widened to half points', [2.32, 3.9], [2, 4.5]],
		['never beyond 1 to 5', [1.1, 4.95], [1, 5]],
		['at least one point wide', [3.2, 3.3], [2.5, 4]],
		['the whole scale without data', [], [1, 5]]
	])('are %s', (_name, values, domain) => {
		expect(domainOf(values)).toEqual(domain);
	});
});

const POINTS: MapPoint[] = [
	{ id: 'day', label: 'Adult day services', importance: 4.21, satisfaction: 2.32 },
	{ id: 'transport', label: 'Community transport', importance: 3.99, satisfaction: 2.64 },
	{ id: 'waste', label: 'Waste and recycling', importance: 4.32, satisfaction: 3.73 },
	{ id: 'parks', label: 'Parks and open spaces', importance: 4.13, satisfaction: 3.75 },
	{ id: 'libraries', label: 'Libraries', importance: 3.53, satisfaction: 3.9 }
];
const MEANS = { importance: 3.89, satisfaction: 3.19 };

describe('the priority map', () => {
	it('puts "fix first" (important, unsatisfactory) top left of the split lines', () => {
		const layout = priorityMapLayout(POINTS, MEANS);
		const day = layout.points.find((p) => p.id === 'day')!;
		expect(day.x).toBeLessThan(layout.meanX!);
		expect(day.y).toBeLessThan(layout.meanY!);
		const libraries = layout.points.find((p) => p.id === 'libraries')!;
		expect(libraries.x).toBeGreaterThan(layout.meanX!);
		expect(libraries.y).toBeGreaterThan(layout.meanY!);
	});

	it('keeps every point inside the plot and every tick on its axis', () => {
		const { plot, points, xTicks, yTicks } = priorityMapLayout(POINTS, MEANS);
		for (const p of points) {
			expect(p.x).toBeGreaterThanOrEqual(plot.left);
			expect(p.x).toBeLessThanOrEqual(plot.right);
			expect(p.y).toBeGreaterThanOrEqual(plot.top);
			expect(p.y).toBeLessThanOrEqual(plot.bottom);
		}
		expect(xTicks[0]).toEqual({ value: 2, x: plot.left });
		expect(yTicks[yTicks.length - 1].y).toBe(plot.top);
	});

	it('moves labels off each other and keeps them on the chart', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						importance: fc.double({ min: 1, max: 5, noNaN: true }),
						satisfaction: fc.double({ min: 1, max: 5, noNaN: true }),
						label: fc.string({ minLength: 1, maxLength: 30 })
					}),
					{ minLength: 1, maxLength: 8 }
				),
				(raw) => {
					const layout = priorityMapLayout(
						raw.map((p, i) => ({ ...p, id: String(i) })),
						MEANS
					);
					const boxes = layout.points.map((p) => {
						const w = p.label.length * 7;
						const x0 = p.anchor === 'start' ? p.labelX : p.labelX - w;
						return { x0, x1: x0 + w, y0: p.labelY - 12, y1: p.labelY + 3 };
					});
					for (const b of boxes) {
						expect(b.x0).toBeGreaterThanOrEqual(0);
						expect(b.x1).toBeLessThanOrEqual(layout.width + 1e-9);
						expect(b.y0).toBeGreaterThanOrEqual(0);
						expect(b.y1).toBeLessThanOrEqual(layout.height);
					}
					// Labels of nearby points never overlap (up to a dozen moves each).
					if (raw.length <= 4)
						boxes.forEach((a, i) =>
							boxes.slice(i + 1).forEach((b) => {
								const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
								expect(overlap).toBe(false);
							})
						);
				}
			)
		);
	});

	it('puts a label left of a point near the right edge', () => {
		const layout = priorityMapLayout(
			[
				{ id: 'a', label: 'A long service name', importance: 4, satisfaction: 5 },
				{ id: 'b', label: 'B', importance: 3, satisfaction: 1 }
			],
			MEANS
		);
		expect(layout.points.find((p) => p.id === 'a')!.anchor).toBe('end');
		expect(layout.points.find((p) => p.id === 'b')!.anchor).toBe('start');
	});
});

describe('a bar of wants against don’t-wants', () => {
	it("draws don't-wants left of the middle and wants right, to scale", () => {
		expect(shareBar(0.25, 0.5)).toEqual({
			width: 200,
			middle: 100,
			left: { x: 75, width: 25 },
			right: { x: 100, width: 50 }
		});
	});

	it('keeps shares between 0 and 1', () => {
		expect(shareBar(-0.1, 1.2)).toMatchObject({
			left: { x: 100, width: 0 },
			right: { x: 100, width: 100 }
		});
	});
});
