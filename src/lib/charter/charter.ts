/**
 * What a community charter says (docs/charter.md, "Contents"): the service, the outcomes it
 * aims for, the parties, how it is governed, what each party commits and what users can expect.
 *
 * Text fields are plain strings and a blank string means "not filled in yet": a draft may be
 * partial, and `completeness` (./completeness) says what is still missing before signing.
 * Keeping blanks as '' rather than a missing key also keeps the content hash unambiguous.
 * Ids are opaque strings the server assigns; they let the history page match an outcome or a
 * commitment across versions even when its wording changes.
 */

export const PARTY_KINDS = ['commissioner', 'provider', 'community'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
	commissioner: 'Commissioner',
	provider: 'Provider',
	community: 'Community representative'
};

export const COMMITMENT_KINDS = [
	'money',
	'staff-time',
	'volunteer-hours',
	'buildings',
	'information',
	'decisions',
	'other'
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_KIND_LABELS: Record<CommitmentKind, string> = {
	money: 'Money',
	'staff-time': 'Staff time',
	'volunteer-hours': 'Volunteer hours',
	buildings: 'Buildings',
	information: 'Information',
	decisions: 'Decisions',
	other: 'Other'
};

/** Whether a commitment's date is when it falls due or when it is next reviewed. */
export const COMMITMENT_DATE_KINDS = ['due', 'review'] as const;
export type CommitmentDateKind = (typeof COMMITMENT_DATE_KINDS)[number];

export interface Outcome {
	id: string;
	/** e.g. "Living independently". */
	title: string;
	/** How progress is measured, e.g. "people still living at home a year after support". */
	indicator: string;
	baseline: string;
	target: string;
}

export interface Party {
	id: string;
	kind: PartyKind;
	organisation: string;
	contactName: string;
	/** Blank when the party gave none. */
	contactEmail: string;
	/** What the party does in this service, e.g. "runs the day centre". */
	role: string;
	/** Who is expected to sign for the party. */
	signatoryName: string;
	signatoryRole: string;
}

export interface Governance {
	/** The board or forum that runs the charter. */
	forum: string;
	membership: string;
	meetingFrequency: string;
	/** What the forum decides. */
	decides: string;
	/** How disputes are settled. */
	disputes: string;
	/** How residents raise concerns. */
	concerns: string;
}

export interface Commitment {
	id: string;
	/** The party that makes the commitment. */
	partyId: string;
	/** What the party contributes. */
	what: string;
	kind: CommitmentKind;
	/** The named person or team answerable for it. */
	owner: string;
	/** How anyone can tell it was kept. */
	measure: string;
	/** ISO date (YYYY-MM-DD); blank until set. */
	date: string;
	dateKind: CommitmentDateKind;
}

export interface Standard {
	id: string;
	/** What users can expect, e.g. "Open 40 hours a week". */
	text: string;
}

/** The survey, lab and budget vote that led to the charter (their ids; may be empty). */
export interface CharterLinks {
	surveyIds: string[];
	labIds: string[];
	voteIds: string[];
}

export interface CharterContent {
	title: string;
	/** The service the charter covers. */
	service: string;
	/** A short description of what the charter is for; may be blank. */
	summary: string;
	outcomes: Outcome[];
	parties: Party[];
	governance: Governance;
	commitments: Commitment[];
	standards: Standard[];
	links: CharterLinks;
	/**
	 * The Welsh, by field path (`outcomes.<id>.target`: see ./welsh). Absent until staff add
	 * some, so a charter without Welsh hashes as it always did.
	 */
	cy?: Record<string, string>;
}

export const GOVERNANCE_FIELDS = [
	'forum',
	'membership',
	'meetingFrequency',
	'decides',
	'disputes',
	'concerns'
] as const satisfies readonly (keyof Governance)[];

export const GOVERNANCE_LABELS: Record<keyof Governance, string> = {
	forum: 'the board or forum',
	membership: 'its membership',
	meetingFrequency: 'how often it meets',
	decides: 'what it decides',
	disputes: 'how disputes are settled',
	concerns: 'how residents raise concerns'
};

/** A charter with nothing in it: where every new charter starts. */
export function emptyContent(): CharterContent {
	return {
		title: '',
		service: '',
		summary: '',
		outcomes: [],
		parties: [],
		governance: {
			forum: '',
			membership: '',
			meetingFrequency: '',
			decides: '',
			disputes: '',
			concerns: ''
		},
		commitments: [],
		standards: [],
		links: { surveyIds: [], labIds: [], voteIds: [] }
	};
}

/** True when a text field has not been filled in (only spaces count as nothing). */
export function isBlank(text: string | undefined): boolean {
	return text === undefined || text.trim() === '';
}

/** The commitments a party makes, in charter order. */
export function commitmentsOf(content: CharterContent, partyId: string): Commitment[] {
	return content.commitments.filter((c) => c.partyId === partyId);
}
