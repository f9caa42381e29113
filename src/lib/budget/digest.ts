/**
 * The digest of a count's input: SHA-256 (hex) of a canonical JSON text, so that anyone can
 * recount from the open data and check they counted the same thing.
 *
 * The text (format version 2, for the rules of docs/counting.md version 2) is, with no spaces:
 *   {"format":"co-commission/count-input/2","proposals":[...],"segments":[...],"rules":{...},
 *    "groups":[...]|null,"ballots":[[<ballot>,<count>],...]}
 * Proposals and segments keep their listed order (it breaks ties). Rules list every field in a
 * fixed order, population rows sorted by area then age band. Group totals, when given, are in
 * proposal order then by group name, each
 *   {"proposal":..,"group":..,"all":<figures>,"assured":<figures>}
 * where figures are {"ballots":..,"wants":..,"dontWants":..}, or, for fewer than 10 ballots,
 * {"fewerThan10":true,"joinsUnions":true|false}.
 * Each ballot is
 *   {"marks":[[id,"want"|"dontWant"],...],"uses":[...],"verifiedUses":[...],"segments":[...],
 *    "area":..,"ageBand":..,"channel":..,"assured":true|false}
 * with marks in proposal order, uses and verified uses in the order proposals first name their
 * services, and segments in segment order; identical ballots are counted together and the list
 * is sorted by that text, so the order ballots arrive in does not matter but any change to any
 * ballot does.
 */
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { GroupTotals, Proposal, PublishedFigures, Rules, Segment } from './types';

/** Names the canonical format, so a change of format changes every digest. */
export const DIGEST_FORMAT = 'co-commission/count-input/2';

/** Rules with every field present, in a fixed key order. */
export function canonicalRules(rules: Rules): Rules {
	const pop = rules.population
		? rules.population
				.map((c) => ({
					area: c.area,
					...(c.ageBand ? { ageBand: c.ageBand } : {}),
					count: c.count
				}))
				.sort((a, b) => compare(cellKey(a), cellKey(b)))
		: undefined;
	return {
		maxWants: rules.maxWants,
		maxDontWants: rules.maxDontWants,
		developmentBudget: rules.developmentBudget,
		savingsTarget: rules.savingsTarget,
		method: rules.method,
		developments: rules.developments,
		protection: {
			minGroup: rules.protection.minGroup,
			threshold: rules.protection.threshold,
			margin: rules.protection.margin,
			confidence: rules.protection.confidence,
			membership: rules.protection.membership
		},
		weighting: rules.weighting,
		...(rules.weighting === 'population' ? { population: pop } : {})
	};
}

/** The canonical text before the ballots. */
export function digestHeader(
	proposals: readonly Proposal[],
	segments: readonly Segment[],
	rules: Rules,
	groups: readonly GroupTotals[] | undefined
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
	const order = new Map(proposals.map((p, i) => [p.id, i]));
	const gs = groups
		? [...groups]
				.sort(
					(a, b) =>
						(order.get(a.proposal) ?? 0) - (order.get(b.proposal) ?? 0) || compare(a.group, b.group)
				)
				.map((g) => ({
					proposal: g.proposal,
					group: g.group,
					all: canonicalFigures(g.all),
					assured: canonicalFigures(g.assured)
				}))
		: null;
	return (
		`{"format":${JSON.stringify(DIGEST_FORMAT)},"proposals":${JSON.stringify(ps)},` +
		`"segments":${JSON.stringify(ss)},"rules":${JSON.stringify(canonicalRules(rules))},` +
		`"groups":${JSON.stringify(gs)},"ballots":[`
	);
}

function canonicalFigures(f: PublishedFigures): PublishedFigures {
	return 'fewerThan10' in f
		? { fewerThan10: true, joinsUnions: f.joinsUnions }
		: { ballots: f.ballots, wants: f.wants, dontWants: f.dontWants };
}

function cellKey(c: { area: string; ageBand?: string }): string {
	return `${c.area}\u0000${c.ageBand ?? ''}`;
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * SHA-256 of the header, the distinct ballots (already sorted by their text) with their counts,
 * and the closing brackets. Hashes in chunks so that a million ballots never become one string.
 *
 * The house's one SHA-256 is @oslojs/crypto (sessions, charter versions, this): plain
 * JavaScript, so the count runs the same anywhere and the domain imports nothing of Node.
 */
export function digestBallots(header: string, sorted: Iterable<[string, number]>): string {
	const hash = new SHA256();
	const utf8 = new TextEncoder();
	hash.update(utf8.encode(header));
	let chunk = '';
	let first = true;
	for (const [text, n] of sorted) {
		chunk += `${first ? '' : ','}[${text},${n}]`;
		first = false;
		if (chunk.length > 1 << 16) {
			hash.update(utf8.encode(chunk));
			chunk = '';
		}
	}
	hash.update(utf8.encode(chunk + ']}'));
	return encodeHexLowerCase(hash.digest());
}
