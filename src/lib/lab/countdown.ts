/**
 * The optional countdown on the projector. It is advisory: when it reaches zero nothing
 * closes by itself; the facilitator moves the session on. A room often needs another minute,
 * and a phase that shut on a timer mid-sentence would take that choice away.
 */

/** When the countdown ends: epoch milliseconds, or an ISO 8601 string as stored. */
export interface Countdown {
	endsAt: number | string;
}

export const COUNTDOWN_MINUTES_MIN = 1;
export const COUNTDOWN_MINUTES_MAX = 60;

function endsAtMs(countdown: Countdown): number {
	const ms = typeof countdown.endsAt === 'number' ? countdown.endsAt : Date.parse(countdown.endsAt);
	if (!Number.isFinite(ms))
		throw new RangeError(`Countdown end is not a time: ${countdown.endsAt}`);
	return ms;
}

/**
 * A countdown of `minutes` starting at `now` (epoch ms).
 * @throws RangeError when minutes is not a whole number from 1 to 60 (the form schema
 * already enforces this; the check keeps a bad caller from putting nonsense on the wall).
 */
export function startCountdown(minutes: number, now: number): Countdown {
	if (
		!Number.isInteger(minutes) ||
		minutes < COUNTDOWN_MINUTES_MIN ||
		minutes > COUNTDOWN_MINUTES_MAX
	) {
		throw new RangeError(`Countdown minutes must be 1 to 60, got ${minutes}`);
	}
	return { endsAt: now + minutes * 60_000 };
}

/**
 * Whole seconds left at `now` (epoch ms), rounded up so the wall shows 0:00 only when time is
 * really up; 0 once it has passed; null when there is no countdown.
 */
export function remainingSeconds(countdown: Countdown | null, now: number): number | null {
	if (!countdown) return null;
	return Math.max(0, Math.ceil((endsAtMs(countdown) - now) / 1000));
}

/** Seconds as the projector shows them: `m:ss` (e.g. 65 -> "1:05"). */
export function formatRemaining(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
