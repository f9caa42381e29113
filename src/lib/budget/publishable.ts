/**
 * A vote's count input in the one form that is both counted and published, so that the official
 * digest is the digest anyone gets by recounting the open data.
 *
 * Nobody's service use or group membership is published ballot by ballot: special-category
 * answers (disability, health, ethnicity, religion) must never be, and any other combination of
 * answers can single a person out. Yet everything the count decides from groups is a total: for
 * each proposal, the figures of every combination of its declared groups (what the union tests
 * of counting.md step 2 need), and of every group not declared for it (the flags), for all
 * ballots and for the assured ones (the assurance re-count). So the ballots keep only their
 * marks, area, channel and assurance (and age band when population weighting by age band needs
 * it), identical ballots are grouped with a count, and the groups travel as `groups` totals. The
 * count treats those exactly as if the ballots still named their groups.
 *
 * Nothing under 10 is published: a group of fewer than 10 ballots is given only as such, with
 * whether it joins unions, its point test (all the count can use of a group below every
 * minimum size), and an area with fewer than 10 ballots is merged with the other small areas
 * (its population too, when weighting), or left out if even the merged areas are fewer than 10.
 * Pure: the server counts this, the open data publishes it, the command line recounts it.
 */
import { checkRules } from './count';
import { groupRules, joinsUnions } from './groups';
import {
	BallotReader,
	CountInputError,
	indexInput,
	SUPPRESS_BELOW,
	totalBallots,
	unionName,
	type ViewFigures
} from './tallies';
import {
	USERS,
	type Ballot,
	type CountInput,
	type GroupTotals,
	type PopulationCell,
	type PublishedFigures,
	type RulesInput
} from './types';

/** The area small areas are published as, together. */
export const OTHER_AREAS = 'Other areas (fewer than 10 ballots each)';

/**
 * Every group's figures for every proposal, as the count would add them up from the ballots,
 * with groups of fewer than 10 ballots given only as such.
 */
export function groupTotals(input: CountInput & { ballots: Iterable<Ballot> }): GroupTotals[] {
	const rules = checkRules(input);
	const ix = indexInput(input.proposals, input.segments, rules, false);
	const reader = new BallotReader(ix);
	let verified = false;
	for (const b of input.ballots) {
		reader.add(b);
		verified ||= (b.verifiedUses?.length ?? 0) > 0;
	}
	if (rules.protection.membership === 'verified' && !verified)
		throw new CountInputError(
			'Rules: membership is "verified", but no ballot carries verified uses'
		);
	const totals = totalBallots(reader);
	const gr = groupRules(rules.protection);
	const row = (p: number, group: string, f: ViewFigures): GroupTotals => {
		// Savings are tested on don't-wants, developments (minority priorities) on wants.
		const mark = ix.proposals[p].kind === 'saving' ? 1 : 0;
		const publish = (g: PublishedFigures, slots: number[]): PublishedFigures => {
			if ('fewerThan10' in g || g.ballots >= SUPPRESS_BELOW) return g;
			const N = slots.reduce((s, a) => s + totals.ballots[a], 0);
			const D = slots.reduce((s, a) => s + totals.marks[a][p * 2 + mark], 0);
			const d = mark ? g.dontWants : g.wants;
			return {
				fewerThan10: true,
				joinsUnions: joinsUnions({ n: g.ballots, d, N, D }, gr)
			};
		};
		return {
			proposal: ix.proposals[p].id,
			group,
			all: publish(f.all, [0, 1]),
			assured: publish(f.assured, [1])
		};
	};
	return ix.proposals.flatMap((p, i) => {
		const rows: GroupTotals[] = [];
		for (let mask = 1; mask < 1 << p.affects.length; mask++)
			rows.push(row(i, unionName(p.affects, mask), totals.union(i, mask)));
		for (const s of ix.segments)
			if (!p.affects.includes(s.id)) rows.push(row(i, s.id, totals.undeclared(i, s.id)));
		if (!p.affects.includes(USERS)) rows.push(row(i, USERS, totals.undeclared(i, USERS)));
		return rows;
	});
}

