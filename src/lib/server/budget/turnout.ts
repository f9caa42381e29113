/**
 * A room round's live screen for the projector, as server-sent events: what it shows now on
 * connecting (and reconnecting), then the round's screen again each time a change to it commits
 * (round-fanout.ts), through the shared writer (live/sse.ts: batching, back-pressure,
 * heartbeat). Nothing is read while nothing changes.
 */
import type { DB } from '../db/open';
import { eventStream, type StreamOptions } from '../live/sse';
import * as screens from './round-fanout';
import { screenOf } from './rounds';

/** A streaming response for round `roundId`'s projectors. */
export function turnoutResponse(db: DB, roundId: number, options: StreamOptions = {}): Response {
	return eventStream<screens.RoundScreen>(
		{
			subscribe: (send) => screens.subscribe(roundId, send),
			snapshot: () => screenOf(db, roundId)
		},
		options
	);
}
