/**
 * A live screen's stream as server-sent events, the one writer behind every live screen (a
 * lab's board, a room round's turnout). A screen gets a `retry:` hint, then a snapshot, then
 * every event as it is published, and a comment every 15 seconds so proxies and phones keep the
 * connection open. A screen that reconnects (EventSource does so by itself) simply gets a fresh
 * snapshot: one message, and never a stale screen.
 */

export interface StreamOptions {
	heartbeatMs?: number;
	/** How long the browser waits before reconnecting after a drop. */
	retryMs?: number;
	/**
	 * Chunks queued for a screen that is not reading them (a phone on a dead connection).
	 * Past this the stream is closed; the screen reconnects and gets a snapshot.
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

/** What a stream watches: its events as they happen, and the whole of it now. */
export interface LiveSource<E extends object> {
	/** Calls `send` with each event until the returned function is called. */
	subscribe(send: (event: E) => void): () => void;
	/**
	 * The whole screen as one event, read after subscribing, so an event published in between
	 * is sent after it, never lost. Undefined when the thing watched has gone: the stream ends.
	 */
	snapshot(): E | undefined;
	/** The event's id, sent as `id:` (the browser sends the last one back as Last-Event-ID). */
	id?: (event: E) => string | number;
}

const encoder = new TextEncoder();
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');
// Each event is encoded once however many screens receive it.
const encoded = new WeakMap<object, Uint8Array>();

/** One event in the text/event-stream format, with its id if it has one. */
export function encodeEvent<E extends object>(event: E, id?: (event: E) => string | number) {
	let bytes = encoded.get(event);
	if (!bytes) {
		const head = id ? `id: ${id(event)}\n` : '';
		bytes = encoder.encode(`${head}data: ${JSON.stringify(event)}\n\n`);
		encoded.set(event, bytes);
	}
	return bytes;
}

/** A streaming response that sends `source` to one screen. */
export function eventStream<E extends object>(
	source: LiveSource<E>,
	options: StreamOptions = {}
): Response {
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
			const heartbeat = setInterval(() => send(KEEP_ALIVE), heartbeatMs);
			stop = () => {
				if (!open) return;
				open = false;
				unsubscribe();
				clearInterval(heartbeat);
				clearTimeout(timer);
				pending = [];
				onClose();
			};
			const end = () => {
				stop();
				controller.close();
			};
			const flush = () => {
				timer = undefined;
				if (!open || pending.length === 0) return;
				lastWrite = performance.now();
				const chunk = pending.length === 1 ? pending[0] : concat(pending);
				pending = [];
				if ((controller.desiredSize ?? 0) < -maxQueued) return end();
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
			unsubscribe = source.subscribe((event) => send(encodeEvent(event, source.id)));
			const snapshot = source.snapshot();
			if (!snapshot) return end();
			send(encodeEvent(snapshot, source.id), true);
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-store, no-transform',
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
