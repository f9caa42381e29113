/**
 * The group tests of the protected method (docs/counting.md, version 2, steps 2, 3, 5 and 8, and
 * "Fragility"): which declared groups, and which unions of them, protect a saving or make it
 * marginal; which declared groups make a development a minority priority; which undeclared
 * groups are flagged for review; and how many ballots each result stands on.
 *
 * Every test is on unweighted counts and every comparison is exact: whole numbers, with the
 * decimal settings read as the fractions they were written as (0.2 is 1/5), so a group sitting
 * exactly on a bound is treated as the rules say, not as floating point happens to round.
 */
import type { GroupFinding, GroupStatus, ProtectionRules } from './types';

/** A decimal setting such as 0.2 as the fraction it was written as (2/10), not its binary value. */
export function decimalFraction(x: number): { n: bigint; d: bigint } {
	if (!Number.isFinite(x) || x < 0) throw new RangeError(`Not a non-negative decimal: ${x}`);
	const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
	if (!m) throw new RangeError(`Not a decimal: ${x}`);
	const frac = m[2] ?? '';
	let n = BigInt(m[1] + frac);
	let d = 10n ** BigInt(frac.length);
	const exp = m[3] ? Number(m[3]) : 0;
	if (exp > 0) n *= 10n ** BigInt(exp);
	else if (exp < 0) d *= 10n ** BigInt(-exp);
	return { n, d };
}

/** z² of the two-sided 95% Wilson interval, exactly: 3.8416 = 38416 / 10000. */
const Z2 = { n: 38416n, d: 10000n };

/** The rules in the exact form the tests use. */
export interface GroupRules {
	minGroup: number;
	threshold: { n: bigint; d: bigint };
	margin: { n: bigint; d: bigint };
	confidence: boolean;
}

export function groupRules(p: ProtectionRules): GroupRules {
	return {
		minGroup: p.minGroup,
		threshold: decimalFraction(p.threshold),
		margin: decimalFraction(p.margin),
		confidence: p.confidence !== 'none'
	};
}

/**
 * A group of n ballots, d of them with the mark tested, among N ballots of which D have it.
 * All whole numbers.
 */
export interface Counts {
	n: number;
	d: number;
	N: number;
	D: number;
}

/** Margin and point tests (with size and confidence, the four tests of step 3). A group with no ballots fails. */
export function passesMarginAndPoint(c: Counts, r: GroupRules): boolean {
	const { n, d, N, D } = c;
	if (n <= 0) return false;
	const no = N - n;
	if (no <= 0) return false;
	const dn = BigInt(d);
	const nn = BigInt(n);
	// point: d/n >= t
	if (dn * r.threshold.d < r.threshold.n * nn) return false;
	// margin: d/n - do/no >= m, i.e. md * (d * no - do * n) >= mn * n * no
	const lhs = r.margin.d * (dn * BigInt(no) - BigInt(D - d) * nn);
	return lhs >= r.margin.n * nn * BigInt(no);
}

/**
 * The Wilson test: the lower end of the 95% Wilson score interval for d/n is at least t. For
 * d/n >= t = a/b this is exactly (b·d - a·n)² >= z²·n·a·(b - a).
 */
function passesConfidence(n: number, d: number, r: GroupRules): boolean {
	const { n: a, d: b } = r.threshold;
	const x = b * BigInt(d) - a * BigInt(n);
	if (x < 0n) return false;
	return Z2.d * x * x >= Z2.n * BigInt(n) * a * (b - a);
}

/**
 * Whether a declared group joins the unions of step 2: a majority of it (d/n at or above the
 * threshold) does not want the saving. docs/counting.md admits on the margin test too, but a
 * margin is measured against everyone outside the group, members of the other declared groups
 * included: more don't-wants from users could then push a segment below its margin, drop it
 * from the union "users+segment" and so remove a protection that more opposition should only
 * strengthen (issue 13's guarantee, which wins over the doc; fast-check found the case). The
 * point test looks only inside the group, so admission, and every union's own four tests,
 * only rise with its members' don't-wants. A group with no ballots does not join.
 */
export function joinsUnions(c: Counts, r: GroupRules): boolean {
	return c.n > 0 && BigInt(c.d) * r.threshold.d >= r.threshold.n * BigInt(c.n);
}

