/**
 * The rules of a live round in a meeting, apart from any database: what the facilitator enters
 * when opening, updating or voiding a round, and whether a round has a seat for one more ballot.
 *
 * A round takes no more ballots than the people the facilitator counted in the room, so that a
 * room code passed around outside (or one phone with many cookie jars) cannot stuff the vote.
 * A voter who already has a ballot in the round may change it: that takes no new seat.
 */
import { z } from 'zod';
import { RoundFormSchema } from './schemas';
import { text } from '../forms/parse';

/** More people than any meeting room holds; a typing slip beyond it is refused. */
export const MAX_ATTENDANCE = 5000;

const attendance = z.coerce
	.number({ error: 'Enter how many people are in the room, as a number' })
	.int({ error: 'Enter how many people are in the room, as a whole number' })
	.min(1, { error: 'Enter how many people are in the room: at least 1' })
	.max(MAX_ATTENDANCE, {
		error: `Enter how many people are in the room: at most ${MAX_ATTENDANCE}`
	});

const roundId = z.coerce
	.number({ error: 'Choose a round' })
	.int()
	.min(1)
	.max(2 ** 31);

/** Opening a round: its name and how many people are in the room. */
export const OpenRoundSchema = RoundFormSchema.extend({
	attendance,
	/**
	 * A round held with the people who use one service, whose attendance staff check (at a day
	 * centre, say): its ballots count as verified users of that service. Blank for any meeting.
	 */
	usersServiceId: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
		z.string().max(40, { error: 'Choose a service from the list' }).optional()
	)
});

/** A round, chosen from the list. */
export const RoundRefSchema = z.object({ roundId });

/** People arrived or left: the new head count. */
export const AttendanceSchema = z.object({ roundId, attendance });

/** Voiding a round's ballots needs a reason, for the record. */
export const VoidRoundSchema = z.object({
	roundId,
	reason: text('why the ballots are voided', 5, 500)
});

export interface RoundSeats {
	status: 'open' | 'closed';
	/** Null for a round opened before attendance was asked: it takes nothing until it is entered. */
	attendance: number | null;
	voidedAt: Date | null;
}

export type Seat = 'ok' | 'closed' | 'full';

/**
 * Whether a round can take a ballot: it must be open and not voided, and either the voter's
 * current ballot is already in it (a change of mind) or fewer than `attendance` ballots are.
 * @param counted ballots that count in the round now
 * @param alreadyIn whether this voter's current, counted ballot was cast in this round
 */
export function seat(round: RoundSeats, counted: number, alreadyIn: boolean): Seat {
	if (round.status !== 'open' || round.voidedAt) return 'closed';
	if (alreadyIn) return 'ok';
	return counted < (round.attendance ?? 0) ? 'ok' : 'full';
}
