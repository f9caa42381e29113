// A ballot staff enter from a form (a paper keying, or with the voter present): its marks and
// answers through the ballot rules, in staff words beside each field, and the code written on it.
import { parseBallot, type BallotContent } from '$lib/vote/ballot';
import type { FieldErrors, FormValues } from '$lib/forms/parse';
import { isWellFormedCode, normaliseCode } from '$lib/participation/codes';
import * as ballots from '$lib/server/budget/ballots';
import * as paper from '$lib/server/budget/paper';
import type { Vote } from '$lib/server/budget/votes';
import * as codes from '$lib/server/codes';
import type { DB } from '$lib/server/db';

export interface EnteredBallot {
	errors: FieldErrors;
	/** The ballot, when its marks and answers keep the rules. */
	content: BallotContent | null;
	/** The code's id, when a code was given and it is one of the engagement's, unspoiled. */
	codeId: number | null;
}

/**
 * Reads the ballot fields of a staff form and the code typed on it. `remedy` ends the message
 * for marks over a limit: what the member of staff should do about it.
 */
export function readEnteredBallot(
	db: DB,
	vote: Vote,
	values: FormValues,
	code: string | undefined,
	remedy: { overLimit: string; spoiledCode: string }
): EnteredBallot {
	const body = parseBallot(values, ballots.ballotContext(db, vote));
	const errors: FieldErrors = body.ok
		? {}
		: paper.staffBallotErrors(body.errors, body.limits, remedy.overLimit);
	let codeId: number | null = null;
	if (code) {
		const normal = normaliseCode(code);
		const found = isWellFormedCode(normal) ? codes.findCode(db, normal) : undefined;
		if (!found || found.engagementId !== vote.engagementId)
			errors.code = 'No code from this engagement’s letters matches: check it, or leave it blank';
		else if (found.spoiledAt) errors.code = remedy.spoiledCode;
		else codeId = found.id;
	}
	return { errors, content: body.ok ? body.content : null, codeId };
}
