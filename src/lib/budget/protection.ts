/**
 * The group tests of the protected method (docs/counting.md, "protected", steps 2-4 and 7):
 * which groups protect a saving, which make a development a minority priority, and which
 * undeclared segments are flagged for review.
 *
 * Shares are compared exactly when the counts are whole numbers (no weighting), so that a group
 * sitting exactly on the threshold or the margin is treated as the rules say ("inclusive"),
 * not as floating point happens to round 0.7 - 0.5.
 */
import type { GroupFinding, ProposalTallies, ProtectionRules, Tally } from './types';

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

/** Relative slack for comparisons of weighted (fractional) counts. */
const WEIGHTED_SLACK = 1e-9;

function whole(...xs: number[]): boolean {
	return xs.every((x) => Number.isSafeInteger(x));
}

/** a / b >= f, inclusive (b > 0). */
function shareAtLeast(a: number, b: number, f: number): boolean {
	if (whole(a, b)) {
		const { n, d } = decimalFraction(f);
		return BigInt(a) * d >= n * BigInt(b);
	}
	return a / b >= f - WEIGHTED_SLACK;
}

/** a/b - c/e compared with f: sign of (a/b - c/e) - f, with `strict` deciding ties (b, e > 0). */
function gapExceeds(
	a: number,
	b: number,
	c: number,
	e: number,
	f: number,
	strict: boolean
): boolean {
	if (whole(a, b, c, e)) {
		const { n, d } = decimalFraction(f);
		const lhs = d * (BigInt(a) * BigInt(e) - BigInt(c) * BigInt(b));
		const rhs = n * BigInt(b) * BigInt(e);
		return strict ? lhs > rhs : lhs >= rhs;
	}
	const gap = a / b - c / e;
	return strict ? gap > f + WEIGHTED_SLACK : gap >= f - WEIGHTED_SLACK;
}

function absGapExceeds(a: number, b: number, c: number, e: number, f: number): boolean {
	return gapExceeds(a, b, c, e, f, true) || gapExceeds(c, e, a, b, f, true);
}

/** The figures for one group against everyone else, for the mark tested. */
function finding(group: string, g: Tally, all: Tally, mark: 'wants' | 'dontWants'): GroupFinding {
	const othersN = all.n - g.n;
	return {
		group,
		ballots: g.ballots,
		n: g.n,
		count: g[mark],
		share: g.n > 0 ? g[mark] / g.n : 0,
		othersShare: othersN > 0 ? (all[mark] - g[mark]) / othersN : 0
	};
}

/**
 * The protection test: the group has at least minGroup ballots, at least `threshold` of it has
 * the mark, and that share exceeds the share among all other ballots by at least `margin`.
 * A group that is everyone has no "other voters" to be protected from, so it never passes.
 */
function passes(
	g: Tally,
	all: Tally,
	mark: 'wants' | 'dontWants',
	rules: ProtectionRules
): boolean {
	if (g.ballots < rules.minGroup || g.n <= 0) return false;
	const othersN = all.n - g.n;
	if (!(othersN > 0) || all.ballots - g.ballots <= 0) return false;
	const others = all[mark] - g[mark];
	return (
		shareAtLeast(g[mark], g.n, rules.threshold) &&
		gapExceeds(g[mark], g.n, others, othersN, rules.margin, false)
	);
}

/** The groups of a proposal: users of its service, then each declared segment. */
function groups(t: ProposalTallies, affects: readonly string[]): [string, Tally][] {
	return [['users', t.users], ...affects.map((s): [string, Tally] => [s, t.bySegment[s]])];
}

/** Groups for which a saving is protected (its users and declared segments that don't want it). */
export function protectingGroups(
	t: ProposalTallies,
	affects: readonly string[],
	rules: ProtectionRules
): GroupFinding[] {
	return groups(t, affects)
		.filter(([, g]) => passes(g, t.overall, 'dontWants', rules))
		.map(([id, g]) => finding(id, g, t.overall, 'dontWants'));
}

/** Groups for which a development is a minority priority (the same test, for wants). */
export function priorityGroups(
	t: ProposalTallies,
	affects: readonly string[],
	rules: ProtectionRules
): GroupFinding[] {
	return groups(t, affects)
		.filter(([, g]) => passes(g, t.overall, 'wants', rules))
		.map(([id, g]) => finding(id, g, t.overall, 'wants'));
}

/**
 * Segments not declared as affected, with at least minGroup ballots, whose opposition differs
 * from everyone else's by more than the margin: flagged for review (sectional capture guard).
 * A flag never changes a decision.
 */
export function flaggedSegments(
	t: ProposalTallies,
	affects: readonly string[],
	segmentIds: readonly string[],
	rules: ProtectionRules
): GroupFinding[] {
	const out: GroupFinding[] = [];
	for (const s of segmentIds) {
		if (affects.includes(s)) continue;
		const g = t.bySegment[s];
		if (g.ballots < rules.minGroup || g.n <= 0) continue;
		const othersN = t.overall.n - g.n;
		if (!(othersN > 0)) continue;
		const others = t.overall.dontWants - g.dontWants;
		if (absGapExceeds(g.dontWants, g.n, others, othersN, rules.margin)) {
			out.push(finding(s, g, t.overall, 'dontWants'));
		}
	}
	return out;
}
