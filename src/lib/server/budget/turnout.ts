/**
 * A room round's live turnout for the projector, as server-sent events: a snapshot on
 * connecting and whenever turnout or the round's state changes (checked each second: one
 * indexed count), and a comment every 15 seconds to keep proxies from closing the connection.
 * EventSource reconnects by itself.
 */
import type { DB } from '../db/open';
import * as rounds from './rounds';

const encoder = new TextEncoder();

export interface TurnoutOptions {
	pollMs?: number;
	heartbeatMs?: number;
	/** Called once when the stream ends, however it ends. */
	onClose?: () => void;
}

export function turnoutResponse(db: DB, code: string, options: TurnoutOptions = {}): Response {
	const { pollMs = 1000, heartbeatMs = 15_000, onClose = () => {} } = options;
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			let last = '';
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const poll = () => {
				const r = rounds.findRound(db, code);
				if (!r) return;
				const snapshot = JSON.stringify({
					turnout: rounds.roundTurnout(db, r.id),
					status: r.status,
					revealed: !!r.revealedAt
				});
				if (snapshot !== last) {
					last = snapshot;
					send(`data: ${snapshot}\n\n`);
				}
			};
			const timer = setInterval(poll, pollMs);
			const beat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs);
			stop = () => {
				if (!open) return;
				open = false;
				clearInterval(timer);
				clearInterval(beat);
				onClose();
			};
			send('retry: 2000\n\n');
			poll();
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream',
			'Cache-Control': 'no-store',
			Connection: 'keep-alive',
			'X-Accel-Buffering': 'no'
		}
	});
}
