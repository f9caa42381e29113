/**
 * How many live streams (server-sent events: a lab's board, a room round's turnout) may be open
 * at once, per address and per thing watched, so that one address cannot hold thousands of
 * connections and the memory behind them. A stream over a limit is answered 429 with
 * Retry-After; EventSource and the lab's live board try again later by themselves.
 *
 * The limits are generous for a meeting: every phone in a room may share the venue's one
 * address, so that cap must cover a full room (the lab benchmark runs 300 phones and a projector
 * from one address). LIVE_STREAMS_PER_ADDRESS and LIVE_STREAMS_PER_LAB change them.
 */
import * as config from './config';

export interface StreamLimits {
	/** Streams one address may hold open, of every kind together. */
	perAddress: number;
	/** Streams open on one lab, or one room round. */
	perTarget: number;
}

/** A lab's screens: the projector, the console and every phone in the room. */
export function labLimits(): StreamLimits {
	return { perAddress: config.liveStreamsPerAddress(), perTarget: config.liveStreamsPerLab() };
}

/** A room round's turnout: projectors and the facilitator's screens, never the phones. */
export function roundLimits(): StreamLimits {
	return { perAddress: config.liveStreamsPerAddress(), perTarget: 50 };
}

/** Seconds a refused screen is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * The streams open in this process, counted by address and by target. Module state, like the
 * lab's fan-out: it holds addresses only while their streams are open, and starts empty on a
 * restart (when every stream has gone too).
 */
class OpenStreams {
	#byAddress = new Map<string, number>();
	#byTarget = new Map<string, number>();

	/** A slot for one more stream, with the function that gives it back; null if over a limit. */
	take(address: string, target: string, limits: StreamLimits): (() => void) | null {
		if ((this.#byAddress.get(address) ?? 0) >= limits.perAddress) return null;
		if ((this.#byTarget.get(target) ?? 0) >= limits.perTarget) return null;
		bump(this.#byAddress, address, 1);
		bump(this.#byTarget, target, 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			bump(this.#byAddress, address, -1);
			bump(this.#byTarget, target, -1);
		};
	}

	/** How many are open, and how many addresses and targets are being tracked (for tests). */
	size(): { streams: number; addresses: number; targets: number } {
		let streams = 0;
		for (const n of this.#byAddress.values()) streams += n;
		return { streams, addresses: this.#byAddress.size, targets: this.#byTarget.size };
	}
}

function bump(map: Map<string, number>, key: string, by: number): void {
	const n = (map.get(key) ?? 0) + by;
	if (n > 0) map.set(key, n);
	else map.delete(key);
}

export const openStreams = new OpenStreams();

/**
 * Opens a stream for `address` on `target` if the limits allow: `make` builds the response and
 * must call `release` once the stream has ended, however it ends. Otherwise a 429.
 */
export function openStream(
	address: string,
	target: string,
	limits: StreamLimits,
	make: (release: () => void) => Response
): Response {
	const release = openStreams.take(address, target, limits);
	if (!release)
		return new Response(
			'Too many live connections from this address or to this screen. Try again in a minute.',
			{
				status: 429,
				headers: {
					'Content-Type': 'text/plain; charset=utf-8',
					'Retry-After': String(RETRY_AFTER_SECONDS)
				}
			}
		);
	try {
		return make(release);
	} catch (e) {
		release();
		throw e;
	}
}
