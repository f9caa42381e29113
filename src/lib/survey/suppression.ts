/**
 * Small-cell suppression for anything published or exported (docs/survey.md): a figure
 * resting on fewer than 10 answers is replaced by null and marked suppressed, so that no one
 * can be picked out of a small group. Its `n` stays, so readers see why it is missing. The
 * staff dashboard uses the analysis as it is.
 */
import type { MeanCell, ShareCell } from './statistics';
import type { RepresentativenessRow } from './representativeness';

export const SUPPRESSION_MIN_N = 10;

type Cell = MeanCell | ShareCell | RepresentativenessRow;

/** The values a cell hides when suppressed (counts such as `n` and population stay). */
const HIDDEN = ['mean', 'ciLow', 'ciHigh', 'share', 'ratio'] as const;

/**
 * The cell as it may be published: unchanged when `n >= minN`, otherwise with its values
 * null and `suppressed: true`.
 */
export function suppressCell<T extends Cell>(cell: T, minN: number = SUPPRESSION_MIN_N): T {
	if (cell.n >= minN) return cell;
	const out: Record<string, unknown> = { ...cell, suppressed: true };
	for (const key of HIDDEN) if (key in out) out[key] = null;
	// Same keys as the input, with only nullable values set to null.
	return out as T;
}
