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
 * count treats those exactly as if the ballots still named their groups. Pure: the server counts
 * this, the open data publishes it, the command line recounts it.
 */
import { checkRules } from './count';
import {
	BallotReader,
	CountInputError,
	indexInput,
	totalBallots,
	unionName,
	type SplitFigures
} from './tallies';
import { USERS, type Ballot, type CountInput, type GroupTotals } from './types';

/** Every group's figures for every proposal, as the count would add them up from the ballots. */
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
	const row = (proposal: string, group: string, f: SplitFigures): GroupTotals => ({
		proposal,
		group,
		ballots: f.open.ballots + f.assured.ballots,
		wants: f.open.wants + f.assured.wants,
		dontWants: f.open.dontWants + f.assured.dontWants,
		assured: { ...f.assured }
	});
	return ix.proposals.flatMap((p, i) => {
		const rows: GroupTotals[] = [];
		for (let mask = 1; mask < 1 << p.affects.length; mask++)
			rows.push(row(p.id, unionName(p.affects, mask), totals.union(i, mask)));
		for (const s of ix.segments)
			if (!p.affects.includes(s.id)) rows.push(row(p.id, s.id, totals.undeclared(i, s.id)));
		if (!p.affects.includes(USERS)) rows.push(row(p.id, USERS, totals.undeclared(i, USERS)));
		return rows;
	});
}

/** The publishable form of a count input (see the module comment). */
export function publishableInput(input: CountInput): CountInput & { ballots: Ballot[] } {
	if (input.groups) return { ...input, ballots: [...input.ballots] };
	const given = [...input.ballots];
	const groups = groupTotals({ ...input, ballots: given });
	const keepAge =
		input.rules.weighting === 'population' && (input.rules.population ?? []).some((c) => c.ageBand);
	const grouped = new Map<string, Ballot>();
	for (const b of given) {
		const ballot: Ballot = {
			marks: Object.fromEntries(
				Object.entries(b.marks).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
			),
			uses: [],
			segments: [],
			area: b.area ?? null,
			...(keepAge ? { ageBand: b.ageBand ?? null } : {}),
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
		rules: input.rules,
		groups
	};
}
