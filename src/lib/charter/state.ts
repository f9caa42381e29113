import type { CharterContent, Party } from './charter';
import type { ConsultationComment } from './consultation';
import type { ReviewEntry } from './review';

/**
 * Where a charter is in its life cycle (docs/charter.md, "Life cycle"):
 *
 * - `draft`: staff write the first version.
 * - `consultation`: anyone with the link comments; staff can still edit.
 * - `signing`: the text is frozen as a numbered version and each party's signatory signs it.
 * - `agreed`: every party has signed; waiting to be published.
 * - `published`: the public page and printable copy show it.
 * - `review`: published, and progress is being recorded red/amber/green.
 * - `amending`: a new version is being drafted; the published one stays in force until the
 *   amendment is signed by every party and published.
 */
export const CHARTER_STATUSES = [
	'draft',
	'consultation',
	'signing',
	'agreed',
	'published',
	'review',
	'amending'
] as const;
export type CharterStatus = (typeof CHARTER_STATUSES)[number];

export const CHARTER_STATUS_LABELS: Record<CharterStatus, string> = {
	draft: 'Draft',
	consultation: 'Open for comments',
	signing: 'Being signed',
	agreed: 'Agreed',
	published: 'Published',
	review: 'Published, under review',
	amending: 'Amendment being drafted'
};

/** Statuses in which the working text may be changed. */
export const EDITABLE_STATUSES: readonly CharterStatus[] = ['draft', 'consultation', 'amending'];

export interface Signature {
	partyId: string;
	name: string;
	role: string;
	/** ISO date-time, from the caller's clock. */
	signedAt: string;
	/** The content hash the signatory was shown; always the version's own hash. */
	versionHash: string;
}

/**
 * A frozen text. Its content never changes once frozen; what changes is only who has signed
 * it and when it was agreed, published or withdrawn.
 */
export interface CharterVersion {
	/** 1, 2, ... in the order versions were frozen; a number always names one text. */
	number: number;
	content: CharterContent;
	/** `contentHash(content)`: 64 lower-case hex characters. */
	hash: string;
	frozenAt: string;
	signatures: Signature[];
	/** When the last party signed. */
	agreedAt: string | null;
	publishedAt: string | null;
	/** Set when staff took the text back out of signing to change it; it is kept as history. */
	withdrawnAt: string | null;
	withdrawnReason: string;
}

/** Everything the life cycle needs to know about one charter. */
export interface CharterState {
	status: CharterStatus;
	/**
	 * The working text: editable in draft, consultation and amending; otherwise the same text
	 * as the latest version.
	 */
	content: CharterContent;
	/** Every version ever frozen, oldest first; only ever appended to. */
	versions: CharterVersion[];
	/** Consultation comments on every draft, oldest first. */
	comments: ConsultationComment[];
	/** Review entries, oldest first; only ever appended to. */
	reviews: ReviewEntry[];
}

export type VersionStatus = 'signing' | 'agreed' | 'in-force' | 'superseded' | 'withdrawn';

export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
	signing: 'Being signed',
	agreed: 'Signed by all parties, not yet published',
	'in-force': 'In force',
	superseded: 'Replaced by a later version',
	withdrawn: 'Withdrawn before everyone signed'
};

/** The number the next frozen version will get. Numbers are never reused. */
export function nextVersionNumber(state: CharterState): number {
	return state.versions.length + 1;
}

/** The version in force: the one published most recently, if any. */
export function publishedVersion(state: CharterState): CharterVersion | null {
	for (let i = state.versions.length - 1; i >= 0; i--) {
		if (state.versions[i].publishedAt !== null) return state.versions[i];
	}
	return null;
}

/** The version being signed, when the charter is in `signing`. */
export function signingVersion(state: CharterState): CharterVersion | null {
	const last = state.versions.at(-1);
	return state.status === 'signing' && last ? last : null;
}

/** The most recently frozen version that every party signed, if any. */
export function agreedVersion(state: CharterState): CharterVersion | null {
	for (let i = state.versions.length - 1; i >= 0; i--) {
		if (state.versions[i].agreedAt !== null) return state.versions[i];
	}
	return null;
}

/** True while a new version is being prepared on top of a published one. */
export function isAmendment(state: CharterState): boolean {
	return (
		publishedVersion(state) !== null &&
		(state.status === 'amending' ||
			state.status === 'consultation' ||
			state.status === 'signing' ||
			(state.status === 'agreed' && agreedVersion(state) !== publishedVersion(state)))
	);
}

/** Where a version stands, for the history page. */
export function versionStatus(state: CharterState, version: CharterVersion): VersionStatus {
	if (version.withdrawnAt !== null) return 'withdrawn';
	if (version.publishedAt !== null)
		return publishedVersion(state)?.number === version.number ? 'in-force' : 'superseded';
	if (version.agreedAt !== null) return 'agreed';
	return 'signing';
}

/** The parties of a version who have not signed it yet, in charter order. */
export function missingSignatures(version: CharterVersion): Party[] {
	const signed = new Set(version.signatures.map((s) => s.partyId));
	return version.content.parties.filter((p) => !signed.has(p.id));
}

/**
 * The versions every party signed, newest first: the history page's list. Withdrawn texts are
 * left out here (see `versions` for the full record).
 */
export function signedHistory(state: CharterState): CharterVersion[] {
	return state.versions.filter((v) => v.agreedAt !== null).reverse();
}
