/**
 * A small seeded PRNG (mulberry32) for demo data and benchmarks: the same seed gives the same
 * council every time. Never for codes or tokens; those come from the platform CSPRNG.
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** An integer in [0, max). */
export function randomInt(rng: () => number, max: number): number {
	return Math.floor(rng() * max);
}

/** Picks one item, each with the given weight. */
export function weightedPick<T>(
	rng: () => number,
	items: readonly T[],
	weights: readonly number[]
): T {
	const total = weights.reduce((s, w) => s + w, 0);
	let r = rng() * total;
	for (let i = 0; i < items.length; i++) {
		r -= weights[i];
		if (r < 0) return items[i];
	}
	return items[items.length - 1];
}
