/**
 * Ballots fit to publish: what must not be published at ballot level is removed and ballots
 * that became identical are grouped with a count. Pure, so the report, the open data and the
 * tests agree on the open-data digest.
 */
import type { Ballot, CountInput } from '../budget/types';

/**
 * Special-category segments (disability, health, ethnicity, religion) are removed, and age
 * bands too unless population weighting needs them. Counting the result gives the open-data
 * digest.
 */
export function anonymisedInput(
	input: CountInput,
	specialSegments: ReadonlySet<string>
): CountInput & { ballots: Ballot[] } {
	const keepAge =
		input.rules.weighting === 'population' && (input.population ?? []).some((c) => c.ageBand);
	const groups = new Map<string, Ballot>();
	for (const b of input.ballots) {
		const ballot: Ballot = {
			marks: Object.fromEntries(
				Object.entries(b.marks).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
			),
			uses: [...b.uses].sort(),
			segments: b.segments.filter((s) => !specialSegments.has(s)).sort(),
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
		...(input.population ? { population: input.population } : {})
	};
}
