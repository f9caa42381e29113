import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { dataOf, readMessages } from '../../test/sse';
import { write } from '../db/open';
import { voteRound } from '../db/schema';
import { castBallotIn } from './ballots';
import { closeVote } from './results';
import type { RoundScreen } from './round-fanout';
import * as screens from './round-fanout';
import { closeRound, revealRound, voidRound } from './rounds';
import { ballotWith, later, phone, roomVote } from '../../test/vote-db';
import { turnoutResponse } from './turnout';

/** Every projector a test opened, closed after it: the fan-out is the process's. */
const opened: ReadableStreamDefaultReader<Uint8Array>[] = [];
const listening: (() => void)[] = [];
afterEach(async () => {
	for (const r of opened.splice(0)) await r.cancel();
	for (const off of listening.splice(0)) off();
});

/** A projector on the round, with what it showed first. */
async function projector(
	db: ReturnType<typeof roomVote>['db'],
	roundId: number,
	heartbeatMs = 15_000
) {
	const reader = turnoutResponse(db, roundId, { batchMs: 0, heartbeatMs }).body!.getReader();
	opened.push(reader);
	const first = dataOf<RoundScreen>(await readMessages(reader, 1));
	const next = async (count = 1) => dataOf<RoundScreen>(await readMessages(reader, count));
	return { reader, first, next };
}

/** Everything the stream has sent that has not been read yet. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
	const decoder = new TextDecoder();
	let text = '';
	for (;;) {
		const next = await Promise.race([
			reader.read(),
			new Promise<null>((r) => setTimeout(() => r(null), 50))
		]);
		if (!next || next.done) return text;
		text += decoder.decode(next.value);
	}
}

describe("a room round's projector", () => {
	it('shows the turnout on connecting, then each ballot cast in the round as it commits', async () => {
		const { db, round, cast } = roomVote(5);
		cast(phone(0));
		const screen = await projector(db, round.id);
		expect(screen.first).toEqual([{ turnout: 1, status: 'open', revealed: false }]);
		cast(phone(1));
		cast(phone(2));
		expect(await screen.next(2)).toEqual([
			{ turnout: 2, status: 'open', revealed: false },
			{ turnout: 3, status: 'open', revealed: false }
		]);
	});

	it('shows a ballot leaving the round for another channel', async () => {
		const { db, round, cast } = roomVote(5);
		cast(phone(0));
		const screen = await projector(db, round.id);
		cast(phone(0), null, 3);
		expect(await screen.next()).toEqual([{ turnout: 0, status: 'open', revealed: false }]);
	});

	it('shows the round closed, revealed and voided, and closed with its vote', async () => {
		const { db, actor, voteId, round, cast } = roomVote(5);
		cast(phone(0));
		const screen = await projector(db, round.id);
		closeRound(db, actor, voteId, round.id, later(3));
		revealRound(db, actor, voteId, round.id, later(4));
		voidRound(db, actor, voteId, round.id, 'Stuffed', later(5));
		expect(await screen.next(3)).toEqual([
			{ turnout: 1, status: 'closed', revealed: false },
			{ turnout: 1, status: 'closed', revealed: true },
			{ turnout: 0, status: 'closed', revealed: true }
		]);

		const other = roomVote(5);
		const second = await projector(other.db, other.round.id);
		closeVote(other.db, other.actor, other.voteId, later(6));
		expect(await second.next()).toEqual([{ turnout: 0, status: 'closed', revealed: false }]);
	});

	it('hears of nothing that rolled back', async () => {
		const { db, voteId, proposals, round, cast } = roomVote(5);
		const heard: RoundScreen[] = [];
		listening.push(screens.subscribe(round.id, (s) => heard.push(s)));
		expect(() =>
			write(db, (tx) => {
				castBallotIn(tx, {
					voteId,
					voter: phone(0),
					channel: 'room',
					roundId: round.id,
					content: ballotWith({ [proposals[0]]: 'want' })
				});
				throw new Error('something later in the submission failed');
			})
		).toThrow('something later');
		expect(heard).toEqual([]);
		cast(phone(1));
		expect(heard).toEqual([{ turnout: 1, status: 'open', revealed: false }]);
	});

	it('asks the database nothing while nothing is announced', async () => {
		const { db, round } = roomVote(5);
		const screen = await projector(db, round.id, 400);
		// Changed behind the fan-out's back: a stream that polled each second would show it.
		db.update(voteRound).set({ status: 'closed' }).where(eq(voteRound.id, round.id)).run();
		await new Promise((r) => setTimeout(r, 1_500));
		const sent = await drain(screen.reader);
		expect(sent).toContain(': keep-alive');
		expect(sent).not.toContain('data:');
	});

	it('lets go of its listener when the projector leaves', async () => {
		const { db, round } = roomVote(5);
		const screen = await projector(db, round.id);
		expect(screens.listenerCount(round.id)).toBe(1);
		await screen.reader.cancel();
		expect(screens.listenerCount(round.id)).toBe(0);
	});
});
