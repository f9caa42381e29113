import {
	PARTY_KIND_LABELS,
	commitmentsOf,
	type CharterContent,
	type Commitment,
	type Party
} from './charter';
import {
	missingSignatures,
	signingVersion,
	type CharterState,
	type CharterVersion,
	type Signature
} from './state';

/**
 * What signing links need, without the links themselves: the server makes one token per party
 * and version, stores which party and version it names, and turns it back into an actor
 * `{ kind: 'signatory', partyId, versionNumber }` for `transition`.
 */

/** A link the server should send: one per party still to sign the version being signed. */
export interface SigningInvitation {
	partyId: string;
	versionNumber: number;
	versionHash: string;
	organisation: string;
	partyKind: string;
	signatoryName: string;
	signatoryRole: string;
	/** Blank when the party gave none: staff then hand the link over another way. */
	contactEmail: string;
}

/** Who still needs a signing link for the version being signed (empty when nothing is being signed). */
export function signingInvitations(state: CharterState): SigningInvitation[] {
	const version = signingVersion(state);
	if (!version) return [];
	return missingSignatures(version).map((p) => ({
		partyId: p.id,
		versionNumber: version.number,
		versionHash: version.hash,
		organisation: p.organisation,
		partyKind: PARTY_KIND_LABELS[p.kind],
		signatoryName: p.signatoryName,
		signatoryRole: p.signatoryRole,
		contactEmail: p.contactEmail
	}));
}

export interface SignatureProgress {
	partyId: string;
	organisation: string;
	partyKind: string;
	signature: Signature | null;
}

/** Every party of a version, with its signature or null: the "who has signed" list. */
export function versionProgress(version: CharterVersion): SignatureProgress[] {
	return version.content.parties.map((p) => ({
		partyId: p.id,
		organisation: p.organisation,
		partyKind: PARTY_KIND_LABELS[p.kind],
		signature: version.signatures.find((s) => s.partyId === p.id) ?? null
	}));
}

/** Everything the signing page shows a signatory, and whether the link still works. */
export interface SigningPage {
	versionNumber: number;
	/** Sent back with the signature, so it is bound to exactly this text. */
	versionHash: string;
	/** The whole text being signed. */
	content: CharterContent;
	/** The party the link is for, and what that party is committing. */
	party: Party;
	commitments: Commitment[];
	progress: SignatureProgress[];
	/** This party's signature, when it has already signed. */
	signed: Signature | null;
	/** Empty when the signatory can sign now; otherwise why not, in plain English. */
	reasons: string[];
}

/**
 * The signing page for a link naming `partyId` and `versionNumber`, or null when the link
 * names a version or party that does not exist (the page answers 404). A link for a version
 * that was withdrawn or already agreed still shows the text, with the reason it cannot be
 * signed.
 */
export function signingPage(
	state: CharterState,
	link: { partyId: string; versionNumber: number }
): SigningPage | null {
	const version = state.versions.find((v) => v.number === link.versionNumber);
	const party = version?.content.parties.find((p) => p.id === link.partyId);
	if (!version || !party) return null;
	const signed = version.signatures.find((s) => s.partyId === party.id) ?? null;
	const reasons: string[] = [];
	if (signed)
		reasons.push(
			`${party.organisation} signed version ${version.number} on ${signed.signedAt.slice(0, 10)}.`
		);
	else if (version.withdrawnAt !== null)
		reasons.push(
			`Version ${version.number} was taken back for changes, so it can no longer be signed. You will be sent a new link.`
		);
	else if (signingVersion(state)?.number !== version.number)
		reasons.push(`Version ${version.number} is not being signed at the moment.`);
	return {
		versionNumber: version.number,
		versionHash: version.hash,
		content: version.content,
		party,
		commitments: commitmentsOf(version.content, party.id),
		progress: versionProgress(version),
		signed,
		reasons
	};
}
