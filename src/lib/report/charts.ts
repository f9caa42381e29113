/**
 * Geometry of the report's charts, worked out on the server so that they need no JavaScript
 * and print as drawn: the survey's priority map (importance against satisfaction, split into
 * quadrants at the averages) and the bars of wants against don't-wants. Pure numbers in, SVG
 * coordinates out.
 */

export interface MapPoint {
	id: string;
	label: string;
	importance: number;
	satisfaction: number;
}

export interface PlacedPoint extends MapPoint {
	x: number;
	y: number;
	/** Where its label goes (left-aligned at labelX, baseline at labelY, or right-aligned). */
	labelX: number;
	labelY: number;
	anchor: 'start' | 'end';
}

export interface MapLayout {
	width: number;
	height: number;
	/** The plotting area inside the axes. */
	plot: { left: number; top: number; right: number; bottom: number };
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	/** The split lines at the averages, when there are any. */
	meanX: number | null;
	meanY: number | null;
	points: PlacedPoint[];
}

/** Rough width of a label in the chart's 13px font (no measuring without a browser). */
const CHAR = 7;
const LINE = 15;

/** A scale's ends: the data's range widened to half-point steps, kept within 1 to 5. */
export function domainOf(values: readonly number[]): [number, number] {
	if (!values.length) return [1, 5];
	const lo = Math.max(1, Math.floor(Math.min(...values) * 2 - 0.5) / 2);
	const hi = Math.min(5, Math.ceil(Math.max(...values) * 2 + 0.5) / 2);
	return hi - lo < 1 ? [Math.max(1, lo - 0.5), Math.min(5, hi + 0.5)] : [lo, hi];
}

/**
 * The priority map: satisfaction across (low at the left), importance up (high at the top), so
 * that "fix first" (important, unsatisfactory) is the top-left quadrant. Labels sit beside
 * their points and are moved off any label already placed, a line down or up at a time.
 */
export function priorityMapLayout(
	points: readonly MapPoint[],
	means: { importance: number | null; satisfaction: number | null },
	width = 640,
	height = 420
): MapLayout {
	const plot = { left: 56, top: 16, right: width - 16, bottom: height - 48 };
	const [x0, x1] = domainOf(points.map((p) => p.satisfaction));
	const [y0, y1] = domainOf(points.map((p) => p.importance));
	const sx = (v: number) => plot.left + ((v - x0) / (x1 - x0)) * (plot.right - plot.left);
	const sy = (v: number) => plot.bottom - ((v - y0) / (y1 - y0)) * (plot.bottom - plot.top);
	const ticks = (a: number, b: number) => {
		const out: number[] = [];
		for (let v = a; v <= b + 1e-9; v += 0.5) out.push(Math.round(v * 10) / 10);
		return out;
	};
	const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
	const overlaps = (b: (typeof boxes)[number]) =>
		boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
	const placed = [...points]
		.sort((a, b) => b.importance - a.importance || a.label.localeCompare(b.label))
		.map((p): PlacedPoint => {
			const x = sx(p.satisfaction);
			const y = sy(p.importance);
			const w = p.label.length * CHAR;
			// Right of the point, unless that would run off the chart.
			const anchor = x + 8 + w > width ? 'end' : 'start';
			const left = anchor === 'start' ? x + 8 : x - 8 - w;
			// Beside the point if free, else one line down, one up, two down ... within the chart.
			const at = (labelY: number) => ({
				x0: left,
				x1: left + w,
				y0: labelY - LINE + 3,
				y1: labelY + 3
			});
			const candidates = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6].map((k) => y + 4 + k * LINE);
			const labelY =
				candidates.find((ly) => {
					const b = at(ly);
					return !overlaps(b) && b.y0 >= 0 && b.y1 <= height;
				}) ?? candidates[0];
			const box = at(labelY);
			boxes.push(box);
			return { ...p, x, y, labelX: anchor === 'start' ? x + 8 : x - 8, labelY, anchor };
		});
	return {
		width,
		height,
		plot,
		xTicks: ticks(x0, x1).map((value) => ({ value, x: sx(value) })),
		yTicks: ticks(y0, y1).map((value) => ({ value, y: sy(value) })),
		meanX: means.satisfaction === null ? null : sx(means.satisfaction),
		meanY: means.importance === null ? null : sy(means.importance),
		points: placed
	};
}

/** A bar of don't-wants (left of the middle) against wants (right), as shares of 0 to 1. */
export interface ShareBar {
	width: number;
	middle: number;
	left: { x: number; width: number };
	right: { x: number; width: number };
}

export function shareBar(opposition: number, support: number, width = 200): ShareBar {
	const middle = width / 2;
	const clamp = (s: number) => Math.max(0, Math.min(1, s));
	const against = clamp(opposition) * middle;
	const for_ = clamp(support) * middle;
	return {
		width,
		middle,
		left: { x: middle - against, width: against },
		right: { x: middle, width: for_ }
	};
}
