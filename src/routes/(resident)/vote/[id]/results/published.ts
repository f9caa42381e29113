/**
 * What the public results page publishes of a count: only the figures it shows, with every cell
 * of fewer than 10 ballots suppressed before it leaves the server (the page's data is in its
 * HTML, so a figure the page hides would still be published), and which group each headline
 * sentence names. Pure: plain data in, plain data out.
 */
import { moneyOf } from '$lib/budget/money';
import type { CountResult, GroupFinding, Tally } from '$lib/budget/types';

/** Cells of fewer ballots than this are never published (docs/counting.md, Tallies). */
export const SUPPRESS_BELOW = 10;

/** A count of ballots as published: the number, or null for fewer than 10. */
export function publishCount(n: number): number | null {
	return n < SUPPRESS_BELOW ? null : n;
}

/** A tally as published: its figures, or only the fact that it is suppressed (the count marks
 * every tally of fewer than 10 ballots). */
export type PublishedTally = Tally | { suppressed: true };

export function publishTally(t: Tally): PublishedTally {
	return t.suppressed ? { suppressed: true } : t;
}

/** A group's finding as published: other voters' share only when they are 10 or more. */
export interface PublishedFinding {
	group: string;
	ballots: number;
	count: number;
	share: number;
	othersShare: number | null;
	fragility: number | null;
}

export function publishFinding(f: GroupFinding): PublishedFinding {
	return {
		group: f.group,
		ballots: f.ballots,
		count: f.count,
		share: f.share,
		othersShare: f.othersBallots < SUPPRESS_BELOW ? null : f.othersShare,
		fragility: f.fragility
	};
}

/**
 * a's share against is larger than b's, compared exactly (group figures are whole ballots, so
 * count/ballots compares by cross-multiplying); an equal share goes to the larger group.
 */
function stronger(a: PublishedFinding, b: PublishedFinding): boolean {
	const left = a.count * b.ballots;
	const right = b.count * a.ballots;
	return left !== right ? left > right : a.ballots > b.ballots;
}

/**
 * The strongest of the groups behind a decision: the largest share against (the key of the
 * override order, docs/counting.md step 7), then the larger group, then the first listed.
 */
export function strongestFinding<F extends PublishedFinding>(findings: readonly F[]): F | null {
	let best: F | null = null;
	for (const f of findings) if (best === null || stronger(f, best)) best = f;
	return best;
}

/**
 * The group a headline sentence names: the strongest single group when one protects the saving
 * (or makes it marginal), so the sentence names people a reader recognises; a union (joined with
 * '+') only when no single group does.
 */
export function headlineFinding<F extends PublishedFinding>(findings: readonly F[]): F | null {
	const singles = findings.filter((f) => !f.group.includes('+'));
	return strongestFinding(singles.length > 0 ? singles : findings);
}

/**
 * The count cut to what the resident page shows (the vote's rules reach the page with the vote).
 * `affects` gives each proposal's declared groups: its segments get a row in the proposal's chart
 * by group, with any flagged ones.
 */
export function publishResult(r: CountResult, affects: ReadonlyMap<string, readonly string[]>) {
	return {
		tieBreak: r.tieBreak,
		ballots: {
			total: r.ballots.total,
			byChannel: {
				online: publishCount(r.ballots.byChannel.online),
				room: publishCount(r.ballots.byChannel.room),
				paper: publishCount(r.ballots.byChannel.paper),
				kiosk: publishCount(r.ballots.byChannel.kiosk)
			},
			assured: publishCount(r.ballots.assured),
			open: publishCount(r.ballots.open),
			// With both, the count was also run on the assured ballots alone (dependsOnOpen).
			anyAssured: r.ballots.assured > 0,
			anyOpen: r.ballots.open > 0
		},
		...moneyOf(r),
		overrideOrder: r.overrideOrder.map((o) => o.id),
		digest: r.digest,
		proposals: r.proposals.map((p) => {
			const groups = [...new Set([...(affects.get(p.id) ?? []), ...p.flagged])].filter(
				(g) => g !== 'users'
			);
			return {
				id: p.id,
				rank: p.rank,
				kind: p.kind,
				amount: p.amount,
				decision: p.decision,
				majorityDecision: p.majorityDecision,
				knockOn: p.knockOn,
				dependsOnOpen: p.dependsOnOpen,
				protection: p.protection.map(publishFinding),
				minorityGroups: p.minorityGroups.map(publishFinding),
				flags: p.flags.map(publishFinding),
				groups,
				tallies: {
					overall: publishTally(p.tallies.overall),
					users: publishTally(p.tallies.users),
					nonUsers: publishTally(p.tallies.nonUsers),
					bySegment: Object.fromEntries(
						groups.flatMap((g) => {
							const t = p.tallies.bySegment[g];
							return t ? [[g, publishTally(t)]] : [];
						})
					) as Record<string, PublishedTally>
				}
			};
		})
	};
}

export type PublishedResult = ReturnType<typeof publishResult>;
export type PublishedProposal = PublishedResult['proposals'][number];

type Sample = {
	areas: { key: string; ballots: number; population: number }[];
	areaUnanswered: number;
	ageBands: { key: string; ballots: number; population: number }[];
	ageUnanswered: number;
};

/**
 * Who voted against who lives here, with each row's share of ballots worked out before any
 * count under 10 is suppressed (so the shares still add up).
 */
export function publishSample(s: Sample) {
	const rows = (rs: Sample['areas']) => {
		const ballots = rs.reduce((sum, a) => sum + a.ballots, 0);
		const population = rs.reduce((sum, a) => sum + a.population, 0);
		return rs.map((a) => ({
			key: a.key,
			ballots: publishCount(a.ballots),
			ballotShare: a.ballots < SUPPRESS_BELOW || ballots === 0 ? null : a.ballots / ballots,
			populationShare: population === 0 ? null : a.population / population
		}));
	};
	return {
		areas: rows(s.areas),
		areaUnanswered: publishCount(s.areaUnanswered),
		ageBands: rows(s.ageBands),
		ageUnanswered: publishCount(s.ageUnanswered)
	};
}

export type PublishedSample = ReturnType<typeof publishSample>;
