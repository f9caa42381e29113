/**
 * Means with 95% confidence intervals and shares, from running (possibly weighted) sums.
 *
 * Intervals use Student's t with the Kish effective sample size, n_eff = (sum w)^2 / sum w^2,
 * so that one code path serves weighted and unweighted analyses: with every weight 1,
 * n_eff = n and the interval is the textbook mean +/- t(0.975, n - 1) * s / sqrt(n).
 */

/** A mean on a 1-5 scale. `n` counts the numeric answers (not weighted). */
export interface MeanCell {
	n: number;
	mean: number | null;
	/** 95% interval; null when n < 2. Not clipped to the scale. */
	ciLow: number | null;
	ciHigh: number | null;
	suppressed: boolean;
}

/** A share in [0, 1]. `n` counts the answers in the denominator (not weighted). */
export interface ShareCell {
	n: number;
	share: number | null;
	suppressed: boolean;
}

/** t(0.975, df) for df = 1..30, from standard tables (4 decimals are enough for an interval). */
const T975 = [
	12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
	2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639,
	2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423
];

/** The 0.975 quantile of the standard normal. */
const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (df rounded down, at least
 * 1). Table up to 30; beyond, the Cornish-Fisher expansion in 1/df, which is within 1e-5
 * there and converges to the normal 1.96.
 */
export function tQuantile975(df: number): number {
	const d = Math.max(1, Math.floor(df));
	if (d <= T975.length) return T975[d - 1];
	const z = Z975;
	const z2 = z * z;
	const g1 = (z * (z2 + 1)) / 4;
	const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
	const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
	const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
	return z + g1 / d + g2 / d ** 2 + g3 / d ** 3 + g4 / d ** 4;
}

/**
 * A mean cell from running sums over the numeric answers: `n` answers, `sumW` = sum of
 * weights, `sumWX` = sum of w*x, `sumWX2` = sum of w*x^2, `sumW2` = sum of w^2.
 */
export function meanCell(
	n: number,
	sumW: number,
	sumWX: number,
	sumWX2: number,
	sumW2: number
): MeanCell {
	if (n === 0 || sumW <= 0) return { n, mean: null, ciLow: null, ciHigh: null, suppressed: false };
	const mean = sumWX / sumW;
	if (n < 2) return { n, mean, ciLow: null, ciHigh: null, suppressed: false };
	const nEff = (sumW * sumW) / sumW2;
	// Weighted variance about the mean, then Bessel's correction on the effective size.
	const spread = Math.max(0, sumWX2 / sumW - mean * mean);
	const variance = (spread * nEff) / (nEff - 1);
	const half = tQuantile975(nEff - 1) * Math.sqrt(variance / nEff);
	return { n, mean, ciLow: mean - half, ciHigh: mean + half, suppressed: false };
}

/** A share cell: `hitW` of `sumW` (weighted), over `n` answers. */
export function shareCell(n: number, sumW: number, hitW: number): ShareCell {
	return { n, share: n === 0 || sumW <= 0 ? null : hitW / sumW, suppressed: false };
}
