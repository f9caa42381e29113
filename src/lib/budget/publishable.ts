/**
 * A vote's count input in the one form that is both counted and published, so that the official
 * digest is the digest anyone gets by recounting the open data.
 *
 * Special-category segments (disability, health, ethnicity, religion) must never be published
 * ballot by ballot, yet protection needs them. What protection, flags and the tables use of a
 * segment is only its totals (its ballots, and its wants and don't-wants for each proposal), so
 * those segments leave the ballots and travel as `segmentTotals`; the count treats them exactly
 * as if the ballots still named them. A special-category segment with fewer than 10 ballots is
 * not published at all (its cells would be suppressed anyway), so it can protect nothing: with
 * the default minimum group of 20 it never could.
 *
 * Age bands leave the ballots too unless population weighting by age band needs them (nothing
 * else counts them), and ballots that became identical are grouped with a count. Pure: the
 * server counts this, the open data publishes it, the command line recounts it.
 */
import { countTallies } from './count';
import { SUPPRESS_BELOW } from './tallies';
import type { Ballot, CountInput, SegmentTotals } from './types';

export function publishableInput(
	input: CountInput,
	special: ReadonlySet<string>
): CountInput & { ballots: Ballot[] } {
	const given = [...input.ballots];
	const named = new Set<string>();
	for (const b of given) for (const s of b.segments) if (special.has(s)) named.add(s);
	const totals: SegmentTotals[] = [...(input.segmentTotals ?? [])];
	if (named.size > 0) {
		const tallies = countTallies({ ...input, ballots: given });
		for (const s of input.segments) {
			if (!named.has(s.id) || tallies.length === 0) continue;
			const whole = tallies[0].bySegment[s.id];
			if (whole.ballots < SUPPRESS_BELOW) continue;
			totals.push({
				segment: s.id,
				ballots: whole.ballots,
				n: whole.n,
				marks: Object.fromEntries(
					input.proposals.map((p, i) => {
						const t = tallies[i].bySegment[s.id];
						return [p.id, [t.wants, t.dontWants]];
					})
				)
			});
		}
	}
	const keepAge =
		input.rules.weighting === 'population' && (input.population ?? []).some((c) => c.ageBand);
	const groups = new Map<string, Ballot>();
	for (const b of given) {
		const ballot: Ballot = {
			marks: Object.fromEntries(
				Object.entries(b.marks).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
			),
			uses: [...b.uses].sort(),
			segments: b.segments.filter((s) => !special.has(s)).sort(),
			area: b.area,
			...(keepAge ? { ageBand: b.ageBand ?? null } : {}),
			channel: b.channel
		};
		const key = JSON.stringify(ballot);
		const seen = groups.get(key);
		if (seen) seen.count = (seen.count ?? 1) + (b.count ?? 1);
		else groups.set(key, { ...ballot, count: b.count ?? 1 });
	}
	const ballots = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, b]) => b);
	return {
		proposals: input.proposals,
		// Segment definitions stay (proposals name them in `affects`); only membership goes.
		segments: input.segments,
		ballots,
		rules: input.rules,
		...(input.population ? { population: input.population } : {}),
		...(totals.length ? { segmentTotals: totals } : {})
	};
}
