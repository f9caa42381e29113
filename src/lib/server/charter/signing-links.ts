// Signing links: a personal token for each party still to sign the version being signed,
// stored only as its hash. Who gets one is the domain's `signingInvitations`
// (src/lib/charter/signing.ts); this module makes the tokens, opens them and signs with them.
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
	signingInvitations,
	signingPage,
	type SigningInvitation,
	type SigningPage
} from '../../charter/signing';
import { signingVersion } from '../../charter/state';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import { charterSigningLink, charterVersion } from '../db/schema';
import { generateToken, hashToken } from '../tokens';
import { charterRefusal, signVersion } from './charters';
import { loadCharter, type LoadedCharter } from './rows';

/** A link made for a party, with the token in plain text this once: only its hash is stored. */
export type IssuedLink = SigningInvitation & { token: string };

/**
 * Makes a personal signing link for each of `partyIds` (every party still to sign, when
 * empty) on the version being signed. A party's earlier link for the same version stops
 * working. The tokens are returned once and never stored. A list naming a party that cannot
 * have one is refused whole (a charter refusal), and no link is made.
 */
export function issue(
	db: DB,
	actor: audit.Actor,
	charterId: number,
	partyIds: string[],
	now = new Date()
): IssuedLink[] {
	return write(db, (tx) => {
		const loaded = loadCharter(tx, charterId);
		if (!loaded) throw charterRefusal(['That charter was not found.']);
		const version = signingVersion(loaded.state);
		if (!version)
			throw charterRefusal(['The charter is not being signed, so no signing links can be made.']);
		const invitations = signingInvitations(loaded.state);
		const wanted: SigningInvitation[] = partyIds.length ? [] : invitations;
		for (const partyId of partyIds) {
			const invitation = invitations.find((i) => i.partyId === partyId);
			if (invitation) {
				wanted.push(invitation);
				continue;
			}
			// Not invited: either not a party to this version, or it has signed already.
			const party = version.content.parties.find((p) => p.id === partyId);
			if (!party) throw charterRefusal(['That party is not in the version being signed.']);
			throw charterRefusal([`${party.organisation} has already signed version ${version.number}.`]);
		}
		const versionId = loaded.versionIds.get(version.number)!;
		const issued = wanted.map((invitation) => ({
			...invitation,
			token: replaceLink(tx, versionId, invitation.partyId, actor, now)
		}));
		audit.record(
			tx,
			actor,
			{
				action: 'charter.signing-links',
				entityType: 'charter',
				entityId: charterId,
				after: { version: version.number, parties: issued.map((i) => i.partyId) }
			},
			now
		);
		return issued;
	});
}

/** Revokes the party's live link for the version, if any, and stores a new one; its token. */
function replaceLink(
	tx: DB,
	versionId: number,
	partyId: string,
	actor: audit.Actor,
	now: Date
): string {
	tx.update(charterSigningLink)
		.set({ revokedAt: now })
		.where(
			and(
				eq(charterSigningLink.versionId, versionId),
				eq(charterSigningLink.partyId, partyId),
				isNull(charterSigningLink.revokedAt)
			)
		)
		.run();
	const token = generateToken();
	tx.insert(charterSigningLink)
		.values({
			versionId,
			partyId,
			tokenHash: hashToken(token),
			createdBy: actor.id,
			createdAt: now
		})
		.run();
	return token;
}

/** When each party's current link for the version being signed was made (absent: none yet). */
export function listLive(db: DB, loaded: LoadedCharter): Map<string, Date> {
	const version = signingVersion(loaded.state);
	if (!version) return new Map();
	const rows = db
		.select({ partyId: charterSigningLink.partyId, createdAt: charterSigningLink.createdAt })
		.from(charterSigningLink)
		.where(
			and(
				eq(charterSigningLink.versionId, loaded.versionIds.get(version.number)!),
				isNull(charterSigningLink.revokedAt)
			)
		)
		.orderBy(asc(charterSigningLink.id))
		.all();
	return new Map(rows.map((r) => [r.partyId, r.createdAt]));
}

export type SigningLinkView =
	| { found: false }
	| { found: true; replaced: true; charter: LoadedCharter }
	| { found: true; replaced: false; charter: LoadedCharter; page: SigningPage };

/** What a signing link opens: nothing, a link replaced by a newer one, or the signing page. */
export function open(db: DB, token: string): SigningLinkView {
	const link = db
		.select()
		.from(charterSigningLink)
		.where(eq(charterSigningLink.tokenHash, hashToken(token)))
		.get();
	if (!link) return { found: false };
	const loaded = charterOfVersion(db, link.versionId);
	if (!loaded) return { found: false };
	if (link.revokedAt) return { found: true, replaced: true, charter: loaded };
	const versionNumber = [...loaded.versionIds].find(([, id]) => id === link.versionId)![0];
	const page = signingPage(loaded.state, { partyId: link.partyId, versionNumber });
	if (!page) return { found: false };
	return { found: true, replaced: false, charter: loaded, page };
}

function charterOfVersion(db: DB, versionId: number): LoadedCharter | undefined {
	const row = db
		.select({ charterId: charterVersion.charterId })
		.from(charterVersion)
		.where(eq(charterVersion.id, versionId))
		.get();
	return row ? loadCharter(db, row.charterId) : undefined;
}

/**
 * Signs the version a link names, for the party it names, with the hash of the text the page
 * showed. A replaced link cannot sign; the unique index makes a double signature impossible.
 * Refused, the resident is told the link cannot sign now (reason `cannotSign`).
 */
export function sign(
	db: DB,
	token: string,
	input: { name: string; role: string; versionHash: string },
	now = new Date()
): { everyoneSigned: boolean } {
	return write(db, (tx) => {
		const link = tx
			.select()
			.from(charterSigningLink)
			.where(eq(charterSigningLink.tokenHash, hashToken(token)))
			.get();
		if (!link) throw charterRefusal(['This signing link is not valid.'], { reason: 'cannotSign' });
		if (link.revokedAt)
			throw charterRefusal(
				['This signing link has been replaced by a newer one. Use the latest link you were sent.'],
				{ reason: 'cannotSign' }
			);
		const version = tx
			.select({ charterId: charterVersion.charterId, number: charterVersion.number })
			.from(charterVersion)
			.where(eq(charterVersion.id, link.versionId))
			.get()!;
		const state = signVersion(
			tx,
			version.charterId,
			{ partyId: link.partyId, versionNumber: version.number },
			input,
			now
		);
		return { everyoneSigned: state.status === 'agreed' };
	});
}
