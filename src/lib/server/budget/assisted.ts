/**
 * Assisted voting: a member of staff enters a ballot with the voter present, because the voter
 * asked for help (sight, reading, a learning disability, no device). Either the member of staff
 * helps, or a supporter the voter chose (family, a carer, an advocate) helps with staff there;
 * which is recorded on the ballot and its history (`assisted`), beside who entered it.
 *
 * Such a ballot is counted like a paper ballot (counting.md's channels are online, room, paper
 * and kiosk): channel `paper`, entered once rather than keyed twice, because the voter confirms
 * the choices as they are read back. It is assured when staff checked who the voter is
 * (`checked`) or it carries a participation code (`code`, spent on paper like a paper ballot's,
 * so it cannot be changed online afterwards); otherwise it is open, like an anonymous paper.
 * It is taken only while the vote is open: the voter is there, so nothing arrives late.
 *
 * The audit log records who entered it, who helped and how sure we are of the voter: never the
 * marks, which are as secret as any other ballot's.
 */
import type { BallotContent } from '../../vote/ballot';
import { takesBallots, voteState } from '../../vote/state';
import * as audit from '../audit';
import { write, type DB } from '../db/open';
import {
	ballotProblems,
	castBallotIn,
	codeVoter,
	generateReceipt,
	type Assisted,
	type Assurance,
	type CastReason,
	type Voter
} from './ballots';
import { staffBallotErrors, staffRefusal } from './paper';
import { asksAbout, getVote } from './votes';
import { isRefusal, Refusal } from '../command-refusal';

export interface AssistedBallot {
	/** Who helped the voter fill it in. */
	helper: Assisted;
	/** The member of staff checked who the voter is (they know them, or saw proof). */
	identityChecked: boolean;
	/** The participation code the voter brought, if any. */
	codeId: number | null;
	/** A service the member of staff knows the voter uses (a checked user, as on paper). */
	checkedServiceId?: string | null;
	content: BallotContent;
}

/** Refuses (before anything is written) what cannot be recorded, in the form's words. */
function voterOf(tx: DB, engagementId: number, voteId: number, entry: AssistedBallot): Voter {
	const checked = entry.checkedServiceId ? [entry.checkedServiceId] : [];
	if (checked.length && !asksAbout(tx, voteId, checked[0]))
		throw new Refusal('checked', 'Choose one of this vote’s services, or “None”');
	if (entry.codeId !== null) {
		const code = codeVoter(tx, entry.codeId, engagementId);
		if (!code)
			throw new Refusal('code', 'No code from this engagement’s letters matches: check it');
		return {
			...code,
			verifiedUses: [...new Set([...(code.verifiedUses ?? []), ...checked])]
		};
	}
	if (checked.length && !entry.identityChecked)
		throw new Refusal(
			'checked',
			'A checked user needs a checked identity or a code: tick that you checked who the voter is, or choose “None”'
		);
	return {
		key: `assisted:${generateReceipt()}`,
		assurance: entry.identityChecked ? 'checked' : 'open',
		codeId: null,
		verifiedUses: checked
	};
}

/**
 * Casts a ballot entered with the voter present, with its audit entry, in one transaction.
 * Throws a `Refusal` (nothing written) when the vote is not open, the ballot breaks its rules
 * (over a limit), the code is not this engagement's or has voted, or a checked user cannot be
 * recorded.
 */
export function castAssisted(
	db: DB,
	actor: audit.Actor & { id: number },
	voteId: number,
	entry: AssistedBallot,
	now = new Date()
): { receipt: string; assurance: Assurance } {
	return write(db, (tx) => {
		const v = getVote(tx, voteId);
		if (!v) throw new Refusal('_', 'That vote no longer exists');
		const state = voteState(v, now);
		if (!takesBallots(state))
			throw new Refusal(
				'_',
				state === 'ended' || state === 'closed'
					? 'Voting has ended: a ballot can no longer be entered with the voter'
					: 'The vote is not open yet'
			);
		const voter = voterOf(tx, v.engagementId, voteId, entry);
		let cast;
		try {
			cast = castBallotIn(
				tx,
				{
					voteId,
					voter,
					channel: 'paper',
					content: entry.content,
					enteredBy: actor.id,
					assisted: entry.helper,
					replace: false
				},
				now
			);
		} catch (e) {
			// Said in the form's words, by the field to correct; still thrown inside the transaction.
			if (isRefusal(e, 'invalid')) {
				const remedy = 'go through the marks with the voter again';
				const { errors, limits } = ballotProblems(e.params);
				const [field, message] = Object.entries(staffBallotErrors(errors, limits, remedy))[0];
				throw new Refusal<CastReason>(field, message, { reason: 'invalid', params: e.params });
			}
			if (isRefusal(e, 'codeUsed'))
				throw new Refusal<CastReason>('code', 'This code has already voted: it cannot vote again', {
					reason: 'codeUsed'
				});
			throw staffRefusal(e, 'ballots');
		}
		audit.record(
			tx,
			actor,
			{
				action: 'vote.assisted',
				entityType: 'vote',
				entityId: voteId,
				after: {
					helper: entry.helper,
					assurance: voter.assurance,
					code: entry.codeId !== null,
					checked: entry.checkedServiceId ?? undefined
				}
			},
			now
		);
		return { receipt: cast.receipt, assurance: voter.assurance };
	});
}