/** The publishable form of a count input (see the module comment). */
export function publishableInput(input: CountInput): CountInput & { ballots: Ballot[] } {
	const given = [...input.ballots];
	const groups = input.groups ?? groupTotals({ ...input, ballots: given });
	const keepAge =
		input.rules.weighting === 'population' && (input.rules.population ?? []).some((c) => c.ageBand);
	const places = smallPlaces(given, keepAge);
	const grouped = new Map<string, Ballot>();
	for (const b of given) {
		const { area, ageBand } = places.of(b);
		const ballot: Ballot = {
			marks: Object.fromEntries(
				Object.entries(b.marks).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
			),
			uses: [],
			segments: [],
			area,
			...(keepAge ? { ageBand } : {}),
			channel: b.channel,
			assured: b.assured
		};
		const key = JSON.stringify(ballot);
		const seen = grouped.get(key);
		if (seen) seen.count = (seen.count ?? 1) + (b.count ?? 1);
		else grouped.set(key, { ...ballot, count: b.count ?? 1 });
	}
	const ballots = [...grouped.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => b);
	return {
		proposals: input.proposals,
		segments: input.segments,
		ballots,
		rules: places.rules(input.rules),
		groups
	};
}

/**
 * Where each ballot is published: areas of fewer than 10 ballots merged (as OTHER_AREAS, or no
 * area if even together they are fewer than 10), then, with age bands, area and age band cells
 * of fewer than 10 published without the age band (and without the area, if that leaves fewer
 * than 10). The population table is merged to match, so weighting sees the same cells.
 */
function smallPlaces(ballots: readonly Ballot[], keepAge: boolean) {
	const tally = (key: (b: Ballot) => string | null) => {
		const n = new Map<string, number>();
		for (const b of ballots) {
			const k = key(b);
			if (k !== null) n.set(k, (n.get(k) ?? 0) + (b.count ?? 1));
		}
		return n;
	};
	const byArea = tally((b) => b.area ?? null);
	const small = new Set([...byArea].filter(([, n]) => n < SUPPRESS_BELOW).map(([a]) => a));
	const merged = [...small].reduce((s, a) => s + (byArea.get(a) ?? 0), 0);
	const areaOf = (area: string | null): string | null =>
		area === null || !small.has(area) ? area : merged >= SUPPRESS_BELOW ? OTHER_AREAS : null;
	const cell = (b: Ballot) => `${areaOf(b.area ?? null)}\u0000${b.ageBand ?? ''}`;
	const byCell = keepAge ? tally((b) => (b.ageBand ? cell(b) : null)) : new Map<string, number>();
	const ageOf = (b: Ballot): string | null =>
		keepAge && b.ageBand && (byCell.get(cell(b)) ?? 0) >= SUPPRESS_BELOW ? b.ageBand : null;
	// With age bands: an area whose ballots without a (kept) age band are fewer than 10 is left
	// out for those ballots too.
	const noBand = keepAge
		? tally((b) => (ageOf(b) === null ? String(areaOf(b.area ?? null)) : null))
		: new Map<string, number>();
	return {
		of(b: Ballot): { area: string | null; ageBand: string | null } {
			const area = areaOf(b.area ?? null);
			const ageBand = ageOf(b);
			if (keepAge && ageBand === null && (noBand.get(String(area)) ?? 0) < SUPPRESS_BELOW)
				return { area: null, ageBand: null };
			return { area, ageBand };
		},
		rules(rules: RulesInput): RulesInput {
			if (!rules.population || small.size === 0) return rules;
			const rows = new Map<string, PopulationCell>();
			for (const c of rules.population) {
				const area = areaOf(c.area);
				if (area === null) continue;
				const key = `${area}\u0000${c.ageBand ?? ''}`;
				const row = rows.get(key);
				if (row) row.count += c.count;
				else rows.set(key, { area, ...(c.ageBand ? { ageBand: c.ageBand } : {}), count: c.count });
			}
			return { ...rules, population: [...rows.values()] };
		}
	};
}
