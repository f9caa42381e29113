import * as ballots from '$lib/server/budget/ballots';
import * as votes from '$lib/server/budget/votes';
import type { LayoutServerLoad } from './$types';
import { draftOf, earlierBallot, votingContext } from './voting.server';

export const load: LayoutServerLoad = (event) => {
	const ctx = votingContext(event);
	const v = ctx.vote;
	return {
		vote: {
			id: v.id,
			title: v.title,
			titleCy: v.titleCy,
			description: v.description,
			descriptionCy: v.descriptionCy,
			opensAt: v.opensAt,
			closesAt: v.closesAt,
			eligibility: v.eligibility,
			rules: v.rules
		},
		state: ctx.state,
		proposals: votes.listProposals(ctx.db, v.id),
		choices: ballots.profileChoices(ctx.db),
		needCode: !ctx.entry.allowed,
		kiosk: ctx.kioskId !== null,
		// A kiosk for checked users of a service, and whether staff confirmed this voter as one.
		kioskUsers: ctx.kioskUsers,
		checkedUse:
			ctx.kioskId !== null && ctx.entry.allowed && ctx.entry.voter?.assurance === 'checked'
				? (ctx.entry.voter.verifiedUses?.[0] ?? null)
				: null,
		room: ctx.round
			? { title: ctx.round.title, attendance: ctx.round.attendance ?? 0, full: ctx.roomFull }
			: null,
		current: ctx.current
			? {
					receipt: ballots.formatReceipt(ctx.current.receipt),
					updatedAt: ctx.current.updatedAt,
					// Cast with this code on paper or at a meeting: spent there, not changeable here.
					locked:
						ctx.entry.allowed &&
						ctx.entry.voter?.codeId != null &&
						ballots.lockedTo(ctx.current.channel, ctx.entry.channel),
					// Whether its marks may be shown once the voter asks, or never (a household code).
					earlier: earlierBallot(ctx),
					changing: draftOf(ctx) !== undefined
				}
			: null
	};
};
