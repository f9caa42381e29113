import { error, redirect } from '@sveltejs/kit';
import { isJoinCode, normaliseJoinCode } from '$lib/lab/join-code';
import { localizeHref } from '$lib/paraglide/runtime';
import * as codes from '$lib/server/codes';
import type { DB } from '$lib/server/db';
import * as board from '$lib/server/lab/board';
import { consume } from '$lib/server/rate-limit';

/**
 * The lab a `/lab/[code]` address names. A code typed in lower case or with a dash is sent to
 * its tidy form; unknown codes are 404s, and an address trying many of them is slowed down
 * like wrong participation codes are.
 */
export function labForCode(
	db: DB,
	param: string,
	clientAddress: string,
	tidyPath?: (code: string) => string
): board.LabRecord {
	const code = normaliseJoinCode(param);
	if (code !== param && isJoinCode(code) && tidyPath) redirect(308, localizeHref(tidyPath(code)));
	const found = isJoinCode(code) ? board.findLabByCode(db, code) : undefined;
	if (found) return found;
	const verdict = consume(db, `lab-code:ip:${clientAddress}`, codes.CODE_ENTRY_BUCKET);
	if (!verdict.allowed) error(429, 'Too many wrong session codes. Wait a minute and try again.');
	error(404, 'Session not found');
}
