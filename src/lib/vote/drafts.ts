/**
 * Who may add proposals to a draft vote, apart from any database.
 *
 * Commissioners (and admins) set votes up: they may add proposals to any draft. A facilitator
 * works through a lab: the lab's shortlist may create a draft vote for its proposals, and may
 * add proposals only to a draft that this lab created, never to a draft a commissioner is
 * preparing (which the vote pages would not let them touch either).
 */

export type StaffRole = 'admin' | 'commissioner' | 'facilitator' | 'councillor';

export interface DraftVote {
	/** The lab whose shortlist created the draft; null for a vote made on the vote pages. */
	labId: number | null;
}

/**
 * Whether someone with `role` may add a proposal to `draft`, drafting it from lab `fromLab`
 * (null when adding by hand on the vote pages).
 */
export function mayAddToDraft(role: StaffRole, draft: DraftVote, fromLab: number | null): boolean {
	if (role === 'admin' || role === 'commissioner') return true;
	// Councillors read and scrutinise; they never add to a vote.
	if (role !== 'facilitator') return false;
	return fromLab !== null && draft.labId === fromLab;
}

export const FACILITATOR_DRAFT_REFUSAL =
	'A facilitator can add proposals only to a draft vote made from this lab. Choose one, make one from the shortlist, or ask a commissioner.';
