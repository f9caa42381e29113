/**
 * How fast one participant may post ideas: at most `max` in any `windowMs` (a sliding
 * window). It stops a phone stuck on "send" or someone flooding the wall, without slowing
 * anyone typing real ideas.
 */

export interface RateRule {
	max: number;
	windowMs: number;
}

/** At most 5 ideas in any minute. */
export const DEFAULT_POST_RATE: RateRule = { max: 5, windowMs: 60_000 };

export type RateVerdict =
	| { allowed: true }
	| { allowed: false; nextAllowedAt: number; retryAfterSeconds: number; reason: string };

/**
 * Whether the participant may post at `now`.
 * @param recent the participant's earlier post times (epoch ms, any order; older ones ignored)
 * @param now epoch ms
 */
export function checkPostRate(
	recent: readonly number[],
	now: number,
	rule: RateRule = DEFAULT_POST_RATE
): RateVerdict {
	// A post exactly windowMs ago has left the window. Times after `now` (clock skew between
	// app instances) count as inside it.
	const inWindow = recent.filter((t) => t > now - rule.windowMs).sort((a, b) => a - b);
	if (inWindow.length < rule.max) return { allowed: true };
	// Allowed again once all but max - 1 of these have left the window.
	const nextAllowedAt = inWindow[inWindow.length - rule.max] + rule.windowMs;
	const retryAfterSeconds = Math.max(1, Math.ceil((nextAllowedAt - now) / 1000));
	return {
		allowed: false,
		nextAllowedAt,
		retryAfterSeconds,
		reason: `You have posted a lot of ideas very quickly. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`
	};
}
