import { fail, redirect } from '@sveltejs/kit';
import { completeness, consultationGaps } from '$lib/charter/completeness';
import { commentCounts } from '$lib/charter/consultation';
import { diffContent } from '$lib/charter/diff';
import { publicCharter } from '$lib/charter/public';
import { reviewBoard } from '$lib/charter/review';
import { WithdrawSigningSchema } from '$lib/charter/schemas';
import {
	EDITABLE_STATUSES,
	isAmendment,
	publishedVersion,
	versionStatus
} from '$lib/charter/state';
import { charterWelshFields } from '$lib/charter/welsh';
import { parseForm } from '$lib/forms/parse';
import { welshGaps } from '$lib/i18n/welsh';
import * as catalogue from '$lib/server/catalogue';
import * as charters from '$lib/server/charter/charters';
import { describeLinks } from '$lib/server/charter/links';
import { getDb } from '$lib/server/db';
import { actorOf, requireRole } from '$lib/server/guard';
import { charterOf, refusedWithReasons } from '../charter-of';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const db = getDb();
	const loaded = charterOf(db, params.id);
	const { state } = loaded;
	const inForce = publishedVersion(state);
	return {
		charter: {
			id: loaded.id,
			slug: loaded.slug,
			engagementId: loaded.engagementId,
			status: state.status,
			content: state.content,
			editable: EDITABLE_STATUSES.includes(state.status),
			amendment: isAmendment(state),
			isPublic: publicCharter(state) !== null
		},
		engagement: catalogue.getEngagement(db, loaded.engagementId)!,
		gaps: completeness(state.content),
		welsh: {
			fields: charterWelshFields(state.content).length,
			gaps: welshGaps(charterWelshFields(state.content)).map((f) => ({
				...f,
				href: `/staff/charters/${loaded.id}/edit/welsh#field-${f.path.replaceAll('.', '-')}`
			}))
		},
		consultationGaps: consultationGaps(state.content),
		comments: commentCounts(state.comments),
		versions: state.versions.map((v) => ({
			number: v.number,
			status: versionStatus(state, v),
			frozenAt: v.frozenAt,
			signed: v.signatures.length,
			parties: v.content.parties.length,
			withdrawnReason: v.withdrawnReason
		})),
		inForceNumber: inForce?.number ?? null,
		inForceContent: inForce?.content ?? null,
		// What an amendment changes from the version in force, while it is drafted.
		amendmentChanges:
			inForce && EDITABLE_STATUSES.includes(state.status)
				? diffContent(inForce.content, state.content)
				: [],
		review: inForce ? reviewBoard(inForce.content, state.reviews).counts : null,
		links: describeLinks(db, loaded.engagementId, state.content.links, new Date())
	};
};

/** Runs one life-cycle step as the signed-in commissioner and comes back here. */
function step(
	event: RequestEvent,
	name: string,
	run: (actor: ReturnType<typeof actorOf>, id: number) => void
) {
	const user = requireRole(event.locals, 'admin', 'commissioner');
	const loaded = charterOf(getDb(), event.params.id);
	try {
		run(actorOf(user), loaded.id);
	} catch (e) {
		return refusedWithReasons(e, { action: name });
	}
	redirect(303, `/staff/charters/${loaded.id}`);
}

export const actions: Actions = {
	openConsultation: (event) =>
		step(event, 'openConsultation', (actor, id) => charters.openConsultation(getDb(), actor, id)),
	openSigning: (event) =>
		step(event, 'openSigning', (actor, id) => charters.openSigning(getDb(), actor, id)),
	publish: (event) => step(event, 'publish', (actor, id) => charters.publish(getDb(), actor, id)),
	startAmendment: (event) =>
		step(event, 'startAmendment', (actor, id) => charters.startAmendment(getDb(), actor, id)),
	discardAmendment: (event) =>
		step(event, 'discardAmendment', (actor, id) => charters.discardAmendment(getDb(), actor, id)),
	withdraw: async (event) => {
		const user = requireRole(event.locals, 'admin', 'commissioner');
		const loaded = charterOf(getDb(), event.params.id);
		const parsed = parseForm(WithdrawSigningSchema, await event.request.formData());
		if (!parsed.ok)
			return fail(400, { action: 'withdraw', values: parsed.values, errors: parsed.errors });
		try {
			charters.withdrawSigning(getDb(), actorOf(user), loaded.id, parsed.data.reason);
		} catch (e) {
			return refusedWithReasons(e, { action: 'withdraw' });
		}
		redirect(303, `/staff/charters/${loaded.id}`);
	}
};
