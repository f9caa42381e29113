/**
 * The live stream of a lab as server-sent events. A screen gets a `retry:` hint, then a full
 * snapshot, then every event as it is published, each with the lab's version as its id, and a
 * comment every 15 seconds so proxies and phones keep the connection open. A screen that
 * reconnects (EventSource does so by itself, sending Last-Event-ID) simply gets a fresh
 * snapshot: one message, and never a stale board.
 */
import type { LiveEvent } from '../../lab/view';
import type { DB } from '../db/open';
import { loadView } from './board';
import * as fanout from './fanout';

export interface StreamOptions {
	heartbeatMs?: number;
	/** How long the browser waits before reconnecting after a drop. */
	retryMs?: number;
	/**
	 * Chunks queued for a screen that is not reading them (a phone on a dead connection).
	 * Past this the stream is closed; the phone reconnects and gets a snapshot.
	 */
	maxQueued?: number;
	/**
	 * At most one write per screen in this many milliseconds. An event after a quiet spell
	 * goes out at once; events that follow it within the window wait and go out together. A
	 * busy room sends hundreds of dots a second to hundreds of phones, and one write per screen
	 * per window keeps the server responsive. 0 writes each event at once.
	 */
	batchMs?: number;
	/** Called once when the stream ends, however it ends (the screen left, or was dropped). */
	onClose?: () => void;
}

const encoder = new TextEncoder();
// Each event is encoded once however many screens receive it.
const encoded = new WeakMap<LiveEvent, Uint8Array>();

/** One event in the text/event-stream format. */
export function encodeEvent(event: LiveEvent): Uint8Array {
	let bytes = encoded.get(event);
	if (!bytes) {
		bytes = encoder.encode(`id: ${event.version}\ndata: ${JSON.stringify(event)}\n\n`);
		encoded.set(event, bytes);
	}
	return bytes;
}

/** A streaming response for lab `labId`'s screens. */
export function liveResponse(db: DB, labId: number, options: StreamOptions = {}): Response {
	const {
		heartbeatMs = 15_000,
		retryMs = 2_000,
		maxQueued = 1_000,
		batchMs = 100,
		onClose = () => {}
	} = options;
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			let unsubscribe = () => {};
			let pending: Uint8Array[] = [];
			let timer: ReturnType<typeof setTimeout> | undefined;
			let lastWrite = -Infinity;
			// Comments keep proxies and phones from dropping a quiet connection.
			const heartbeat = setInterval(() => send(encoder.encode(': keep-alive\n\n')), heartbeatMs);
			stop = () => {
				if (!open) return;
				open = false;
				unsubscribe();
				clearInterval(heartbeat);
				clearTimeout(timer);
				pending = [];
				onClose();
			};
			const flush = () => {
				timer = undefined;
				if (!open || pending.length === 0) return;
				lastWrite = performance.now();
				const chunk = pending.length === 1 ? pending[0] : concat(pending);
				pending = [];
				if ((controller.desiredSize ?? 0) < -maxQueued) {
					stop();
					controller.close();
					return;
				}
				try {
					controller.enqueue(chunk);
				} catch {
					stop();
				}
			};
			const send = (bytes: Uint8Array, now = false) => {
				if (!open) return;
				pending.push(bytes);
				if (timer) return;
				const wait = lastWrite + batchMs - performance.now();
				if (now || wait <= 0) flush();
				else timer = setTimeout(flush, wait);
			};
			send(encoder.encode(`retry: ${retryMs}\n\n`), true);
			// Subscribe before reading the snapshot: an event published in between has a higher
			// version than the snapshot and is applied after it, never lost.
			unsubscribe = fanout.subscribe(labId, (event) => send(encodeEvent(event)));
			const view = loadView(db, labId);
			if (!view) {
				stop();
				controller.close();
				return;
			}
			send(encodeEvent({ type: 'snapshot', version: view.version, view }), true);
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-cache, no-transform',
			Connection: 'keep-alive',
			// nginx and similar proxies would otherwise buffer the stream.
			'X-Accel-Buffering': 'no'
		}
	});
}

function concat(chunks: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}
