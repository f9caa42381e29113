/**
 * Consultation comments (docs/charter.md: "anyone with the link comments; comments are
 * answered or acknowledged"). Every comment must have a response before the parties are asked
 * to sign, so nobody who took part is left without a reply.
 */

export const COMMENT_STATUSES = ['open', 'answered', 'acknowledged'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** How staff respond: an answer explains what changed or why not; an acknowledgement notes it. */
export type CommentResponse = Exclude<CommentStatus, 'open'>;

export interface ConsultationComment {
	id: string;
	/** Blank when the resident chose not to give a name. */
	authorName: string;
	text: string;
	status: CommentStatus;
	/** The reply shown under the comment; blank while open, optional for an acknowledgement. */
	answer: string;
	createdAt: string;
	answeredAt: string | null;
	/** The version number the commented draft was heading for (1 for the first charter). */
	draftVersion: number;
}

/** Comments still waiting for a response, oldest first. */
export function openComments(comments: readonly ConsultationComment[]): ConsultationComment[] {
	return comments.filter((c) => c.status === 'open');
}

/** Counts by status, for the consultation page's heading. */
export function commentCounts(
	comments: readonly ConsultationComment[]
): Record<CommentStatus, number> {
	const counts: Record<CommentStatus, number> = { open: 0, answered: 0, acknowledged: 0 };
	for (const c of comments) counts[c.status]++;
	return counts;
}
