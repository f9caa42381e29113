import * as rounds from '$lib/server/budget/rounds';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';
import { roundForCode } from '../find-round.server';

const encoder = new TextEncoder();

/**
 * Live turnout for the projector as server-sent events: a snapshot on connecting and whenever
 * turnout or the round's state changes (checked each second: one indexed count), and a comment
 * every 15 seconds to keep proxies from closing the connection. EventSource reconnects by itself.
 */
export const GET: RequestHandler = ({ params, getClientAddress }) => {
	const db = getDb();
	roundForCode(db, params.code, getClientAddress());
	let timer: ReturnType<typeof setInterval> | undefined;
	let beat: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let last = '';
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					clearInterval(timer);
					clearInterval(beat);
				}
			};
			const poll = () => {
				const r = rounds.findRound(db, params.code);
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
			send('retry: 2000\n\n');
			poll();
			timer = setInterval(poll, 1000);
			beat = setInterval(() => send(': keep-alive\n\n'), 15_000);
		},
		cancel() {
			clearInterval(timer);
			clearInterval(beat);
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
};
