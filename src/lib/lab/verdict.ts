/** A yes, or a no with a reason a resident can read. */
export type Verdict = { ok: true } | { ok: false; reason: string };

/** A value, or a refusal with a reason a resident can read. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ALLOWED: Verdict = { ok: true };

/** A refusal with its reason. */
export function refuse(reason: string): { ok: false; reason: string } {
	return { ok: false, reason };
}
