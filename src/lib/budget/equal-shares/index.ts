/**
 * The Method of Equal Shares (Peters, Pierczyński, Skowron) for costed approval ballots, and its
 * "Add1" completion, as defined in refdata/DEFINITIONS.md and implemented by pabutools.
 *
 * Each voter starts with an equal share of the budget. Repeatedly, the project whose supporters
 * can pay for it with the smallest ρ is funded, each supporter paying min(their money left,
 * ρ·utility). With cost utilities (a supporter's utility is the project's cost) this tends to
 * fund projects in order of votes; with cardinality utilities (utility 1), in order of votes per
 * cost.
 *
 * Arithmetic: the reference uses exact fractions and is slow (minutes on a city-wide vote). We
 * count in doubles and keep, for every value that decides a choice, a bound on its rounding
 * error. When two candidates cannot be told apart within those bounds, or a project's supporters
 * hold almost exactly its cost, the choice is made in exact rational arithmetic: by integers when
 * every supporter can pay in full (ρ is then cost / (votes · utility)), otherwise by replaying the
 * run so far in exact fractions. Floats decide only what they decide for certain.
 *
 * Add1 runs Equal Shares again and again with a slightly larger share. Only the step where it
 * stops matters, so whole ranges of steps are skipped once a range proof shows that none of them
 * could stop it (`RangeProof`, `equalSharesAdd1`).
 *
 * One file per layer, each using only those before it: simulation.ts (the money, the error
 * bounds, the counters), evaluation.ts (a project's payment and ρ), exact.ts (the exact replay),
 * run.ts (one run), range-proof.ts and add1.ts. This module is the public entry.
 */
export { Add1Error, equalSharesAdd1, type Add1Options } from './add1';
export { proveShareRange, SupportOverlaps, supportOverlaps } from './range-proof';
export { equalShares, type MesRunOptions } from './run';
export { emptyStats, equalShare, mesCandidates, type MesStats, type Utility } from './simulation';
