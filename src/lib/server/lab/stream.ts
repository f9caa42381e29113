/**
 * The live stream of a lab (projector, phones, the facilitator's console): a snapshot of the
 * board, then every event published on the lab's fan-out, each with the lab's version as its
 * id, through the shared writer (live/sse.ts: batching, back-pressure, heartbeat).
 */
import type { LiveEvent } from '../../lab/view';
import type { DB } from '../db/open';
import { eventStream, type StreamOptions } from '../live/sse';
import { loadView } from './board';
import * as fanout from './fanout';

/** A streaming response for lab `labId`'s screens. */
export function liveResponse(db: DB, labId: number, options: StreamOptions = {}): Response {
	return eventStream<LiveEvent>(
		{
			subscribe: (send) => fanout.subscribe(labId, send),
			snapshot() {
				const view = loadView(db, labId);
				return view && { type: 'snapshot', version: view.version, view };
			},
			id: (event) => event.version
		},
		options
	);
}
