import { PARTY_KIND_LABELS } from '$lib/charter/charter';
import { signingVersion } from '$lib/charter/state';
import { versionProgress } from '$lib/charter/signing';
import * as signingLinks from '$lib/server/charter/signing-links';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { charterOf, refusedWithReasons } from '../../charter-of';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const loaded = charterOf(db, params.id);
	const version = signingVersion(loaded.state) ?? loaded.state.versions.at(-1) ?? null;
	const links = signingLinks.listLive(db, loaded);
	return {
		charter: {
			id: loaded.id,
			title: loaded.state.content.title,
			status: loaded.state.status
		},
		version: version
			? {
					number: version.number,
					hash: version.hash,
					parties: versionProgress(version).map((p) => {
						const party = version.content.parties.find((x) => x.id === p.partyId)!;
						return {
							...p,
							kind: PARTY_KIND_LABELS[party.kind],
							signatoryName: party.signatoryName,
							signatoryRole: party.signatoryRole,
							contactEmail: party.contactEmail,
							linkMadeAt: links.get(p.partyId) ?? null
						};
					})
				}
			: null
	};
};

export const actions: Actions = {
	/**
	 * Makes signing links (one party's, or everyone's still to sign) and shows them once: only
	 * their hashes are stored, so a lost link is replaced, not looked up.
	 */
	issue: async ({ request, locals, params, url }) => {
		const user = requireRole(locals, 'admin', 'commissioner');
		const loaded = charterOf(getDb(), params.id);
		const partyId = String((await request.formData()).get('partyId') ?? '').slice(0, 64);
		let issued: signingLinks.IssuedLink[];
		try {
			issued = signingLinks.issue(getDb(), actorOf(user), loaded.id, partyId ? [partyId] : []);
		} catch (e) {
			return refusedWithReasons(e, {});
		}
		return {
			issued: issued.map((l) => ({
				partyId: l.partyId,
				organisation: l.organisation,
				signatoryName: l.signatoryName,
				contactEmail: l.contactEmail,
				url: `${url.origin}/charter/sign/${l.token}`
			}))
		};
	}
};