/** The status of a group (step 3): all four tests, or all but confidence, or neither. */
export function status(c: Counts, r: GroupRules): GroupStatus {
	if (c.n < r.minGroup || !passesMarginAndPoint(c, r)) return 'none';
	if (!r.confidence) return 'protects';
	return passesConfidence(c.n, c.d, r) ? 'protects' : 'marginal';
}

const LEVEL: Record<GroupStatus, number> = { none: 0, marginal: 1, protects: 2 };

/**
 * The fewest of a group's marks that would have to have gone the other way, everything else
 * unchanged, for its status to change (a protecting group that would only drop to marginal
 * counts as changed). The others' figures do not move: the changed ballots are the group's.
 * Status only rises with d, so the answer is found by halving. Null when no change would do it.
 */
export function fragility(c: Counts, r: GroupRules): number | null {
	const level = LEVEL[status(c, r)];
	const at = (k: number) => LEVEL[status({ n: c.n, d: c.d - k, N: c.N, D: c.D - k }, r)];
	if (level === 0 || at(c.d) >= level) return null;
	let lo = 1;
	let hi = c.d;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (at(mid) < level) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The figures behind a finding. */
export function finding(group: string, c: Counts, fragile: number | null): GroupFinding {
	const othersBallots = c.N - c.n;
	const othersCount = c.D - c.d;
	return {
		group,
		ballots: c.n,
		count: c.d,
		share: c.n > 0 ? c.d / c.n : 0,
		othersBallots,
		othersCount,
		othersShare: othersBallots > 0 ? othersCount / othersBallots : 0,
		fragility: fragile
	};
}

/**
 * A group known only to have fewer than 10 ballots (published without figures): below every
 * minimum size, so it fails every test, but it may still join unions of declared groups.
 */
export interface Suppressed {
	fewerThan10: true;
	joinsUnions: boolean;
}

/** What the declared groups of one proposal decide. */
export interface Judgement {
	/** Groups (and unions) passing all four tests. */
	protects: GroupFinding[];
	/** Groups passing all but confidence; reported only when none protects. */
	marginal: GroupFinding[];
}

/**
 * Tests the declared groups of a proposal and every union of two or more of those that join
 * unions ({@link joinsUnions}), each union named by joining its ids in `affects` order.
 * @param affects the declared group ids, in order
 * @param countsOf the figures of a union given as a bit mask over `affects` (or, for a group
 * published as under 10 ballots, only whether it joins unions)
 */
export function judge(
	affects: readonly string[],
	countsOf: (mask: number) => Counts | Suppressed,
	r: GroupRules
): Judgement {
	const protects: GroupFinding[] = [];
	const marginal: GroupFinding[] = [];
	const passing: number[] = [];
	/** Tests one group or union; says whether it joins the unions. */
	const test = (mask: number): boolean => {
		const c = countsOf(mask);
		if ('fewerThan10' in c) return c.joinsUnions;
		const s = status(c, r);
		if (s !== 'none') {
			const name = affects.filter((_, k) => mask & (1 << k)).join('+');
			(s === 'protects' ? protects : marginal).push(finding(name, c, fragility(c, r)));
		}
		return joinsUnions(c, r);
	};
	affects.forEach((_, k) => {
		if (test(1 << k)) passing.push(k);
	});
	// Unions by size, then in the order of their members.
	for (let size = 2; size <= passing.length; size++) {
		for (const members of combinations(passing, size)) {
			test(members.reduce((m, k) => m | (1 << k), 0));
		}
	}
	return { protects, marginal: protects.length > 0 ? [] : marginal };
}

/** Every way to choose `size` of `items`, in order. */
function* combinations(items: readonly number[], size: number): Generator<number[]> {
	const idx = Array.from({ length: size }, (_, i) => i);
	for (;;) {
		yield idx.map((i) => items[i]);
		let i = size - 1;
		while (i >= 0 && idx[i] === items.length - size + i) i--;
		if (i < 0) return;
		idx[i]++;
		for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
	}
}

/**
 * The sectional-capture guard (step 8): an undeclared group whose opposition passes the size,
 * margin and point tests is flagged for review. A flag changes no decision.
 */
export function flagged(group: string, c: Counts | Suppressed, r: GroupRules): GroupFinding | null {
	if ('fewerThan10' in c) return null;
	return c.n >= r.minGroup && passesMarginAndPoint(c, r) ? finding(group, c, null) : null;
}
