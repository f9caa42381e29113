import type { DB } from '../db/open';

/** What a tool's demo needs from the base seed. */
export interface SeedContext {
	now: Date;
	engagementIds: number[];
	staffIds: Record<'admin' | 'commissioner' | 'facilitator', number> & { councillor?: number };
}

/**
 * A tool's demo content (a survey with responses, a finished lab, a closed vote, an agreed
 * charter). Runs inside the seed's transaction and must be deterministic: a seeded PRNG
 * (src/lib/random/prng.ts) and `ctx.now` as the clock.
 */
export type ToolSeed = (tx: DB, ctx: SeedContext) => void;
