// The limit errors need numbers, which the shared error summary cannot pass: translate them here.
import type { LimitBreach } from '$lib/vote/ballot';
import { translate } from '$lib/i18n/translate';
import { m } from '$lib/paraglide/messages';

export function limitErrors(
	errors: Record<string, string>,
	limits: LimitBreach | undefined
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, message] of Object.entries(errors)) {
		if (key === 'wants' && limits?.wants) out[key] = m.err_vote_too_many_wants(limits.wants);
		else if (key === 'dontWants' && limits?.dontWants)
			out[key] = m.err_vote_too_many_dont_wants(limits.dontWants);
		else out[key] = translate(message);
	}
	return out;
}
