import { applyLiveEvent, type BoardView, type LiveEvent } from '$lib/lab/view';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * A lab board kept current over server-sent events, with the connection state for the screen
 * to show. EventSource reconnects by itself after a drop; when the browser gives up (the
 * server was down), this tries again with a growing pause. A gap in versions (an event missed)
 * reconnects at once, and the server answers every connection with a fresh snapshot.
 */
export class LiveBoard {
	view: BoardView = $state.raw() as unknown as BoardView;
	status: ConnectionStatus = $state('connecting');
	#url: string;
	#source: EventSource | null = null;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#delay = 1_000;
	#closed = false;
	#onEvent: ((event: LiveEvent, before: BoardView) => void) | undefined;

	constructor(
		initial: BoardView,
		url: string,
		onEvent?: (event: LiveEvent, before: BoardView) => void
	) {
		this.view = initial;
		this.#url = url;
		this.#onEvent = onEvent;
	}

	connect(): void {
		this.#closed = false;
		const source = new EventSource(this.#url);
		this.#source = source;
		source.onopen = () => {
			this.status = 'live';
			this.#delay = 1_000;
		};
		source.onmessage = (message: MessageEvent<string>) => {
			const event = JSON.parse(message.data) as LiveEvent;
			const before = this.view;
			const { view, resync } = applyLiveEvent(before, event);
			this.status = 'live';
			if (resync) {
				this.#restart(0);
				return;
			}
			this.view = view;
			this.#onEvent?.(event, before);
		};
		source.onerror = () => {
			if (this.#closed) return;
			if (source.readyState === EventSource.CLOSED) this.#restart(this.#delay);
			else this.status = 'reconnecting';
		};
	}

	/** Takes a view the page loaded (after a form was sent) if it is at least as new. */
	update(view: BoardView): void {
		if (view.version >= this.view.version) this.view = view;
	}

	close(): void {
		this.#closed = true;
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
			if (this.#closed) return;
			this.status = 'reconnecting';
			this.connect();
		}, delay);
		this.#delay = Math.min(this.#delay * 2, 30_000);
	}
}
