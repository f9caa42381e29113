/** How a live screen's connection stands, for the screen to show. */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** The first pause before trying again after the browser gave up, and the longest. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * A live screen's server-sent events (a lab's board, a room round's turnout), each parsed and
 * handed to `onEvent`, with the connection's state. EventSource reconnects by itself after a
 * drop; when the browser gives up (the server was down, or refused with 429), this tries again
 * with a growing pause. The server answers every connection with a fresh snapshot, so `resync`
 * (a screen that noticed it missed an event) reconnects at once.
 */
export class LiveSource<E> {
	status: ConnectionStatus = $state('connecting');
	#url: string;
	#onEvent: (event: E) => void;
	#source: EventSource | null = null;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#delay = FIRST_DELAY_MS;

	constructor(url: string, onEvent: (event: E) => void) {
		this.#url = url;
		this.#onEvent = onEvent;
	}

	connect(): void {
		const source = new EventSource(this.#url);
		this.#source = source;
		source.onopen = () => {
			this.status = 'live';
			this.#delay = FIRST_DELAY_MS;
		};
		source.onmessage = (message: MessageEvent<string>) => {
			this.status = 'live';
			this.#onEvent(JSON.parse(message.data) as E);
		};
		source.onerror = () => {
			// A connection this has let go of (closed, or replaced) says nothing.
			if (this.#source !== source) return;
			if (source.readyState === EventSource.CLOSED) this.#restart(this.#delay);
			else this.status = 'reconnecting';
		};
	}

	/** Reconnects at once, for a fresh snapshot. */
	resync(): void {
		this.#restart(0);
	}

	close(): void {
		clearTimeout(this.#retry);
		this.#source?.close();
		this.#source = null;
	}

	#restart(delay: number): void {
		this.#source?.close();
		this.#source = null;
		this.status = delay > 0 ? 'offline' : 'reconnecting';
		clearTimeout(this.#retry);
		this.#retry = setTimeout(() => {
			this.status = 'reconnecting';
			this.connect();
		}, delay);
		this.#delay = Math.min(this.#delay * 2, MAX_DELAY_MS);
	}
}
