/**
 * Which savings are taken to meet the target (docs/counting.md, version 2, step 6), and the order
 * in which members would consider releasing held-back savings when protection leaves a
 * shortfall (step 7). The same selection serves the protected and the majority methods, so the
 * comparison between them isolates what protection changes.
 */

/**
 * 'accept'; 'met': not needed, the target is already met; 'smaller': not needed, a smaller
 * lower-ranked saving closes the remaining gap.
 */
export type Selected = 'accept' | 'met' | 'smaller';

/**
 * Walks the candidates in rank order while the target is not met. With g still needed, a
 * candidate of at most g is accepted; a larger one only if no single lower-ranked candidate
 * closes the gap with a smaller amount (one cut that overshoots a little is preferred to several
 * small ones, and a saving residents ranked higher is never dropped to trim an overshoot).
 * Once the target is met the rest are not needed. With no target every candidate is accepted.
 * @param amounts the candidates' amounts, in rank order
 */
export function selectSavings(amounts: readonly number[], target: number): Selected[] {
	if (target <= 0) return amounts.map(() => 'accept');
	let saved = 0;
	return amounts.map((amount, i) => {
		if (saved >= target) return 'met';
		const gap = target - saved;
		if (amount > gap && amounts.some((a, j) => j > i && a >= gap && a < amount)) return 'smaller';
		saved += amount;
		return 'accept';
	});
}

/** A saving held back by protection (or as marginal), for the override order. */
export interface HeldBack {
	/** Listed position (the last tie-break). */
	index: number;
	marginal: boolean;
	/** Each protecting (or marginal) group's don't-wants and ballots. */
	groups: readonly { count: number; ballots: number }[];
}

/**
 * The override order: marginal savings first; then by the largest don't-want share among the
 * groups that protect each one (or make it marginal), smallest first, compared exactly; then
 * listed order. A share, not a confidence bound, so that a small unanimous group never ranks as
 * weaker than a large, less united one.
 */
export function overrideOrder<T extends HeldBack>(held: readonly T[]): T[] {
	// x.count / x.ballots against y.count / y.ballots, cross-multiplied in whole numbers.
	const cmp = (x: { count: number; ballots: number }, y: { count: number; ballots: number }) => {
		const d = BigInt(x.count) * BigInt(y.ballots) - BigInt(y.count) * BigInt(x.ballots);
		return d > 0n ? 1 : d < 0n ? -1 : 0;
	};
	const largest = (h: HeldBack) =>
		h.groups.reduce(
			(best, g) => (cmp(g, best) > 0 ? g : best),
			h.groups[0] ?? { count: 0, ballots: 1 }
		);
	return [...held].sort((a, b) => {
		if (a.marginal !== b.marginal) return a.marginal ? -1 : 1;
		return cmp(largest(a), largest(b)) || a.index - b.index;
	});
}
