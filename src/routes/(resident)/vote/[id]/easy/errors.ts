// The ballot's refusals in easy read: the limits with their numbers and what to do, a missing
// choice, a code that has already voted (starting again would not help), and anything else (a
// tampered or stale form) as "start again".
import type { LimitBreach } from '$lib/vote/ballot';
import { m } from '$lib/paraglide/messages';

export function easyErrors(
	errors: Record<string, string>,
	limits: LimitBreach | undefined
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of Object.keys(errors)) {
		if (key === 'wants' && limits?.wants) out[key] = m.easy_err_wants(limits.wants);
		else if (key === 'dontWants' && limits?.dontWants)
			out[key] = m.easy_err_dont_wants(limits.dontWants);
		else if (key === '_' && errors[key] === 'err_vote_code_used') out[key] = m.easy_err_code_used();
		else if (key === '_') out[key] = m.easy_err_unknown();
		else out[key] = m.easy_err_choose();
	}
	return out;
}
