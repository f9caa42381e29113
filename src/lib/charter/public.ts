import type { CharterContent } from './charter';
import { reviewBoard, targetKey, type RagCounts, type ReviewEntry } from './review';
import {
	publishedVersion,
	signedHistory,
	versionStatus,
	type CharterState,
	type Signature,
	type VersionStatus
} from './state';

/**
 * What the public charter page shows (docs/charter.md: "public page and printable copy ...
 * residents can see it"): the version in force when there is one; before that, the text
 * residents are being asked about or the parties are signing. A draft nobody has been asked
 * about yet is not public.
 */
export type PublicStage = 'in-force' | 'consultation' | 'signing' | 'agreed';

export interface Progress {
	status: ReviewEntry['status'];
	note: string;
	date: string;
}

export interface PublicCharter {
	stage: PublicStage;
	/** The version shown; null while the first text is still a draft under consultation. */
	versionNumber: number | null;
	content: CharterContent;
	/** The latest review entry for each item, keyed "commitment:<id>" or "outcome:<id>". */
	progress: Record<string, Progress>;
	counts: RagCounts & { notReviewed: number };
	signatures: Signature[];
	publishedAt: string | null;
	/** A published charter with changes open for comment. */
	amendmentOpenForComments: boolean;
	/** A published charter with changes being signed or agreed, not yet in force. */
	amendmentBeingSigned: boolean;
	/** Whether the comments page takes comments now. */
	commentsOpen: boolean;
	/** Versions every party signed, newest first (for the history link). */
	signedVersions: number;
}

/** The public view of a charter, or null when it is not public yet. */
export function publicCharter(state: CharterState): PublicCharter | null {
	const inForce = publishedVersion(state);
	const last = state.versions.at(-1);
	let stage: PublicStage;
	let version = inForce;
	if (inForce) stage = 'in-force';
	else if (state.status === 'consultation') {
		stage = 'consultation';
		version = null;
	} else if ((state.status === 'signing' || state.status === 'agreed') && last) {
		stage = state.status;
		version = last;
	} else return null;
	const content = version?.content ?? state.content;
	const board = reviewBoard(content, inForce ? state.reviews : []);
	const progress: Record<string, Progress> = {};
	for (const row of board.rows)
		if (row.latest)
			progress[targetKey(row.target)] = {
				status: row.latest.status,
				note: row.latest.note,
				date: row.latest.date
			};
	return {
		stage,
		versionNumber: version?.number ?? null,
		content,
		progress,
		counts: board.counts,
		signatures: version?.signatures ?? [],
		publishedAt: inForce?.publishedAt ?? null,
		amendmentOpenForComments: inForce !== null && state.status === 'consultation',
		amendmentBeingSigned:
			inForce !== null &&
			last !== undefined &&
			last.number !== inForce.number &&
			last.withdrawnAt === null &&
			(state.status === 'signing' || state.status === 'agreed'),
		commentsOpen: state.status === 'consultation',
		signedVersions: signedHistory(state).length
	};
}

export interface PublicVersion {
	number: number;
	status: VersionStatus;
	frozenAt: string;
	agreedAt: string | null;
	publishedAt: string | null;
	signatures: Signature[];
}

/**
 * The versions residents can see in the history: every version all parties signed, newest
 * first. (Texts withdrawn before everyone signed stay in the staff record only.)
 */
export function publicVersions(state: CharterState): PublicVersion[] {
	return signedHistory(state).map((v) => ({
		number: v.number,
		status: versionStatus(state, v),
		frozenAt: v.frozenAt,
		agreedAt: v.agreedAt,
		publishedAt: v.publishedAt,
		signatures: v.signatures
	}));
}
