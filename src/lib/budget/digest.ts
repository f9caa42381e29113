/**
 * The digest of a count's input: SHA-256 (hex) of a canonical JSON text, so that anyone can
 * recount from the open data and check they counted the same thing.
 *
 * The text is, with no spaces:
 *   {"format":"co-commission/count-input/1","proposals":[...],"segments":[...],"rules":{...},
 *    "population":[...]|null,["segmentTotals":[...],]"ballots":[[<ballot>,<count>],...]}
 * Proposals and segments keep their listed order (it breaks ties). Each ballot is
 *   {"marks":[[id,"want"|"dontWant"],...],"uses":[...],"segments":[...],"area":..,"ageBand":..,"channel":..}
 * with marks and uses in proposal order and segments in segment order; identical ballots are
 * counted together and the list is sorted by that text, so the order ballots arrive in does
 * not matter but any change to any ballot does. Segments given only as totals (special-category
 * data) appear, when there are any, in segment order as
 *   {"segment":id,"ballots":..,"n":..,"marks":[[id,wants,dontWants],...]} (marks in proposal order);
 * without them the text is exactly as before, so earlier digests still hold.
 */
import { createHash } from 'node:crypto';
import type { PopulationCell, Proposal, Rules, Segment, SegmentTotals } from './types';

/** Names the canonical format, so a future change of format changes every digest. */
export const DIGEST_FORMAT = 'co-commission/count-input/1';

/** Rules with every field present, in a fixed key order. */
export function canonicalRules(rules: Rules): Rules {
	return {
		maxWants: rules.maxWants,
		maxDontWants: rules.maxDontWants,
		developmentBudget: rules.developmentBudget,
		savingsTarget: rules.savingsTarget,
		method: rules.method,
		protection: {
			minGroup: rules.protection.minGroup,
			threshold: rules.protection.threshold,
			margin: rules.protection.margin
		},
		weighting: rules.weighting
	};
}

/** The canonical text before the ballots. */
export function digestHeader(
	proposals: readonly Proposal[],
	segments: readonly Segment[],
	rules: Rules,
	population: readonly PopulationCell[] | undefined,
	totals: readonly SegmentTotals[] = []
): string {
	const ps = proposals.map((p) => ({
		id: p.id,
		title: p.title,
		kind: p.kind,
		amount: p.amount,
		service: p.service,
		affects: [...p.affects]
	}));
	const ss = segments.map((s) => ({ id: s.id, label: s.label }));
	const pop = population
		? population
				.map((c) => ({ area: c.area, ageBand: c.ageBand ?? null, population: c.population }))
				.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
		: null;
	const ts = totals.map((t) => ({
		segment: t.segment,
		ballots: t.ballots,
		n: t.n,
		marks: proposals.map((p) => [p.id, ...(t.marks[p.id] ?? [0, 0])])
	}));
	return (
		`{"format":${JSON.stringify(DIGEST_FORMAT)},"proposals":${JSON.stringify(ps)},` +
		`"segments":${JSON.stringify(ss)},"rules":${JSON.stringify(canonicalRules(rules))},` +
		`"population":${JSON.stringify(pop)},` +
		(ts.length ? `"segmentTotals":${JSON.stringify(ts)},` : '') +
		`"ballots":[`
	);
}

function key(c: { area: string; ageBand: string | null }): string {
	return `${c.area}\u0000${c.ageBand ?? ''}`;
}

/**
 * SHA-256 of the header, the distinct ballots (already sorted by their text) with their counts,
 * and the closing brackets. Hashes in chunks so that a million ballots never become one string.
 */
export function digestBallots(header: string, sorted: Iterable<[string, number]>): string {
	const hash = createHash('sha256');
	hash.update(header);
	let chunk = '';
	let first = true;
	for (const [text, n] of sorted) {
		chunk += `${first ? '' : ','}[${text},${n}]`;
		first = false;
		if (chunk.length > 1 << 16) {
			hash.update(chunk);
			chunk = '';
		}
	}
	hash.update(chunk + ']}');
	return hash.digest('hex');
}
